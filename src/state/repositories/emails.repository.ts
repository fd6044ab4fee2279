import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { EventType } from '../../core/events/event-catalogue.js';
import { READ_DATA_SOURCE } from '../data-source.js';
import { emitEvent } from '../events/emit-event.js';
import { type Keyed, keysetAt } from './keyset.js';

export type Queryable = Pick<EntityManager, 'query'>;
export type EmailStatus = 'ROBOT_CREATED' | 'NEEDS_REVIEW' | 'NO_ROBOT' | 'REJECTED';
export type EmailSourceKind = 'imap' | 'upload' | 'mbox';

export interface NewEmailRow {
  /** Chosen by the caller, so a robot created first in the same transaction can name it. */
  email_id: string;
  message_id: string | null;
  content_sha256: string;
  raw_sha256: string | null;
  source: EmailSourceKind;
  mailbox_id: string | null;
  uid: number | null;
  status: EmailStatus;
  reject_reason: string | null;
  from_address: string | null;
  from_name: string | null;
  recipients: Array<{ address: string; name: string | null; kind: 'to' | 'cc' }>;
  subject: string | null;
  sent_at: Date | null;
  thread_id: string | null;
  in_reply_to: string | null;
  size_bytes: number;
  text_body: string | null;
  parse_warnings: string[];
  classification: Record<string, unknown> | null;
  extracted: Record<string, unknown>;
  contains_sensitive_data: boolean;
  pii_tags: string[];
  robot_id: string | null;
  created_by: string | null;
}

export interface EmailRow extends NewEmailRow {
  label: string | null;
  received_at: Date;
}

export interface EmailAttachmentRow {
  position: number;
  sha256: string;
  filename: string | null;
  media_type: string;
  size_bytes: number;
  ocr_document_id: string | null;
}

export interface EmailAuditRow {
  step: string;
  outcome: string;
  detail: Record<string, unknown>;
  actor: string | null;
  at: Date;
}

export interface AuditStep {
  step: string;
  outcome: 'ok' | 'refused' | 'skipped' | 'failed' | 'duplicate';
  detail?: Record<string, unknown>;
}

/** An email row already there with this Message-ID or content: what a duplicate answers. */
export interface ExistingEmail {
  email_id: string;
  status: EmailStatus;
  robot_id: string | null;
}

/** Thrown inside an ingest transaction when a concurrent ingest wrote the same email first. */
export class EmailAlreadyIngested extends Error {
  constructor() {
    super('the email was ingested meanwhile');
  }
}

const COLUMNS = [
  'email_id',
  'message_id',
  'content_sha256',
  'raw_sha256',
  'source',
  'mailbox_id',
  'uid',
  'status',
  'reject_reason',
  'from_address',
  'from_name',
  'recipients',
  'subject',
  'sent_at',
  'thread_id',
  'in_reply_to',
  'size_bytes',
  'text_body',
  'parse_warnings',
  'classification',
  'extracted',
  'contains_sensitive_data',
  'pii_tags',
  'robot_id',
  'created_by',
] as const satisfies ReadonlyArray<keyof NewEmailRow>;

const JSON_COLUMNS = new Set<string>(['recipients', 'parse_warnings', 'classification', 'extracted']);

/**
 * Emails as they were taken in. Each is written once, with its attachments, its audit steps, its
 * `email.ingested` event and its mailbox's checkpoint, in the caller's transaction (the robot's,
 * or the email layer's own when no robot is created). The unique indexes on Message-ID and
 * content are what make a concurrent second ingest of the same mail write nothing.
 */
@Injectable()
export class EmailsRepository {
  constructor(
    @InjectDataSource() private readonly writer: DataSource,
    @InjectDataSource(READ_DATA_SOURCE) private readonly reader: DataSource,
  ) {}

  /** Runs `work` in a transaction of the writer pool. */
  transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T> {
    return this.writer.transaction((tx) => work(tx));
  }

  /** The email already taken in with this Message-ID or this content, if any (read on the writer: it decides). */
  async findExisting(messageId: string | null, contentSha256: string, tx: Queryable = this.writer) {
    const rows: ExistingEmail[] = await tx.query(
      `SELECT email_id, status, robot_id FROM emails
        WHERE content_sha256 = $2 OR ($1::text IS NOT NULL AND message_id = $1)
        ORDER BY received_at LIMIT 1`,
      [messageId, contentSha256],
    );
    return rows[0];
  }

  /**
   * Inserts the email with its attachments, audit and event. Throws EmailAlreadyIngested when the
   * same Message-ID or content is there (the caller's transaction then rolls back what it wrote).
   */
  async insert(
    tx: Queryable,
    email: NewEmailRow,
    attachments: EmailAttachmentRow[],
    audit: AuditStep[],
    event: { attachments: number } | null,
  ): Promise<string> {
    const values = COLUMNS.map((column) => {
      const value = email[column];
      return JSON_COLUMNS.has(column) && value !== null ? JSON.stringify(value) : value;
    });
    const rows: Array<{ email_id: string }> = await tx.query(
      `INSERT INTO emails (${COLUMNS.join(', ')})
       VALUES (${COLUMNS.map((_, i) => `$${i + 1}`).join(', ')})
       ON CONFLICT DO NOTHING RETURNING email_id`,
      values,
    );
    const emailId = rows[0]?.email_id;
    if (!emailId) throw new EmailAlreadyIngested();
    if (attachments.length > 0) {
      await tx.query(
        `INSERT INTO email_attachments (email_id, position, sha256, filename, media_type, size_bytes)
         SELECT $1, * FROM unnest($2::int[], $3::text[], $4::text[], $5::text[], $6::int[])`,
        [
          emailId,
          attachments.map((a) => a.position),
          attachments.map((a) => a.sha256),
          attachments.map((a) => a.filename),
          attachments.map((a) => a.media_type),
          attachments.map((a) => a.size_bytes),
        ],
      );
    }
    await this.audit(tx, emailId, email.mailbox_id, audit, email.created_by);
    if (event && email.status !== 'REJECTED') {
      const classification = email.classification as { class_name?: string | null; confidence?: number } | null;
      await emitEvent(
        tx,
        EventType.EmailIngested,
        { robot_id: email.robot_id, module_name: null },
        {
          email_id: emailId,
          mailbox_id: email.mailbox_id,
          source: email.source,
          status: email.status,
          class_name: classification?.class_name ?? null,
          confidence: classification?.confidence ?? null,
          attachments: event.attachments,
          contains_sensitive_data: email.contains_sensitive_data,
        },
      );
    }
    return emailId;
  }

  async audit(
    tx: Queryable,
    emailId: string | null,
    mailboxId: string | null,
    steps: AuditStep[],
    actor: string | null,
  ): Promise<void> {
    if (steps.length === 0) return;
    await tx.query(
      `INSERT INTO email_audit (email_id, mailbox_id, step, outcome, detail, actor)
       SELECT $1, $2, step, outcome, detail, $3 FROM unnest($4::text[], $5::text[], $6::jsonb[]) AS s(step, outcome, detail)`,
      [
        emailId,
        mailboxId,
        actor,
        steps.map((s) => s.step),
        steps.map((s) => s.outcome),
        steps.map((s) => JSON.stringify(s.detail ?? {})),
      ],
    );
  }

  /**
   * Moves the mailbox's checkpoint past `uid`, in the ingest's transaction. Nothing moves when the
   * mailbox's UIDVALIDITY is no longer the one the message was fetched under (its UIDs mean other
   * messages now).
   */
  async advanceCheckpoint(tx: Queryable, mailboxId: string, uidValidity: number, uid: number): Promise<void> {
    await tx.query(
      `UPDATE email_mailboxes SET last_uid = GREATEST(last_uid, $3), last_checked_at = now()
        WHERE mailbox_id = $1 AND uid_validity = $2`,
      [mailboxId, uidValidity, uid],
    );
  }

  async get(emailId: string): Promise<EmailRow | undefined> {
    const rows: EmailRow[] = await this.reader.query(`SELECT * FROM emails WHERE email_id = $1`, [emailId]);
    return rows[0];
  }

  /** For an update that must see the latest row (a label right after an ingest). */
  async getForUpdate(tx: Queryable, emailId: string): Promise<EmailRow | undefined> {
    const rows: EmailRow[] = await tx.query(`SELECT * FROM emails WHERE email_id = $1 FOR UPDATE`, [emailId]);
    return rows[0];
  }

  attachments(emailId: string): Promise<EmailAttachmentRow[]> {
    return this.attachmentsIn(this.reader, emailId);
  }

  attachmentsIn(tx: Queryable, emailId: string): Promise<EmailAttachmentRow[]> {
    return tx.query(
      `SELECT position, sha256, filename, media_type, size_bytes, ocr_document_id
         FROM email_attachments WHERE email_id = $1 ORDER BY position`,
      [emailId],
    );
  }

  /** What a class becomes (email_classes): a robot type (null: none) and its priority. */
  async routeOf(className: string): Promise<{ robot_type: string | null; priority: string } | undefined> {
    const rows: Array<{ robot_type: string | null; priority: string }> = await this.writer.query(
      `SELECT robot_type, priority FROM email_classes WHERE class_name = $1`,
      [className],
    );
    return rows[0];
  }

  auditOf(emailId: string): Promise<EmailAuditRow[]> {
    return this.reader.query(
      `SELECT step, outcome, detail, actor, at FROM email_audit WHERE email_id = $1 ORDER BY audit_id`,
      [emailId],
    );
  }

  /** Newest first by (received_at, email_id). */
  list(filter: {
    status?: EmailStatus;
    mailbox_id?: string;
    class_name?: string;
    before?: { at: string; id: string };
    limit: number;
  }): Promise<Array<EmailRow & Keyed>> {
    const params: unknown[] = [filter.status ?? null, filter.mailbox_id ?? null, filter.class_name ?? null];
    let keyset = '';
    if (filter.before) {
      params.push(filter.before.at, filter.before.id);
      keyset = 'AND (received_at, email_id) < ($4::timestamp, $5::uuid)';
    }
    params.push(filter.limit);
    return this.reader.query(
      `SELECT email_id, message_id, source, mailbox_id, status, reject_reason, from_address, from_name, subject,
              sent_at, thread_id, size_bytes, classification, label, contains_sensitive_data, pii_tags, robot_id,
              received_at, ${keysetAt('received_at')}
         FROM emails
        WHERE ($1::email_status_enum IS NULL OR status = $1)
          AND ($2::uuid IS NULL OR mailbox_id = $2)
          AND ($3::text IS NULL OR COALESCE(label, classification->>'class_name') = $3) ${keyset}
        ORDER BY received_at DESC, email_id DESC LIMIT $${params.length}`,
      params,
    );
  }

  /** The PENDING review of this email's class, if any. */
  async pendingReviewOf(emailId: string): Promise<string | undefined> {
    const rows: Array<{ review_id: string }> = await this.writer.query(
      `SELECT review_id FROM review_items WHERE email_id = $1 AND status = 'PENDING' LIMIT 1`,
      [emailId],
    );
    return rows[0]?.review_id;
  }

  async setLabel(tx: Queryable, emailId: string, label: string): Promise<void> {
    await tx.query(`UPDATE emails SET label = $2 WHERE email_id = $1`, [emailId, label]);
  }

  async setOutcome(tx: Queryable, emailId: string, status: EmailStatus, robotId: string | null): Promise<void> {
    await tx.query(`UPDATE emails SET status = $2, robot_id = COALESCE($3, robot_id) WHERE email_id = $1`, [
      emailId,
      status,
      robotId,
    ]);
  }

  async linkOcrDocument(emailId: string, position: number, documentId: string): Promise<void> {
    await this.writer.query(`UPDATE email_attachments SET ocr_document_id = $3 WHERE email_id = $1 AND position = $2`, [
      emailId,
      position,
      documentId,
    ]);
  }
}
