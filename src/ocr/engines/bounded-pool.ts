/** A job that ran past the pool's timeout: its resource was destroyed and will be replaced. */
export class PoolTimeoutError extends Error {
  constructor(readonly timeoutMs: number) {
    super(`timed out after ${timeoutMs} ms`);
    this.name = 'PoolTimeoutError';
  }
}

export class PoolClosedError extends Error {
  constructor() {
    super('the engine pool is shut down');
    this.name = 'PoolClosedError';
  }
}

export interface PoolOptions<R> {
  size: number;
  timeoutMs: number;
  create(): Promise<R>;
  destroy(resource: R): Promise<void>;
  /** Asked after each job that succeeded: true retires the resource (recycling). */
  retire?(resource: R, uses: number): boolean;
}

interface Slot<R> {
  resource?: Promise<R>;
  uses: number;
  busy: boolean;
}

/**
 * At most `size` jobs at once, each on a resource of its own (a tesseract.js worker, a process
 * slot): a resource never runs two jobs (tesseract.js #875: concurrent recognize on one worker
 * hangs). A job past the timeout has its resource destroyed (the worker terminated, the process
 * killed through the signal) and the slot gets a fresh one; a job that fails does too, since a
 * failing worker may be left in any state. tesseract.js's own Scheduler can neither time a job
 * out nor take one worker out to replace it, which is why this pool exists.
 */
export class BoundedPool<R> {
  private readonly slots: Slot<R>[];
  private readonly waiting: Array<(slot: Slot<R>) => void> = [];
  private closed = false;

  constructor(private readonly options: PoolOptions<R>) {
    this.slots = Array.from({ length: options.size }, () => ({ uses: 0, busy: false }));
  }

  /** Jobs running and waiting (for metrics and tests). */
  get load(): { running: number; waiting: number } {
    return { running: this.slots.filter((s) => s.busy).length, waiting: this.waiting.length };
  }

  async run<T>(job: (resource: R, signal: AbortSignal) => Promise<T>, signal?: AbortSignal): Promise<T> {
    const slot = await this.acquire(signal);
    const timeout = new AbortController();
    const jobSignal = signal ? AbortSignal.any([signal, timeout.signal]) : timeout.signal;
    let timer: NodeJS.Timeout | undefined;
    try {
      slot.resource ??= this.options.create();
      const resource = await slot.resource;
      const expired = new Promise<never>((_, reject) => {
        timer = setTimeout(() => {
          timeout.abort();
          reject(new PoolTimeoutError(this.options.timeoutMs));
        }, this.options.timeoutMs);
      });
      const result = await Promise.race([job(resource, jobSignal), expired]);
      slot.uses += 1;
      if (this.options.retire?.(resource, slot.uses)) this.discard(slot);
      return result;
    } catch (error) {
      this.discard(slot);
      throw error;
    } finally {
      clearTimeout(timer);
      this.release(slot);
    }
  }

  /** Destroys every resource; waiting jobs are refused. */
  async close(): Promise<void> {
    this.closed = true;
    for (const waiter of this.waiting.splice(0)) waiter(undefined as never);
    await Promise.all(this.slots.map((slot) => this.destroy(slot)));
  }

  private acquire(signal?: AbortSignal): Promise<Slot<R>> {
    if (this.closed) return Promise.reject(new PoolClosedError());
    signal?.throwIfAborted();
    const free = this.slots.find((slot) => !slot.busy);
    if (free) {
      free.busy = true;
      return Promise.resolve(free);
    }
    return new Promise((resolve, reject) => {
      const onAbort = () => {
        this.waiting.splice(this.waiting.indexOf(waiter), 1);
        reject(signal?.reason);
      };
      const waiter = (slot: Slot<R>) => {
        signal?.removeEventListener('abort', onAbort);
        if (slot === undefined) reject(new PoolClosedError());
        else resolve(slot);
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      this.waiting.push(waiter);
    });
  }

  private release(slot: Slot<R>): void {
    const next = this.waiting.shift();
    if (next && !this.closed) next(slot);
    else slot.busy = false;
  }

  /** Replaces the slot's resource: the old one is destroyed in the background. */
  private discard(slot: Slot<R>): void {
    void this.destroy(slot);
  }

  private async destroy(slot: Slot<R>): Promise<void> {
    const resource = slot.resource;
    slot.resource = undefined;
    slot.uses = 0;
    if (!resource) return;
    await resource.then((r) => this.options.destroy(r)).catch(() => undefined);
  }
}
