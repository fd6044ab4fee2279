import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { READ_DATA_SOURCE } from '../../state/data-source.js';

export interface InboxRow {
  /** BIGSERIAL: pg returns it as text. */
  notification_id: string;
  audience: string;
  delivery_id: string | null;
  event_id: string | null;
  event_type: string;
  title: string;
  body: string;
  data: Record<string, unknown>;
  read_at: Date | null;
  created_at: Date;
  keyset_at: string;
}

export interface NewInboxNotification {
  audience: string;
  delivery_id: string;
  event_id: number;
  event_type: string;
  title: string;
  body: string;
  data: Record<string, unknown>;
}

/** pg_advisory_xact_lock's first key for inbox writes ("inbx"); the second is the audience's hash. */
const INBOX_LOCK_CLASS = 0x696e6278;

const COLUMNS = `notification_id, audience, delivery_id, event_id, event_type, title, body, data, read_at, created_at,
  to_char(created_at, 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS keyset_at`;

/**
 * The in-app inbox. Its ids are the SSE event ids, so a stream only ever asks for "this audience's
 * rows after id N": that is gap-free only if, per audience, rows commit in id order. A BIGSERIAL
 * alone does not promise it (two writers take 5 and 6, 6 commits first, a reader sees 6 and moves
 * past 5 for good, the loss Novu #4439 reports), so each write takes the audience's advisory lock
 * before the id is drawn and holds it to commit. This repository is the only writer.
 */
@Injectable()
export class InboxRepository {
  constructor(
    @InjectDataSource() private readonly writer: DataSource,
    @InjectDataSource(READ_DATA_SOURCE) private readonly reader: DataSource,
  ) {}

  /**
   * One row per delivery: a retried or replayed delivery finds its row there and adds none (null).
   * One statement, no explicit transaction: the CTE takes the lock before the row (and its id) is
   * made, and an xact lock is held to the statement's commit. (An explicit transaction would also
   * do on PostgreSQL, but PGlite's socket mixes other connections' queries into an open one.)
   */
  async insert(row: NewInboxNotification): Promise<InboxRow | null> {
    const inserted: InboxRow[] = await this.writer.query(
      `WITH locked AS (SELECT pg_advisory_xact_lock($1, hashtext($2)))
       INSERT INTO inbox_notifications (audience, delivery_id, event_id, event_type, title, body, data)
       SELECT $2, $3::uuid, $4::bigint, $5, $6, $7, $8::jsonb FROM locked
       ON CONFLICT (delivery_id) DO NOTHING
       RETURNING ${COLUMNS}`,
      [INBOX_LOCK_CLASS, row.audience, row.delivery_id, row.event_id, row.event_type, row.title, row.body, row.data],
    );
    return inserted[0] ?? null;
  }

  /** Newest first, below `beforeId`: ids alone order the inbox (a cursor's time is not needed). */
  page(filter: { audience: string; unreadOnly: boolean; beforeId?: string; limit: number }): Promise<InboxRow[]> {
    return this.reader.query(
      `SELECT ${COLUMNS} FROM inbox_notifications
       WHERE audience = $1 AND ($2::bigint IS NULL OR notification_id < $2) AND (NOT $3 OR read_at IS NULL)
       ORDER BY notification_id DESC LIMIT $4`,
      [filter.audience, filter.beforeId ?? null, filter.unreadOnly, filter.limit],
    );
  }

  /** Oldest first, after `afterId`: what a stream has not sent yet (a replay, or the next live rows). */
  after(audience: string, afterId: string, limit: number): Promise<InboxRow[]> {
    return this.reader.query(
      `SELECT ${COLUMNS} FROM inbox_notifications
       WHERE audience = $1 AND notification_id > $2 ORDER BY notification_id LIMIT $3`,
      [audience, afterId, limit],
    );
  }

  /** The audience's newest id now ('0' for an empty inbox): where a live feed starts. */
  async newestId(audience: string): Promise<string> {
    const rows: Array<{ id: string }> = await this.reader.query(
      `SELECT COALESCE(MAX(notification_id), 0)::text AS id FROM inbox_notifications WHERE audience = $1`,
      [audience],
    );
    return rows[0].id;
  }

  async unreadCount(audience: string): Promise<number> {
    const rows: Array<{ n: number }> = await this.reader.query(
      `SELECT count(*)::int AS n FROM inbox_notifications WHERE audience = $1 AND read_at IS NULL`,
      [audience],
    );
    return rows[0].n;
  }

  async findOne(notificationId: string): Promise<InboxRow | null> {
    const rows: InboxRow[] = await this.reader.query(
      `SELECT ${COLUMNS} FROM inbox_notifications WHERE notification_id = $1`,
      [notificationId],
    );
    return rows[0] ?? null;
  }

  /** Marks one read; one already read keeps its first read_at. Null when there is no such row. */
  async markRead(notificationId: string): Promise<InboxRow | null> {
    // An UPDATE answers [rows, affected] through TypeORM.
    const [rows]: [InboxRow[], number] = await this.writer.query(
      `UPDATE inbox_notifications SET read_at = COALESCE(read_at, NOW())
       WHERE notification_id = $1 RETURNING ${COLUMNS}`,
      [notificationId],
    );
    return rows[0] ?? null;
  }

  /** Marks every unread row of the audience read, up to `upToId` if given: what the reader has seen. */
  async markAllRead(audience: string, upToId?: string): Promise<number> {
    const [, affected]: [unknown, number] = await this.writer.query(
      `UPDATE inbox_notifications SET read_at = NOW()
       WHERE audience = $1 AND read_at IS NULL AND ($2::bigint IS NULL OR notification_id <= $2)`,
      [audience, upToId ?? null],
    );
    return affected;
  }
}
