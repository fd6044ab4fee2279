interface Waiter {
  until: () => boolean;
  resolve: () => void;
  timer?: NodeJS.Timeout;
}

/**
 * A wait that ends early: `wait(ms, until)` resolves after `ms`, or at the first `fire()` after
 * which `until()` holds. One timer at a time, cleared when the wait ends, never keeping the
 * process alive.
 */
export class Wakeup {
  private waiter?: Waiter;

  wait(ms: number, until: () => boolean): Promise<void> {
    if (until()) return Promise.resolve();
    return new Promise<void>((resolve) => {
      const waiter: Waiter = { until, resolve };
      waiter.timer = setTimeout(() => this.end(waiter), Math.max(0, ms));
      waiter.timer.unref();
      if (this.waiter) this.end(this.waiter);
      this.waiter = waiter;
    });
  }

  fire(): void {
    const waiter = this.waiter;
    if (waiter?.until()) this.end(waiter);
  }

  private end(waiter: Waiter): void {
    clearTimeout(waiter.timer);
    if (this.waiter === waiter) this.waiter = undefined;
    waiter.resolve();
  }
}
