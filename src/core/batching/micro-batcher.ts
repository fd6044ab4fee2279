/**
 * Group commit in the application: callers submit one item each; items that arrive while
 * `maxInFlight` batches are already running wait and go together in the next one (at most
 * `maxBatch`). An item arriving when a slot is free goes at once, alone: no timer, no added
 * latency at low load, and under load one statement (one commit) carries many items.
 *
 * `run` gets the items in submission order and answers one result per item, in the same order.
 * When a batch of several fails with an error that `isBatchError` does not blame on the
 * infrastructure, each item is retried alone, so one bad item cannot fail its neighbours.
 */
export class MicroBatcher<I, O> {
  private readonly queue: Array<{ item: I; resolve: (out: O) => void; reject: (error: unknown) => void }> = [];
  private inFlight = 0;

  constructor(
    private readonly run: (items: I[]) => Promise<O[]>,
    private readonly options: { maxInFlight: number; maxBatch: number; retryAlone: (error: unknown) => boolean },
  ) {}

  submit(item: I): Promise<O> {
    return new Promise<O>((resolve, reject) => {
      this.queue.push({ item, resolve, reject });
      this.pump();
    });
  }

  /**
   * Several items at once (a batch API call): queued together, so they share statements. Each
   * settles on its own: one item's error does not hide its neighbours' results.
   */
  submitMany(items: I[]): Promise<Array<PromiseSettledResult<O>>> {
    const answers = items.map(
      (item) => new Promise<O>((resolve, reject) => this.queue.push({ item, resolve, reject })),
    );
    this.pump();
    return Promise.allSettled(answers);
  }

  private pump(): void {
    while (this.inFlight < this.options.maxInFlight && this.queue.length > 0) {
      const batch = this.queue.splice(0, this.options.maxBatch);
      this.inFlight++;
      void this.settle(batch).finally(() => {
        this.inFlight--;
        this.pump();
      });
    }
  }

  private async settle(batch: MicroBatcher<I, O>['queue']): Promise<void> {
    try {
      const outs = await this.run(batch.map((entry) => entry.item));
      batch.forEach((entry, i) => entry.resolve(outs[i]));
    } catch (error) {
      if (batch.length === 1 || !this.options.retryAlone(error)) {
        for (const entry of batch) entry.reject(error);
        return;
      }
      await Promise.all(batch.map((entry) => this.run([entry.item]).then(([out]) => entry.resolve(out), entry.reject)));
    }
  }
}
