import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { eventSql, EventType } from '../../core/events/event-catalogue.js';
import { READ_DATA_SOURCE } from '../../state/data-source.js';
import type { MailboxHealth } from './mailbox.types.js';
import { MAILBOX_COLUMNS, type MailboxRow } from './mailboxes.repository.js';

/** What a connect found against the checkpoint: `reset` when UIDVALIDITY is new (or was unknown). */
export interface ConnectedCheckpoint {
  health_before: MailboxHealth;
  last_uid: number;
  uid_validity_before: number | null;
  reset: boolean;
}

export interface HealthChange {
  before: MailboxHealth;
  after: MailboxHealth;
}

/** The health change of one statement, with its mailbox.health_changed event when it moved. */
const HEALTH_EVENT = `INSERT INTO events (event_type, event_version, robot_id, module_name, payload)
  SELECT ${eventSql(EventType.MailboxHealthChanged)}, NULL, NULL,
         jsonb_build_object('mailbox_id', p.mailbox_id, 'name', p.name, 'from', p.health, 'to', u.health,
                            'error', CASE WHEN u.health = 'HEALTHY' THEN NULL ELSE u.last_error END)
    FROM previous p JOIN updated u USING (mailbox_id) WHERE p.health IS DISTINCT FROM u.health`;

/**
 * What the watchers write: leases, health, the checkpoint on connect and on a skipped message.
 * Every write of a watcher is fenced by its lease (`leased_by = instance`): an instance that lost
 * its mailbox to another one changes nothing of it, and learns so from the empty answer.
 */
@Injectable()
export class MailboxWatchRepository {
  constructor(
    @InjectDataSource() private readonly writer: DataSource,
    @InjectDataSource(READ_DATA_SOURCE) private readonly reader: DataSource,
  ) {}

  /**
   * Renews this instance's leases on ACTIVE mailboxes and takes the ones whose lease ran out
   * (never held, released, or their instance died), in one statement; lets go of the ones it
   * holds that are no longer ACTIVE. Two instances racing for a row: the second's UPDATE waits on
   * the row lock, then re-reads the WHERE and finds it leased. Times are the database's.
   */
  async claim(instance: string, leaseMs: number): Promise<MailboxRow[]> {
    return this.writer.query(
      `WITH held AS (
         UPDATE email_mailboxes SET leased_by = $1, lease_until = now() + make_interval(secs => $2::float8 / 1000)
          WHERE status = 'ACTIVE' AND (leased_by = $1 OR leased_by IS NULL OR lease_until IS NULL OR lease_until < now())
         RETURNING ${MAILBOX_COLUMNS}
       ), dropped AS (
         UPDATE email_mailboxes SET leased_by = NULL, lease_until = now()
          WHERE leased_by = $1 AND status <> 'ACTIVE'
         RETURNING 1
       ) SELECT * FROM held`,
      [instance, leaseMs],
    );
  }

  /** Lets go of this instance's leases (all, or these), so another instance takes them at its next claim. */
  async release(instance: string, mailboxIds?: string[]): Promise<number> {
    const rows: unknown[] = await this.writer.query(
      `WITH released AS (
         UPDATE email_mailboxes SET leased_by = NULL, lease_until = now()
          WHERE leased_by = $1 AND ($2::uuid[] IS NULL OR mailbox_id = ANY($2::uuid[]))
         RETURNING 1
       ) SELECT * FROM released`,
      [instance, mailboxIds ?? null],
    );
    return rows.length;
  }

  /**
   * A connect that opened the folder: HEALTHY, last_connected_at, and the folder's UIDVALIDITY
   * against the checkpoint. A new UIDVALIDITY means every UID the checkpoint knew is void: it is
   * recorded, last_uid starts again from 0 and an audit row says so (the rescan takes in nothing
   * twice: ingest dedupes by Message-ID and content). Null when the lease is no longer ours.
   */
  async connected(mailboxId: string, instance: string, uidValidity: number): Promise<ConnectedCheckpoint | null> {
    const rows: ConnectedCheckpoint[] = await this.writer.query(
      `WITH previous AS (
         SELECT mailbox_id, name, health, uid_validity, last_uid FROM email_mailboxes
          WHERE mailbox_id = $1 AND leased_by = $2 FOR UPDATE
       ), updated AS (
         UPDATE email_mailboxes m
            SET health = 'HEALTHY', failing_since = NULL, last_connected_at = now(), uid_validity = $3::bigint,
                last_uid = CASE WHEN m.uid_validity IS DISTINCT FROM $3::bigint THEN 0 ELSE m.last_uid END
           FROM previous p WHERE m.mailbox_id = p.mailbox_id
         RETURNING m.mailbox_id, m.health, m.last_error, m.last_uid
       ), event AS (${HEALTH_EVENT}
       ), audit AS (
         INSERT INTO email_audit (mailbox_id, step, outcome, detail, actor)
         SELECT p.mailbox_id, 'checkpoint', 'reset',
                jsonb_build_object('uid_validity_before', p.uid_validity, 'uid_validity', $3::bigint,
                                   'last_uid_before', p.last_uid,
                                   'note', 'UIDVALIDITY changed: the folder is read again from UID 1; ingest dedupes by Message-ID and content, so nothing is taken in twice'),
                $2
           FROM previous p WHERE p.uid_validity IS NOT NULL AND p.uid_validity <> $3::bigint
       )
       SELECT p.health AS health_before, u.last_uid::float8 AS last_uid,
              p.uid_validity::float8 AS uid_validity_before, (p.uid_validity IS DISTINCT FROM $3::bigint) AS reset
         FROM previous p JOIN updated u USING (mailbox_id)`,
      [mailboxId, instance, uidValidity],
    );
    return rows[0] ?? null;
  }

  /** A failure: the health the watcher judged, since when it fails, and the (sanitised) error. */
  async failed(
    mailboxId: string,
    instance: string,
    health: MailboxHealth,
    failingSince: Date,
    error: string,
  ): Promise<HealthChange | null> {
    const rows: HealthChange[] = await this.writer.query(
      `WITH previous AS (
         SELECT mailbox_id, name, health FROM email_mailboxes WHERE mailbox_id = $1 AND leased_by = $2 FOR UPDATE
       ), updated AS (
         UPDATE email_mailboxes m SET health = $3, failing_since = $4, last_error = $5
           FROM previous p WHERE m.mailbox_id = p.mailbox_id
         RETURNING m.mailbox_id, m.health, m.last_error
       ), event AS (${HEALTH_EVENT})
       SELECT p.health AS before, u.health AS after FROM previous p JOIN updated u USING (mailbox_id)`,
      [mailboxId, instance, health, failingSince, error],
    );
    return rows[0] ?? null;
  }

  /** A catch-up search ran; false when the lease is no longer ours (the watcher stops). */
  async searched(mailboxId: string, instance: string): Promise<boolean> {
    const rows: unknown[] = await this.writer.query(
      `WITH touched AS (
         UPDATE email_mailboxes SET last_checked_at = now() WHERE mailbox_id = $1 AND leased_by = $2 RETURNING 1
       ) SELECT * FROM touched`,
      [mailboxId, instance],
    );
    return rows.length > 0;
  }

  /**
   * A message not handed to the ingestor (larger than EMAIL_MAX_BYTES by its RFC822.SIZE, so its
   * bytes were never fetched): an audit row (step fetch, outcome refused) and the checkpoint moves
   * past it, in one statement, so one message never blocks a mailbox.
   */
  async skip(
    mailboxId: string,
    uidValidity: number,
    uid: number,
    reason: string,
    detail: Record<string, unknown>,
    actor: string,
  ): Promise<void> {
    await this.writer.query(
      `WITH advanced AS (
         UPDATE email_mailboxes SET last_uid = GREATEST(last_uid, $3::bigint)
          WHERE mailbox_id = $1 AND uid_validity = $2::bigint
         RETURNING 1
       )
       INSERT INTO email_audit (mailbox_id, step, outcome, detail, actor)
       VALUES ($1, 'fetch', 'refused',
               jsonb_build_object('uid', $3::bigint, 'uid_validity', $2::bigint, 'reason', $4::text) || $5::jsonb, $6)`,
      [mailboxId, uidValidity, uid, reason, JSON.stringify(detail), actor],
    );
  }

  /** Every mailbox's name and health, for the health gauge. */
  healthFigures(): Promise<Array<{ name: string; health: MailboxHealth; status: string }>> {
    return this.reader.query(`SELECT name, health, status::text AS status FROM email_mailboxes ORDER BY name`);
  }
}
