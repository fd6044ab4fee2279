import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';

@Injectable()
export class JobRunsRepository {
  constructor(@InjectDataSource() private readonly writer: DataSource) {}

  /** True for exactly one caller per (job, tick), whichever instance asks first. */
  async claimTick(jobName: string, tick: Date, instanceId: string): Promise<boolean> {
    const rows: unknown[] = await this.writer.query(
      `INSERT INTO job_runs (job_name, tick, instance_id) VALUES ($1, $2, $3)
       ON CONFLICT (job_name, tick) DO NOTHING RETURNING job_name`,
      [jobName, tick, instanceId],
    );
    return rows.length === 1;
  }

  async finish(jobName: string, tick: Date, outcome: Record<string, unknown>): Promise<void> {
    await this.writer.query(`UPDATE job_runs SET finished_at = now(), outcome = $3 WHERE job_name = $1 AND tick = $2`, [
      jobName,
      tick,
      outcome,
    ]);
  }

  runs(jobName: string): Promise<Array<{ tick: Date; instance_id: string; outcome: Record<string, unknown> | null }>> {
    return this.writer.query(`SELECT tick, instance_id, outcome FROM job_runs WHERE job_name = $1 ORDER BY tick`, [
      jobName,
    ]);
  }
}
