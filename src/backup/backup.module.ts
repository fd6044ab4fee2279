import { Module } from '@nestjs/common';
import { StateModule } from '../state/state.module.js';
import { BackupJob } from './backup.job.js';
import { BackupService } from './backup.service.js';
import { BackupsController } from './backups.controller.js';

/** Backups [Backup Controller]: scheduled and on-demand full backups, verified, kept BACKUP_RETENTION_DAYS. */
@Module({
  imports: [StateModule],
  controllers: [BackupsController],
  providers: [BackupService, BackupJob],
})
export class BackupModule {}
