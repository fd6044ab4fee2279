import type { ProgressReport } from '../../state/repositories/robot-rows.js';

/**
 * An in-process handler's progress, written without making the handler wait: a report is queued
 * and the handler goes on. One write per attempt is in flight at a time; reports that arrive
 * meanwhile go together in the next write (the row gets the latest values, each report keeps its
 * own event), so a handler whose steps are shorter than a database write costs one write per
 * burst of steps, not one per step, and every step is still recorded in order.
 */
export class ProgressReporter {
  private queued: ProgressReport[] = [];
  private inFlight?: Promise<void>;
  private gone = false;

  /** `write` answers false when the lease is lost; `lost` is then called once. */
  constructor(
    private readonly write: (reports: ProgressReport[]) => Promise<boolean>,
    private readonly lost: () => void,
    private readonly onError: (error: unknown) => void,
  ) {}

  report(report: ProgressReport): void {
    if (this.gone) return;
    this.queued.push(report);
    if (!this.inFlight) this.pump();
  }

  /** Resolves once every report made so far is written (before the attempt completes or fails). */
  async settle(): Promise<void> {
    while (this.inFlight) await this.inFlight;
  }

  private pump(): void {
    const reports = this.queued;
    this.queued = [];
    this.inFlight = this.write(reports)
      .then((held) => {
        if (!held && !this.gone) {
          this.gone = true;
          this.queued = [];
          this.lost();
        }
      }, this.onError)
      .finally(() => {
        this.inFlight = undefined;
        if (this.queued.length > 0) this.pump();
      });
  }
}
