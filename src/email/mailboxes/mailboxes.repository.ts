import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { READ_DATA_SOURCE } from '../../state/data-source.js';
import { type Keyed, keysetAt } from '../../state/repositories/keyset.js';
import type { AfterProcessing, AuthMethod, MailboxHealth, MailboxStatus } from './mailbox.types.js';

export interface MailboxRow {
  mailbox_id: string;
  name: string;
  host: string;
  port: number;
  secure: boolean;
  username: string;
  auth_method: AuthMethod;
  secret_sealed: string;
  folder: string;
  after_processing: AfterProcessing;
  move_to: string | null;
  status: MailboxStatus;
  health: MailboxHealth;
  last_error: string | null;
  last_connected_at: Date | null;
  last_checked_at: Date | null;
  failing_since: Date | null;
  /** BIGINT columns read as numbers: UIDs and UIDVALIDITY are 32-bit unsigned (RFC 9051). */
  uid_validity: number | null;
  last_uid: number;
  leased_by: string | null;
  lease_until: Date | null;
  created_by: string | null;
  created_at: Date;
  updated_at: Date;
}

/** A mailbox to store: the host already checked, the secret already sealed. */
export type NewMailbox = Pick<
  MailboxRow,
  | 'name'
  | 'host'
  | 'port'
  | 'secure'
  | 'username'
  | 'auth_method'
  | 'secret_sealed'
  | 'folder'
  | 'after_processing'
  | 'move_to'
  | 'status'
  | 'created_by'
>;

/** What PATCH may change; `reset_checkpoint` starts the checkpoint over (another server, user or folder). */
export type MailboxChanges = Partial<Omit<NewMailbox, 'created_by'>> & { reset_checkpoint?: boolean };

export const MAILBOX_COLUMNS = `mailbox_id, name, host, port, secure, username, auth_method, secret_sealed, folder,
  after_processing::text AS after_processing, move_to, status::text AS status, health, last_error, last_connected_at,
  last_checked_at, failing_since, uid_validity::float8 AS uid_validity, last_uid::float8 AS last_uid, leased_by,
  lease_until, created_by, created_at, updated_at`;

// UPDATEs are read through a CTE: TypeORM answers a bare UPDATE ... RETURNING as [rows, count].
// The columns PATCH writes, by field: only these names ever reach the SQL text.
const CHANGEABLE: Record<Exclude<keyof MailboxChanges, 'reset_checkpoint'>, string> = {
  name: 'name = $#',
  host: 'host = $#',
  port: 'port = $#',
  secure: 'secure = $#',
  username: 'username = $#',
  auth_method: 'auth_method = $#',
  secret_sealed: 'secret_sealed = $#',
  folder: 'folder = $#',
  after_processing: 'after_processing = $#::mailbox_after_enum',
  move_to: 'move_to = $#',
  status: 'status = $#::mailbox_status_enum',
};

export interface MailboxListFilter {
  status?: MailboxStatus;
  health?: MailboxHealth;
  before?: { at: string; id: string };
  limit: number;
}

/** Mailboxes as configured over REST: one purpose per method, raw SQL. */
@Injectable()
export class MailboxesRepository {
  constructor(
    @InjectDataSource() private readonly writer: DataSource,
    @InjectDataSource(READ_DATA_SOURCE) private readonly reader: DataSource,
  ) {}

  async insert(mailbox: NewMailbox): Promise<MailboxRow> {
    const rows: MailboxRow[] = await this.writer.query(
      `INSERT INTO email_mailboxes
         (name, host, port, secure, username, auth_method, secret_sealed, folder, after_processing, move_to, status,
          created_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9::mailbox_after_enum, $10, $11::mailbox_status_enum, $12)
       RETURNING ${MAILBOX_COLUMNS}`,
      [
        mailbox.name,
        mailbox.host,
        mailbox.port,
        mailbox.secure,
        mailbox.username,
        mailbox.auth_method,
        mailbox.secret_sealed,
        mailbox.folder,
        mailbox.after_processing,
        mailbox.move_to,
        mailbox.status,
        mailbox.created_by,
      ],
    );
    return rows[0];
  }

  /** Read from the write pool: an answer right after a change must show it. */
  async findById(id: string): Promise<MailboxRow | null> {
    const rows: MailboxRow[] = await this.writer.query(
      `SELECT ${MAILBOX_COLUMNS} FROM email_mailboxes WHERE mailbox_id = $1`,
      [id],
    );
    return rows[0] ?? null;
  }

  /** Newest first, by (created_at, mailbox_id). */
  list(filter: MailboxListFilter): Promise<Array<MailboxRow & Keyed>> {
    const params: unknown[] = [filter.status ?? null, filter.health ?? null];
    let keyset = '';
    if (filter.before) {
      params.push(filter.before.at, filter.before.id);
      keyset = 'AND (created_at, mailbox_id) < ($3::timestamp, $4::uuid)';
    }
    params.push(filter.limit);
    return this.reader.query(
      `SELECT ${MAILBOX_COLUMNS}, ${keysetAt('created_at')}
         FROM email_mailboxes
        WHERE ($1::text IS NULL OR status::text = $1) AND ($2::text IS NULL OR health = $2) ${keyset}
        ORDER BY created_at DESC, mailbox_id DESC
        LIMIT $${params.length}`,
      params,
    );
  }

  async update(id: string, changes: MailboxChanges): Promise<MailboxRow | null> {
    const params: unknown[] = [id];
    const sets: string[] = [];
    for (const [field, value] of Object.entries(changes) as Array<[keyof MailboxChanges, unknown]>) {
      if (value === undefined || field === 'reset_checkpoint') continue;
      params.push(value);
      sets.push(CHANGEABLE[field].replace('$#', `$${params.length}`));
    }
    if (changes.reset_checkpoint) sets.push('uid_validity = NULL', 'last_uid = 0');
    const rows: MailboxRow[] = await this.writer.query(
      `WITH changed AS (
         UPDATE email_mailboxes SET ${[...sets, 'updated_at = now()'].join(', ')}
          WHERE mailbox_id = $1 RETURNING ${MAILBOX_COLUMNS}
       ) SELECT * FROM changed`,
      params,
    );
    return rows[0] ?? null;
  }

  /** ACTIVE or PAUSED; the holder of its lease lets it go at its next renewal (or at once when told). */
  async setStatus(id: string, status: MailboxStatus): Promise<MailboxRow | null> {
    const rows: MailboxRow[] = await this.writer.query(
      `WITH changed AS (
         UPDATE email_mailboxes
            SET status = $2::mailbox_status_enum,
                updated_at = CASE WHEN status = $2::mailbox_status_enum THEN updated_at ELSE now() END
          WHERE mailbox_id = $1 RETURNING ${MAILBOX_COLUMNS}
       ) SELECT * FROM changed`,
      [id, status],
    );
    return rows[0] ?? null;
  }

  /** Its emails and audit rows keep their history (their mailbox_id becomes NULL). */
  async delete(id: string): Promise<boolean> {
    const rows: unknown[] = await this.writer.query(
      `WITH gone AS (DELETE FROM email_mailboxes WHERE mailbox_id = $1 RETURNING 1) SELECT * FROM gone`,
      [id],
    );
    return rows.length > 0;
  }
}
