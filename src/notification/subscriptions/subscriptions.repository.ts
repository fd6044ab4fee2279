import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { Transactional } from '../../sdk/index.js';
import { READ_DATA_SOURCE } from '../../state/data-source.js';
import { type Keyed, keysetAt } from '../../state/repositories/keyset.js';
import type { ChannelName, NotificationLocale } from '../channels/notification-channel.js';

export type SubscriptionStatus = 'ACTIVE' | 'DISABLED';

/** Filters a subscription may set; each one must equal the event's (robot facts come from `robots`). */
export interface SubscriptionFilter {
  robot_type?: string;
  module_name?: string;
  priority?: string;
  correlation_id?: string;
}

export interface SubscriptionRow {
  subscription_id: string;
  name: string | null;
  channel: ChannelName;
  target: string;
  event_types: string[];
  filter: SubscriptionFilter;
  locale: NotificationLocale;
  digest_seconds: number | null;
  retry_schedule: number[] | null;
  timeout_ms: number | null;
  secret_ciphertext: string | null;
  previous_secret_ciphertext: string | null;
  previous_secret_expires_at: Date | null;
  status: SubscriptionStatus;
  disabled_reason: string | null;
  disabled_at: Date | null;
  failing_since: Date | null;
  robot_id: string | null;
  created_by: string | null;
  created_at: Date;
  updated_at: Date;
}

/** A subscription to store: the target already checked and normalised, the secret already sealed. */
export type NewSubscription = Pick<
  SubscriptionRow,
  | 'name'
  | 'channel'
  | 'target'
  | 'event_types'
  | 'filter'
  | 'locale'
  | 'digest_seconds'
  | 'retry_schedule'
  | 'timeout_ms'
  | 'secret_ciphertext'
  | 'robot_id'
  | 'created_by'
>;

/** What PATCH may change; an absent field keeps its value, null clears the nullable ones. */
export type SubscriptionChanges = Partial<
  Pick<
    NewSubscription,
    'name' | 'target' | 'event_types' | 'filter' | 'locale' | 'digest_seconds' | 'retry_schedule' | 'timeout_ms'
  >
>;

export interface SubscriptionListFilter {
  channel?: ChannelName;
  status?: SubscriptionStatus;
  robot_id?: string;
  before?: { at: string; id: string };
  limit: number;
}

/** The subscriptions the fan-out matches in memory: every active one not scoped to a robot. */
export interface MatchableSubscription {
  subscription_id: string;
  event_types: string[];
  filter: SubscriptionFilter;
}

const COLUMNS = `subscription_id, name, channel, target, event_types, filter, locale, digest_seconds, retry_schedule,
  timeout_ms, secret_ciphertext, previous_secret_ciphertext, previous_secret_expires_at, status, disabled_reason,
  disabled_at, failing_since, robot_id, created_by, created_at, updated_at`;

const INSERT = `INSERT INTO notification_subscriptions
    (name, channel, target, event_types, filter, locale, digest_seconds, retry_schedule, timeout_ms, secret_ciphertext,
     robot_id, created_by)
  VALUES ($1, $2, $3, $4::text[], $5::jsonb, $6, $7, $8::int[], $9, $10, $11, $12)
  RETURNING ${COLUMNS}`;

const insertParams = (s: NewSubscription) => [
  s.name,
  s.channel,
  s.target,
  s.event_types,
  JSON.stringify(s.filter),
  s.locale,
  s.digest_seconds,
  s.retry_schedule,
  s.timeout_ms,
  s.secret_ciphertext,
  s.robot_id,
  s.created_by,
];

// The columns PATCH writes, by field: only these names ever reach the SQL text.
const CHANGEABLE: Record<keyof SubscriptionChanges, string> = {
  name: 'name = $#',
  target: 'target = $#',
  event_types: 'event_types = $#::text[]',
  filter: 'filter = $#::jsonb',
  locale: 'locale = $#',
  digest_seconds: 'digest_seconds = $#',
  retry_schedule: 'retry_schedule = $#::int[]',
  timeout_ms: 'timeout_ms = $#',
};

/** Subscriptions: one purpose per method, raw SQL. */
@Injectable()
export class SubscriptionsRepository {
  constructor(
    @InjectDataSource() private readonly writer: DataSource,
    @InjectDataSource(READ_DATA_SOURCE) private readonly reader: DataSource,
  ) {}

  /** In `tx` when given: a robot's subscriptions are written in its creation transaction. */
  async insert(subscription: NewSubscription, tx: Transactional = this.writer): Promise<SubscriptionRow> {
    const rows = (await tx.query(INSERT, insertParams(subscription))) as SubscriptionRow[];
    return rows[0];
  }

  /** Read from the write pool: an answer right after a change must show it. */
  async findById(id: string): Promise<SubscriptionRow | null> {
    const rows: SubscriptionRow[] = await this.writer.query(
      `SELECT ${COLUMNS} FROM notification_subscriptions WHERE subscription_id = $1`,
      [id],
    );
    return rows[0] ?? null;
  }

  /** Newest first, by (created_at, subscription_id). */
  list(filter: SubscriptionListFilter): Promise<Array<SubscriptionRow & Keyed>> {
    const params: unknown[] = [filter.channel ?? null, filter.status ?? null, filter.robot_id ?? null];
    let keyset = '';
    if (filter.before) {
      params.push(filter.before.at, filter.before.id);
      keyset = 'AND (created_at, subscription_id) < ($4::timestamp, $5::uuid)';
    }
    params.push(filter.limit);
    return this.reader.query(
      `SELECT ${COLUMNS}, ${keysetAt('created_at')}
         FROM notification_subscriptions
        WHERE ($1::text IS NULL OR channel::text = $1) AND ($2::text IS NULL OR status::text = $2)
          AND ($3::text IS NULL OR robot_id = $3) ${keyset}
        ORDER BY created_at DESC, subscription_id DESC
        LIMIT $${params.length}`,
      params,
    );
  }

  async update(id: string, changes: SubscriptionChanges): Promise<SubscriptionRow | null> {
    const params: unknown[] = [id];
    const sets: string[] = [];
    for (const [field, value] of Object.entries(changes) as Array<[keyof SubscriptionChanges, unknown]>) {
      if (value === undefined) continue;
      params.push(field === 'filter' ? JSON.stringify(value) : value);
      sets.push(CHANGEABLE[field].replace('$#', `$${params.length}`));
    }
    const rows: SubscriptionRow[] = await this.writer.query(
      `WITH changed AS (
         UPDATE notification_subscriptions SET ${[...sets, 'updated_at = now()'].join(', ')}
          WHERE subscription_id = $1 RETURNING ${COLUMNS}
       ) SELECT * FROM changed`,
      params,
    );
    return rows[0] ?? null;
  }

  /** Deletes the subscription and, by cascade, its deliveries. */
  async delete(id: string): Promise<boolean> {
    const rows: unknown[] = await this.writer.query(
      `WITH gone AS (DELETE FROM notification_subscriptions WHERE subscription_id = $1 RETURNING 1) SELECT * FROM gone`,
      [id],
    );
    return rows.length > 0;
  }

  /** The current secret becomes the previous one, valid `overlapHours` more; `sealed` becomes current. */
  async rotateSecret(id: string, sealed: string, overlapHours: number): Promise<SubscriptionRow | null> {
    const rows: SubscriptionRow[] = await this.writer.query(
      `WITH rotated AS (
         UPDATE notification_subscriptions
            SET previous_secret_ciphertext = secret_ciphertext,
                previous_secret_expires_at = now() + make_interval(hours => $3),
                secret_ciphertext = $2, updated_at = now()
          WHERE subscription_id = $1 RETURNING ${COLUMNS}
       ) SELECT * FROM rotated`,
      [id, sealed, overlapHours],
    );
    return rows[0] ?? null;
  }

  /** Back to ACTIVE with a clean record: failing_since starts again from the next failure. */
  async enable(id: string): Promise<SubscriptionRow | null> {
    const rows: SubscriptionRow[] = await this.writer.query(
      `WITH enabled AS (
         UPDATE notification_subscriptions
            SET status = 'ACTIVE', disabled_reason = NULL, disabled_at = NULL, failing_since = NULL,
                updated_at = CASE WHEN status = 'ACTIVE' THEN updated_at ELSE now() END
          WHERE subscription_id = $1 RETURNING ${COLUMNS}
       ) SELECT * FROM enabled`,
      [id],
    );
    return rows[0] ?? null;
  }

  /**
   * What the fan-out keeps in memory: the active subscriptions not scoped to a robot, and whether
   * any robot-scoped one is active (only then do a robot's final events look for them).
   */
  async matchable(): Promise<{ subscriptions: MatchableSubscription[]; robotScoped: boolean }> {
    const rows: Array<MatchableSubscription & { robot_scoped: boolean }> = await this.writer.query(
      `SELECT subscription_id, event_types, filter, false AS robot_scoped
         FROM notification_subscriptions WHERE status = 'ACTIVE' AND robot_id IS NULL
       UNION ALL
       SELECT NULL, NULL, NULL, true
        WHERE EXISTS (SELECT 1 FROM notification_subscriptions WHERE status = 'ACTIVE' AND robot_id IS NOT NULL)`,
    );
    return {
      subscriptions: rows
        .filter((row) => !row.robot_scoped)
        .map(({ subscription_id, event_types, filter }) => ({ subscription_id, event_types, filter })),
      robotScoped: rows.some((row) => row.robot_scoped),
    };
  }

  /**
   * Creates or refreshes a built-in subscription by name (several instances boot at once: the
   * advisory lock makes the look-up and the write one step), or removes it when `spec` is null.
   */
  async upsertSystem(name: string, spec: Omit<NewSubscription, 'name' | 'created_by'> | null): Promise<void> {
    await this.writer.transaction(async (tx) => {
      await tx.query(`SELECT pg_advisory_xact_lock(hashtext('notification_system_subscriptions'))`);
      const existing: Array<{ subscription_id: string }> = await tx.query(
        `SELECT subscription_id FROM notification_subscriptions WHERE name = $1 AND created_by = 'system'`,
        [name],
      );
      if (!spec) {
        await tx.query(`DELETE FROM notification_subscriptions WHERE name = $1 AND created_by = 'system'`, [name]);
        return;
      }
      if (existing.length === 0) {
        await tx.query(INSERT, insertParams({ ...spec, name, created_by: 'system' }));
        return;
      }
      await tx.query(
        `UPDATE notification_subscriptions
            SET channel = $2, target = $3, event_types = $4::text[], locale = $5, updated_at = now()
          WHERE subscription_id = $1
            AND (channel <> $2 OR target <> $3 OR event_types <> $4::text[] OR locale <> $5)`,
        [existing[0].subscription_id, spec.channel, spec.target, spec.event_types, spec.locale],
      );
    });
  }
}
