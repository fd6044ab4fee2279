/**
 * Character and word error rates against a ground-truth text (edit distance over the reference
 * length), as OCR evaluations report them. Whitespace runs count as one space: line breaks and
 * hyphenation layout are not what is measured. Used by the OCR tests and `npm run bench:ocr`.
 */
export function editDistance<T>(a: readonly T[], b: readonly T[]): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length];
}

// Ground truths are typed with ASCII quotes; Tesseract reads the print's typographic ones.
const normalise = (text: string) =>
  text
    .normalize('NFKC')
    .replace(/[\u2018\u2019\u201a\u201b]/g, "'")
    .replace(/[\u201c\u201d\u201e\u201f]/g, '"')
    .replace(/\s+/g, ' ')
    .trim();

export function characterErrorRate(reference: string, hypothesis: string): number {
  const ref = [...normalise(reference)];
  return ref.length === 0 ? 0 : editDistance(ref, [...normalise(hypothesis)]) / ref.length;
}

export function wordErrorRate(reference: string, hypothesis: string): number {
  const ref = normalise(reference).split(' ').filter(Boolean);
  return ref.length === 0 ? 0 : editDistance(ref, normalise(hypothesis).split(' ').filter(Boolean)) / ref.length;
}

/**
 * CER independent of reading order: each reference line is paired with the hypothesis line closest
 * to it (globally greedy, each used once); unpaired lines count in full. On a multi-column page the
 * engine's block order (a drop cap, a headline placed between columns) otherwise counts a moved
 * block twice (deleted and inserted) though every character was read (cf. Clausner et al. 2020,
 * "flexible character accuracy").
 */
export function lineMatchedCharacterErrorRate(reference: string, hypothesis: string): number {
  const lines = (text: string) => text.split('\n').map(normalise).filter(Boolean);
  const ref = lines(reference);
  const hyp = lines(hypothesis);
  const pairs: Array<[number, number, number, number]> = [];
  ref.forEach((r, i) =>
    hyp.forEach((h, j) => {
      const d = editDistance([...r], [...h]);
      if (d < r.length) pairs.push([d / r.length, d, i, j]);
    }),
  );
  pairs.sort((a, b) => a[0] - b[0]);
  const usedRef = new Set<number>();
  const usedHyp = new Set<number>();
  let errors = 0;
  for (const [, d, i, j] of pairs) {
    if (usedRef.has(i) || usedHyp.has(j)) continue;
    usedRef.add(i);
    usedHyp.add(j);
    errors += d;
  }
  ref.forEach((r, i) => (errors += usedRef.has(i) ? 0 : r.length));
  hyp.forEach((h, j) => (errors += usedHyp.has(j) ? 0 : h.length));
  const total = ref.reduce((sum, r) => sum + r.length, 0);
  return total === 0 ? 0 : errors / total;
}
