import { PgListener } from '../state/pg-listener.service.js';
import { WORK_CHANNEL } from '../state/repositories/robot-lifecycle.repository.js';
import { Injectable } from '@nestjs/common';

/**
 * Wakes long-polling claims as soon as work arrives for their module: from this process directly,
 * from other instances through PostgreSQL LISTEN/NOTIFY. Claims also poll on a short interval, as
 * a fallback when the listening connection is down.
 */
@Injectable()
export class WorkNotifier {
  private readonly waiters = new Map<string, Set<() => void>>();

  constructor(listener: PgListener) {
    // Work created by another instance (pg_notify in the same statement as the insert).
    listener.listen(WORK_CHANNEL, (moduleName) => this.notify(moduleName));
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
