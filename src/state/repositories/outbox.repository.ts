import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';

export interface OutboxCursor {
  last_tx_id: string;
  last_event_id: string;
}

/** A consumer's cursor and the failures of the event right after it. */
export interface ConsumerState extends OutboxCursor {
  failed_attempts: number;
  retry_at: Date | null;
}

export interface OutboxEvent {
  event_id: string;
  tx_id: string;
  event_type: string;
  event_version: number;
  robot_id: string | null;
  module_name: string | null;
  payload: Record<string, unknown>;
  created_at: Date;
}

export interface ParkedEvent extends OutboxEvent {
  consumer: string;
  attempts: number;
  last_error: string;
  parked_at: Date;
  replay_requested_at: Date | null;
}

export interface ConsumerRow {
  consumer: string;
  last_event_id: string;
  owner: string | null;
  lease_until: Date | null;
  failed_attempts: number;
  retry_at: Date | null;
  last_error: string | null;
  updated_at: Date;
  backlog: number;
  parked: number;
}

/** An event's columns, of `events e`; ids as text (bigint and xid8 outgrow a JS number). */
const EVENT_COLUMNS = `e.event_id::text AS event_id, e.tx_id::text AS tx_id, e.event_type, e.event_version, e.robot_id,
                       e.module_name, e.payload, e.created_at`;
const PARKED_SELECT = `SELECT p.consumer, p.attempts, p.last_error, p.parked_at, p.replay_requested_at, ${EVENT_COLUMNS}
         FROM parked_events p JOIN events e USING (event_id)`;
/** Lease renewal in SQL: `now() + $n ms`. */
const leaseUntil = (param: string) => `now() + make_interval(secs => ${param}::double precision / 1000)`;
/** Counted up to this many: enough to say "far behind" without scanning a large backlog. */
const BACKLOG_COUNT_CAP = 100_000;

/**
 * The `events` outbox and its named consumers' cursors (see the OutboxRelay and EventConsumers
 * migrations): reads in commit-safe order, moves each consumer's cursor under its lease, records
 * failures and parks events a consumer keeps failing.
 */
@Injectable()
export class OutboxRepository {
  /** Reads in flight, by cursor and limit: consumers at the same cursor share one. */
  private readonly reads = new Map<string, Promise<OutboxEvent[]>>();
  /** Cursor moves waiting for this turn's statement. */
  private readonly moves: Array<{
    consumer: string;
    owner: string;
    to: OutboxCursor;
    leaseMs: number;
    resolve: (held: boolean) => void;
    reject: (error: unknown) => void;
  }> = [];

  constructor(@InjectDataSource() private readonly writer: DataSource) {}

  /**
   * Takes or renews the consumer's lease; null while another instance holds it. A consumer seen
   * for the first time starts after every transaction that can no longer commit behind it
   * (`now`: nothing committed later is missed; a few just-committed events may be delivered),
   * or at the oldest retained event.
   */
  async acquire(
    consumer: string,
    owner: string,
    leaseMs: number,
    startFrom: 'now' | 'oldest',
  ): Promise<ConsumerState | null> {
    await this.writer.query(
      `INSERT INTO event_consumers (consumer, last_tx_id, last_event_id)
       SELECT $1,
              CASE WHEN $2 = 'oldest' THEN '0'::xid8
                   ELSE (pg_snapshot_xmin(pg_current_snapshot())::text::bigint - 1)::text::xid8 END,
              CASE WHEN $2 = 'oldest' THEN 0 ELSE 9223372036854775807 END
       ON CONFLICT (consumer) DO NOTHING`,
      [consumer, startFrom],
    );
    const rows: ConsumerState[] = await this.writer.query(
      // Wrapped in a CTE: TypeORM answers a bare UPDATE ... RETURNING with [rows, count].
      `WITH leased AS (
         UPDATE event_consumers SET owner = $2, lease_until = ${leaseUntil('$3')}, updated_at = now()
          WHERE consumer = $1 AND (owner IS NULL OR owner = $2 OR lease_until < now())
         RETURNING last_tx_id::text AS last_tx_id, last_event_id::text AS last_event_id, failed_attempts, retry_at
       )
       SELECT * FROM leased`,
      [consumer, owner, leaseMs],
    );
    return rows[0] ?? null;
  }

  /**
   * Events after the cursor whose transactions can no longer be overtaken by a later commit.
   * Consumers at the same cursor share one read: the relay kicks them together, so while they
   * keep up (the usual case) a batch of changes costs one read for all of them, not one each.
   * The rows are shared too: a consumer must not modify what it is handed.
   */
  next(cursor: OutboxCursor, limit: number): Promise<OutboxEvent[]> {
    const key = `${cursor.last_tx_id}:${cursor.last_event_id}:${limit}`;
    const pending = this.reads.get(key);
    if (pending) return pending;
    const read: Promise<OutboxEvent[]> = this.writer.query(
      // Ordered by the table's columns (qualified): the bare names would sort the text aliases.
      `SELECT ${EVENT_COLUMNS}
         FROM events e
        WHERE (e.tx_id, e.event_id) > ($1::xid8, $2::bigint) AND e.tx_id < pg_snapshot_xmin(pg_current_snapshot())
        ORDER BY e.tx_id, e.event_id
        LIMIT $3`,
      [cursor.last_tx_id, cursor.last_event_id, limit],
    );
    this.reads.set(key, read);
    void read.then(
      () => this.reads.delete(key),
      () => this.reads.delete(key),
    );
    return read;
  }

  /**
   * Moves the cursor, clears any recorded failure and renews the lease; false when `owner` no
   * longer holds it. Moves asked for in the same turn of the event loop (consumers that handled
   * the same shared read) go in one statement, each judged on its own row.
   */
  advance(consumer: string, owner: string, to: OutboxCursor, leaseMs: number): Promise<boolean> {
    return new Promise<boolean>((resolve, reject) => {
      this.moves.push({ consumer, owner, to, leaseMs, resolve, reject });
      if (this.moves.length === 1) setImmediate(() => void this.flushMoves());
    });
  }

  private async flushMoves(): Promise<void> {
    const moves = this.moves.splice(0);
    try {
      const rows: Array<{ consumer: string }> = await this.writer.query(
        // Wrapped in a CTE: TypeORM answers a bare UPDATE ... RETURNING with [rows, count].
        `WITH moved AS (
           UPDATE event_consumers c SET last_tx_id = m.tx_id, last_event_id = m.event_id, updated_at = now(),
                  failed_attempts = 0, retry_at = NULL, last_error = NULL,
                  lease_until = ${leaseUntil('m.lease_ms')}
             FROM unnest($1::text[], $2::text[], $3::xid8[], $4::bigint[], $5::double precision[])
                  AS m(consumer, owner, tx_id, event_id, lease_ms)
            WHERE c.consumer = m.consumer AND c.owner = m.owner
           RETURNING c.consumer
         )
         SELECT * FROM moved`,
        [
          moves.map((m) => m.consumer),
          moves.map((m) => m.owner),
          moves.map((m) => m.to.last_tx_id),
          moves.map((m) => m.to.last_event_id),
          moves.map((m) => m.leaseMs),
        ],
      );
      const held = new Set(rows.map((row) => row.consumer));
      for (const move of moves) move.resolve(held.has(move.consumer));
    } catch (error) {
      for (const move of moves) move.reject(error);
    }
  }

  /**
   * The event after `handled` failed for the `attempts`-th time: the cursor moves to `handled`
   * (what went well before it stays done) and the event is due again after `delayMs`.
   */
  async recordFailure(
    consumer: string,
    owner: string,
    handled: OutboxCursor,
    failure: { attempts: number; delayMs: number; error: string },
    leaseMs: number,
  ): Promise<boolean> {
    const rows: unknown[] = await this.writer.query(
      `WITH failed AS (
         UPDATE event_consumers SET last_tx_id = $3::xid8, last_event_id = $4::bigint, updated_at = now(),
                failed_attempts = $5, retry_at = now() + make_interval(secs => $6::double precision / 1000),
                last_error = $7, lease_until = ${leaseUntil('$8')}
          WHERE consumer = $1 AND owner = $2
         RETURNING consumer
       )
       SELECT * FROM failed`,
      [
        consumer,
        owner,
        handled.last_tx_id,
        handled.last_event_id,
        failure.attempts,
        failure.delayMs,
        failure.error,
        leaseMs,
      ],
    );
    return rows.length > 0;
  }

  /** Parks an event the consumer kept failing and moves its cursor past it, in one statement. */
  async park(
    consumer: string,
    owner: string,
    event: OutboxCursor,
    failure: { attempts: number; error: string },
    leaseMs: number,
  ): Promise<boolean> {
    const rows: unknown[] = await this.writer.query(
      `WITH moved AS (
         UPDATE event_consumers SET last_tx_id = $3::xid8, last_event_id = $4::bigint, updated_at = now(),
                failed_attempts = 0, retry_at = NULL, last_error = NULL, lease_until = ${leaseUntil('$7')}
          WHERE consumer = $1 AND owner = $2
         RETURNING consumer
       ), parked AS (
         INSERT INTO parked_events (consumer, event_id, attempts, last_error)
         SELECT consumer, $4::bigint, $5, $6 FROM moved
         ON CONFLICT (consumer, event_id) DO UPDATE
           SET attempts = parked_events.attempts + EXCLUDED.attempts, last_error = EXCLUDED.last_error,
               parked_at = now(), replay_requested_at = NULL
         RETURNING consumer
       )
       SELECT * FROM moved`,
      [consumer, owner, event.last_tx_id, event.last_event_id, failure.attempts, failure.error, leaseMs],
    );
    return rows.length > 0;
  }

  /** Parked events of a consumer that an operator asked to replay, oldest first. */
  replaysDue(consumer: string, limit: number): Promise<ParkedEvent[]> {
    return this.writer.query(
      `${PARKED_SELECT}
        WHERE p.consumer = $1 AND p.replay_requested_at IS NOT NULL
        ORDER BY e.event_id
        LIMIT $2`,
      [consumer, limit],
    );
  }

  /** A replayed event was handled: it is no longer parked. */
  async replayed(consumer: string, eventId: string): Promise<void> {
    await this.writer.query(`DELETE FROM parked_events WHERE consumer = $1 AND event_id = $2::bigint`, [
      consumer,
      eventId,
    ]);
  }

  /** A replay failed again: parked as before, with one more attempt and the new error. */
  async replayFailed(consumer: string, eventId: string, error: string): Promise<void> {
    await this.writer.query(
      `UPDATE parked_events SET attempts = attempts + 1, last_error = $3, parked_at = now(), replay_requested_at = NULL
        WHERE consumer = $1 AND event_id = $2::bigint`,
      [consumer, eventId, error],
    );
  }

  /** Flags parked events for replay (one, or all of a consumer); answers how many were flagged. */
  async requestReplay(consumer: string, eventId?: string): Promise<number> {
    const rows: unknown[] = await this.writer.query(
      `WITH flagged AS (
         UPDATE parked_events SET replay_requested_at = now()
          WHERE consumer = $1 AND ($2::bigint IS NULL OR event_id = $2::bigint)
         RETURNING 1
       )
       SELECT * FROM flagged`,
      [consumer, eventId ?? null],
    );
    return rows.length;
  }

  /** Every consumer, or the one named (an empty list when there is none). */
  async consumers(name?: string): Promise<ConsumerRow[]> {
    const rows: Array<ConsumerRow & { backlog: string; parked: string }> = await this.writer.query(
      `SELECT c.consumer, c.last_event_id::text AS last_event_id, c.owner, c.lease_until, c.failed_attempts, c.retry_at,
              c.last_error, c.updated_at,
              (SELECT count(*) FROM (SELECT 1 FROM events e WHERE (e.tx_id, e.event_id) > (c.last_tx_id, c.last_event_id)
                                      LIMIT ${BACKLOG_COUNT_CAP}) b) AS backlog,
              (SELECT count(*) FROM parked_events p WHERE p.consumer = c.consumer) AS parked
         FROM event_consumers c
        WHERE $1::text IS NULL OR c.consumer = $1
        ORDER BY c.consumer`,
      [name ?? null],
    );
    return rows.map((row) => ({ ...row, backlog: Number(row.backlog), parked: Number(row.parked) }));
  }

  /** Parked events, newest first, optionally of one consumer. */
  parked(consumer: string | undefined, limit: number): Promise<ParkedEvent[]> {
    return this.writer.query(
      `${PARKED_SELECT}
        WHERE $1::text IS NULL OR p.consumer = $1
        ORDER BY p.parked_at DESC, e.event_id DESC
        LIMIT $2`,
      [consumer ?? null, limit],
    );
  }

  /** Forgets a retired consumer (its cursor and parked events), so it no longer holds back retention. */
  async forget(consumer: string): Promise<boolean> {
    const rows: unknown[] = await this.writer.query(
      `WITH gone AS (DELETE FROM event_consumers WHERE consumer = $1 RETURNING 1) SELECT * FROM gone`,
      [consumer],
    );
    return rows.length > 0;
  }

  async release(consumer: string, owner: string): Promise<void> {
    await this.writer.query(
      `UPDATE event_consumers SET owner = NULL, lease_until = NULL WHERE consumer = $1 AND owner = $2`,
      [consumer, owner],
    );
  }
}
