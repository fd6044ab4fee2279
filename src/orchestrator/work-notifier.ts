import { Injectable } from '@nestjs/common';

/**
 * Wakes long-polling claims in this process as soon as work arrives for their module. Claims also
 * poll on a short interval, which covers work created by another instance.
 */
@Injectable()
export class WorkNotifier {
  private readonly waiters = new Map<string, Set<() => void>>();

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
