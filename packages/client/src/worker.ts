import {
  BotfleetClient,
  type ClaimedRobot,
  type ClientOptions,
  type ErrorCategory,
  type StepCategory,
} from './client.js';
import { ApiError } from './errors.js';

/** Thrown from a handler: the robot failed for good (VALIDATION: the server does not retry it). */
export class PermanentError extends Error {
  override readonly name = 'PermanentError';
  readonly category: ErrorCategory = 'VALIDATION';
}

/** Thrown from a handler: worth another attempt (EXTERNAL_API unless told; retried up to retry_limit). */
export class RetryableError extends Error {
  override readonly name = 'RetryableError';

  constructor(
    message: string,
    readonly category: Exclude<ErrorCategory, 'VALIDATION'> = 'EXTERNAL_API',
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
  }
}

/** Why a handler's signal was aborted. */
export class LeaseLostError extends Error {
  override readonly name = 'LeaseLostError';
}

export interface RobotContext {
  readonly robot: ClaimedRobot;
  /** Aborted when the lease is lost: the robot was cancelled, or its lease expired and was reclaimed. */
  readonly signal: AbortSignal;
  /** Reports progress (0-100) and extends the lease. */
  progress(percentage: number, message?: string): Promise<void>;
  /** Reports the step the robot is in and extends the lease. */
  step(name: string, category?: StepCategory): Promise<void>;
}

export type WorkerHandler = (
  input: Record<string, unknown>,
  context: RobotContext,
) => Promise<Record<string, unknown> | void> | Record<string, unknown> | void;

export interface WorkerOptions {
  /** A client, or what to build one from. The key needs the work scope (and modules:write to register). */
  client: BotfleetClient | ClientOptions;
  /** The module this worker claims for. */
  module: string;
  /** Registers (or re-registers) the module before the first claim; omit if it is registered already. */
  register?: { version: string; robotTypes: string[]; healthEndpoint?: string; registrationData?: object };
  handler: WorkerHandler;
  /** Robots run at once (default 1). */
  concurrency?: number;
  /** Lease asked for at claim time (default 60 s); heartbeats extend it while the handler runs. */
  leaseSeconds?: number;
  /** Long poll per claim (default 10 s): also how long stop() may wait for an outstanding claim. */
  pollWaitMs?: number;
  /** Longest gap between heartbeats (default 5 s): how soon a cancelled robot's signal aborts. */
  heartbeatMs?: number;
  /** Backoff after a failed claim: doubles from minMs to maxMs, with jitter (default 500 ms .. 30 s). */
  backoff?: { minMs?: number; maxMs?: number };
  /** Anything the loop survives: a failed claim, a report that did not arrive. Never given the key. */
  onError?: (error: unknown, robot?: ClaimedRobot) => void;
}

export interface StopOptions {
  /** How long in-flight robots may take to finish (default 30 s); the rest are released. */
  timeoutMs?: number;
}

interface InFlight {
  robot: ClaimedRobot;
  abort: AbortController;
  done: Promise<void>;
}

/**
 * The remote-module loop over the REST API: claim under a lease (long poll, backoff on errors),
 * run the handler with heartbeats that extend the lease, then complete or fail with a category.
 * A lease the server refuses (LEASE_LOST: cancelled, or expired and reclaimed) aborts the
 * handler's signal and its result is dropped.
 */
export class Worker {
  readonly client: BotfleetClient;
  private readonly concurrency: number;
  private readonly leaseSeconds: number;
  private readonly pollWaitMs: number;
  private readonly minBackoff: number;
  private readonly maxBackoff: number;
  private readonly inFlight = new Map<string, InFlight>();
  private stopping = false;
  private loop: Promise<void> | null = null;
  private slotFreed: (() => void) | null = null;
  private wakeBackoff: (() => void) | null = null;
  /** Robots released at stop (their attempt failed as retryable) because they did not finish in time. */
  released = 0;

  constructor(private readonly options: WorkerOptions) {
    this.client = options.client instanceof BotfleetClient ? options.client : new BotfleetClient(options.client);
    this.concurrency = Math.max(1, options.concurrency ?? 1);
    this.leaseSeconds = options.leaseSeconds ?? 60;
    this.pollWaitMs = options.pollWaitMs ?? 10_000;
    this.minBackoff = options.backoff?.minMs ?? 500;
    this.maxBackoff = options.backoff?.maxMs ?? 30_000;
  }

  /** Registers the module when asked, then claims until stop(). Resolves once the loop is running. */
  async start(): Promise<void> {
    if (this.loop) return;
    const register = this.options.register;
    if (register) {
      await this.client.registerModule({
        module_name: this.options.module,
        module_version: register.version,
        supported_robot_types: register.robotTypes,
        max_concurrent_robots: this.concurrency,
        ...(register.healthEndpoint ? { health_endpoint: register.healthEndpoint } : {}),
        ...(register.registrationData
          ? { registration_data: register.registrationData as Record<string, unknown> }
          : {}),
      });
    }
    this.loop = this.claimLoop();
  }

  /** Robots running now. */
  get active(): number {
    return this.inFlight.size;
  }

  /**
   * Stops claiming, waits for the outstanding long poll (up to pollWaitMs) and for in-flight robots
   * up to timeoutMs; robots still running then are released: their attempt fails as SYSTEM, which
   * the server retries (there is no release endpoint), and their handlers' signals are aborted.
   */
  async stop(options: StopOptions = {}): Promise<void> {
    this.stopping = true;
    this.wakeBackoff?.();
    this.slotFreed?.();
    await this.loop;
    const drained = Promise.all([...this.inFlight.values()].map((job) => job.done));
    let timer: NodeJS.Timeout | undefined;
    const timedOut = await Promise.race([
      drained.then(() => false),
      new Promise<boolean>((ok) => (timer = setTimeout(() => ok(true), options.timeoutMs ?? 30_000))),
    ]);
    clearTimeout(timer);
    if (timedOut) {
      await Promise.all([...this.inFlight.values()].map((job) => this.release(job)));
      await drained;
    }
  }

  private async claimLoop(): Promise<void> {
    let failures = 0;
    while (!this.stopping) {
      const free = this.concurrency - this.inFlight.size;
      if (free <= 0) {
        await new Promise<void>((ok) => (this.slotFreed = ok));
        continue;
      }
      let claimed: ClaimedRobot[];
      try {
        claimed = await this.client.claim(this.options.module, {
          max_robots: free,
          lease_seconds: this.leaseSeconds,
          wait_ms: this.pollWaitMs,
        });
        failures = 0;
      } catch (error) {
        this.options.onError?.(error);
        failures++;
        await this.sleep(this.backoffMs(failures));
        continue;
      }
      for (const robot of claimed) {
        // Claimed while stopping: hand it straight back rather than start work nobody waits for.
        if (this.stopping) await this.failQuietly(robot, 'SYSTEM', 'Released: the worker is stopping');
        else this.run(robot);
      }
    }
  }

  private run(robot: ClaimedRobot): void {
    const abort = new AbortController();
    const job: InFlight = { robot, abort, done: Promise.resolve() };
    job.done = this.execute(job).finally(() => {
      this.inFlight.delete(robot.execute_id);
      this.slotFreed?.();
    });
    this.inFlight.set(robot.execute_id, job);
  }

  private async execute(job: InFlight): Promise<void> {
    const { robot, abort } = job;
    const report = async (body: Omit<Parameters<BotfleetClient['progress']>[1], 'lease_token'>) => {
      if (abort.signal.aborted) return;
      try {
        const execution = await this.client.progress(robot.execute_id, { lease_token: robot.lease_token, ...body });
        heartbeat.schedule(execution.lease_expires_at);
      } catch (error) {
        if (isLeaseLost(error)) abort.abort(new LeaseLostError(`lease lost for ${robot.robot_id}`));
        else this.options.onError?.(error, robot);
      }
    };
    const heartbeat = new Heartbeat(() => void report({}), this.options.heartbeatMs ?? 5_000);
    heartbeat.schedule(robot.lease_expires_at);
    const context: RobotContext = {
      robot,
      signal: abort.signal,
      progress: (percentage, message) =>
        report({
          progress_percentage: Math.max(0, Math.min(100, Math.round(percentage))),
          ...(message ? { step_details: { message } } : {}),
        }),
      step: (name, category) => report({ current_step: name, ...(category ? { step_category: category } : {}) }),
    };
    let output: Record<string, unknown> | void;
    try {
      output = await this.options.handler(robot.input_data as Record<string, unknown>, context);
    } catch (error) {
      heartbeat.stop();
      if (abort.signal.aborted || isLeaseLost(error)) return;
      const { category, details } = categorise(error);
      await this.failQuietly(robot, category, messageOf(error), details);
      return;
    } finally {
      heartbeat.stop();
    }
    if (!abort.signal.aborted) await this.completeOrReport(robot, output ?? {});
  }

  /**
   * The handler's work is done: a lost answer is retried (twice, after 1 and 2 s) rather than the
   * work redone; an output the server refuses (400: too large, not an object) fails the attempt.
   */
  private async completeOrReport(robot: ClaimedRobot, output: Record<string, unknown>): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      try {
        await this.client.complete(robot.execute_id, { lease_token: robot.lease_token, output_data: output });
        return;
      } catch (error) {
        if (isLeaseLost(error)) return;
        const transient = !(error instanceof ApiError) || error.status >= 500 || error.status === 429;
        if (transient && attempt < 3) {
          await new Promise((ok) => setTimeout(ok, attempt * 1_000));
          continue;
        }
        this.options.onError?.(error, robot);
        if (!transient) await this.failQuietly(robot, 'SYSTEM', `The server refused the output: ${messageOf(error)}`);
        return;
      }
    }
  }

  private async release(job: InFlight): Promise<void> {
    if (job.abort.signal.aborted) return;
    job.abort.abort(new LeaseLostError('released: the worker stopped before the robot finished'));
    if (await this.failQuietly(job.robot, 'SYSTEM', 'Released: the worker stopped before the robot finished'))
      this.released++;
  }

  private async failQuietly(
    robot: ClaimedRobot,
    category: ErrorCategory,
    message: string,
    details?: Record<string, unknown>,
  ): Promise<boolean> {
    try {
      await this.client.fail(robot.execute_id, {
        lease_token: robot.lease_token,
        error_category: category,
        error_message: message.slice(0, 2_000) || 'failed',
        ...(details ? { error_details: details } : {}),
      });
      return true;
    } catch (error) {
      if (!isLeaseLost(error)) this.options.onError?.(error, robot);
      return false;
    }
  }

  private backoffMs(failures: number): number {
    const ceiling = Math.min(this.maxBackoff, this.minBackoff * 2 ** (failures - 1));
    return ceiling / 2 + (Math.random() * ceiling) / 2;
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((ok) => {
      const timer = setTimeout(ok, ms);
      this.wakeBackoff = () => {
        clearTimeout(timer);
        ok();
      };
    });
  }
}

/** Extends the lease at a third of what is left of it (two may be lost before it runs out), at most maxGapMs apart. */
class Heartbeat {
  private timer: NodeJS.Timeout | undefined;
  private stopped = false;

  constructor(
    private readonly beat: () => void,
    private readonly maxGapMs: number,
  ) {}

  schedule(expiresAt: string | null): void {
    if (this.stopped) return;
    clearTimeout(this.timer);
    const left = expiresAt ? Date.parse(expiresAt) - Date.now() : 30_000;
    this.timer = setTimeout(this.beat, Math.max(200, Math.min(this.maxGapMs, left / 3)));
    this.timer.unref();
  }

  stop(): void {
    this.stopped = true;
    clearTimeout(this.timer);
  }
}

function isLeaseLost(error: unknown): boolean {
  return error instanceof ApiError && error.status === 409 && error.code === 'LEASE_LOST';
}

function categorise(error: unknown): { category: ErrorCategory; details?: Record<string, unknown> } {
  if (error instanceof PermanentError) return { category: 'VALIDATION' };
  if (error instanceof RetryableError) return { category: error.category, details: error.details };
  const named = (error as { category?: unknown } | null)?.category;
  if (named === 'VALIDATION' || named === 'TIMEOUT' || named === 'EXTERNAL_API' || named === 'SYSTEM')
    return { category: named };
  return { category: 'SYSTEM', details: { error: error instanceof Error ? error.name : typeof error } };
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
