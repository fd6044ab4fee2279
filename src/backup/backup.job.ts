import { Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import { CronJob } from 'cron';
import { AppConfig } from '../core/config/app-config.service.js';
import { JobRunner } from '../state/job-runner.service.js';
import { BackupService } from './backup.service.js';

export const BACKUP_JOB = 'backup.full';

/**
 * Schedules only. BACKUP_CRON is configurable, which a `@Cron` decorator cannot read, so the job
 * is registered with the SchedulerRegistry at boot (and stopped with the others at shutdown).
 * Every instance fires; the tick is named by its scheduled time, so the instance whose claim on
 * `job_runs` wins runs it and the others skip, however late their timers fire.
 */
@Injectable()
export class BackupJob implements OnApplicationBootstrap {
  private next?: Date;

  constructor(
    private readonly runner: JobRunner,
    private readonly backups: BackupService,
    private readonly scheduler: SchedulerRegistry,
    private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    const cron = this.config.get('BACKUP_CRON');
    if (cron === 'off') return;
    const job = CronJob.from({ cronTime: cron, timeZone: 'UTC', onTick: () => void this.tick(job) });
    this.scheduler.addCronJob(BACKUP_JOB, job);
    this.next = job.nextDate().toJSDate();
    job.start();
  }

  private tick(job: CronJob): Promise<boolean> {
    const tick = this.next ?? new Date();
    this.next = job.nextDate().toJSDate();
    return this.runner.runTick(BACKUP_JOB, tick, () => this.backups.runScheduled());
  }
}
