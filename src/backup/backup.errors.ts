import { declareErrorCodes } from '../core/errors/error-catalogue.js';

export enum BackupErrorCode {
  BackupRunning = 'BACKUP_RUNNING',
  BackupUnavailable = 'BACKUP_UNAVAILABLE',
  BackupNotFound = 'BACKUP_NOT_FOUND',
}

declare module '../core/errors/error-catalogue.js' {
  interface ErrorCodes {
    backup: BackupErrorCode;
  }
}

declareErrorCodes(BackupErrorCode, {
  [BackupErrorCode.BackupRunning]: 409,
  [BackupErrorCode.BackupUnavailable]: 503,
  [BackupErrorCode.BackupNotFound]: 404,
});
