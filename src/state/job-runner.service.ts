import { Injectable, Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { JobRunsRepository } from './repositories/job-runs.repository.js';

/**
 * Runs a background job's tick on exactly one instance. Every instance's cron fires; the tick
 * (the schedule's time slot) is claimed with an INSERT on `job_runs`, and only the winner works.
 */
@Injectable()
export class JobRunner {
  readonly instanceId = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  private readonly logger = new Logger(JobRunner.name);
  private readonly running = new Set<string>();

  constructor(private readonly runs: JobRunsRepository) {}

  /** Runs `work` unless another instance has this tick, or this instance is still on the last one. */
  runOnce(jobName: string, periodMs: number, work: () => Promise<Record<string, unknown>>): Promise<boolean> {
    return this.runTick(jobName, new Date(Math.floor(Date.now() / periodMs) * periodMs), work);
  }

  /**
   * As runOnce, for a tick the caller names: a cron schedule's fire time, which every instance
   * computes alike however late its timer fires.
   */
  async runTick(jobName: string, tick: Date, work: () => Promise<Record<string, unknown>>): Promise<boolean> {
    if (this.running.has(jobName)) return false;
    this.running.add(jobName);
    try {
      if (!(await this.runs.claimTick(jobName, tick, this.instanceId))) return false;
      let outcome: Record<string, unknown>;
      try {
        outcome = await work();
      } catch (error) {
        this.logger.error(`${jobName} failed: ${(error as Error).message}`);
        outcome = { error: (error as Error).message };
      }
      await this.runs.finish(jobName, tick, outcome);
      return true;
    } catch (error) {
      // The database itself is unreachable: the next tick tries again.
      this.logger.warn(`${jobName} skipped: ${(error as Error).message}`);
      return false;
    } finally {
      this.running.delete(jobName);
    }
  }
}
