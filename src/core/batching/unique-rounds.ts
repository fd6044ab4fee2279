/**
 * Runs a batch in rounds in which no key appears twice, in submission order, and answers one
 * result per item (null when `run` returned nothing for its key). One SQL statement cannot touch a
 * row twice, so two reports (or completions) of one attempt in a batch go in successive rounds:
 * the second sees what the first did.
 */
export async function inUniqueRounds<I, O>(
  items: I[],
  keyOf: (item: I) => string,
  run: (round: I[]) => Promise<O[]>,
  keyOfResult: (out: O) => string,
): Promise<Array<O | null>> {
  const results = new Array<O | null>(items.length).fill(null);
  let pending = items.map((item, index) => ({ item, index }));
  while (pending.length > 0) {
    const seen = new Set<string>();
    const round: typeof pending = [];
    const later: typeof pending = [];
    for (const entry of pending) {
      const key = keyOf(entry.item);
      if (seen.has(key)) later.push(entry);
      else {
        seen.add(key);
        round.push(entry);
      }
    }
    const outs = await run(round.map(({ item }) => item));
    const byKey = new Map(outs.map((out) => [keyOfResult(out), out]));
    for (const { item, index } of round) results[index] = byKey.get(keyOf(item)) ?? null;
    pending = later;
  }
  return results;
}
