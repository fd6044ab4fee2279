import { PgListener } from '../state/pg-listener.service.js';
import { Injectable } from '@nestjs/common';

/** PostgreSQL channel on which new work is announced to every instance (payload: module name). */
export const WORK_CHANNEL = 'botfleet_work';

/**
 * Wakes long-polling claims as soon as work arrives for their module: from this process directly,
 * from other instances through PostgreSQL LISTEN/NOTIFY. Claims also poll on a short interval, as
 * a fallback when the listening connection is down.
 */
const ANNOUNCE_COALESCE_MS = 3;

@Injectable()
export class WorkNotifier {
  private readonly waiters = new Map<string, Set<() => void>>();

  private readonly outgoing = new Set<string>();
  private flushing?: NodeJS.Timeout;

  constructor(private readonly listener: PgListener) {
    // Work created by another instance.
    listener.listen(WORK_CHANNEL, (moduleName) => this.notify(moduleName));
  }

  /**
   * New work for a module, committed: wakes this process's waiters now, and other instances' within
   * a few milliseconds (one NOTIFY per module per ANNOUNCE_COALESCE_MS, however many robots arrived).
   */
  announce(moduleName: string): void {
    this.notify(moduleName);
    this.outgoing.add(moduleName);
    this.flushing ??= setTimeout(() => {
      const modules = [...this.outgoing];
      this.outgoing.clear();
      this.flushing = undefined;
      void this.listener.publish(WORK_CHANNEL, modules);
    }, ANNOUNCE_COALESCE_MS);
  }

  notify(moduleName: string): void {
    const waiting = this.waiters.get(moduleName);
    if (!waiting) return;
    this.waiters.delete(moduleName);
    for (const wake of waiting) wake();
  }

  /** Resolves on the next notify for the module, or after `ms`, whichever comes first. */
  wait(moduleName: string, ms: number): Promise<void> {
    return new Promise((resolve) => {
      const waiting = this.waiters.get(moduleName) ?? new Set<() => void>();
      this.waiters.set(moduleName, waiting);
      const wake = () => {
        clearTimeout(timer);
        waiting.delete(wake);
        resolve();
      };
      const timer = setTimeout(wake, ms);
      waiting.add(wake);
    });
  }
}
