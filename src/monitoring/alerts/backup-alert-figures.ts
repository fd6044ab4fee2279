import type { DataSource } from 'typeorm';
import type { BackupFigure } from './alert-rules.js';

/** What the backup_failing rule reads from backup_log: the newest verified backup's age, the newest finished one's outcome. */
export class BackupAlertFigures {
  constructor(private readonly reader: DataSource) {}

  async latest(): Promise<BackupFigure> {
    const rows: BackupFigure[] = await this.reader.query(
      `SELECT (SELECT extract(epoch FROM now() - max(started_at))::float8 FROM backup_log
                WHERE status = 'SUCCEEDED' AND verified) AS last_verified_age_seconds,
              (SELECT extract(epoch FROM now() - min(started_at))::float8 FROM backup_log) AS first_age_seconds,
              last.status AS last_status, last.error AS last_error
         FROM (SELECT 1) one
         LEFT JOIN LATERAL (SELECT status::text, error FROM backup_log WHERE status <> 'RUNNING'
                             ORDER BY started_at DESC LIMIT 1) last ON true`,
    );
    return rows[0];
  }
}
