import type { DataSource } from 'typeorm';
import type { MailboxFigure } from './alert-rules.js';

/**
 * What the mailbox_unhealthy rule reads: every ACTIVE mailbox's health and how long it has gone
 * unwatched (a lease given back at shutdown keeps its end time, so a takeover in progress is not
 * mistaken for an abandoned mailbox; a resume counts from the resume).
 */
export class MailboxAlertFigures {
  constructor(private readonly reader: DataSource) {}

  active(): Promise<MailboxFigure[]> {
    return this.reader.query(
      `SELECT mailbox_id, name, health, last_error,
              CASE WHEN leased_by IS NOT NULL AND lease_until > now() THEN 0
                   ELSE extract(epoch FROM now() - greatest(coalesce(lease_until, created_at), updated_at))::float8
              END AS unwatched_seconds
         FROM email_mailboxes WHERE status = 'ACTIVE' ORDER BY name`,
    );
  }
}
