import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { EventType } from '../../core/events/event-catalogue.js';
import { READ_DATA_SOURCE } from '../data-source.js';
import { emitEvent } from '../events/emit-event.js';
import { type Keyed, keysetAt } from './keyset.js';

export type ReviewStatusValue = 'PENDING' | 'RESOLVED' | 'DISMISSED';

export interface ReviewItemRow {
  review_id: string;
  kind: string;
  document_id: string | null;
  email_id: string | null;
  robot_id: string | null;
  subject: Record<string, unknown>;
  status: ReviewStatusValue;
  corrections: Record<string, unknown> | null;
  reviewed_by: string | null;
  created_at: Date;
  resolved_at: Date | null;
}

export interface NewReviewItem {
  kind: string;
  document_id: string | null;
  email_id?: string | null;
  robot_id: string | null;
  subject: Record<string, unknown>;
}

export interface ReviewAnswer {
  status: 'RESOLVED' | 'DISMISSED';
  corrections: Record<string, unknown> | null;
  reviewed_by: string | null;
}

export type Queryable = Pick<EntityManager, 'query'>;

/** The human review queue: one row per item a person must look at, whatever its kind. */
@Injectable()
export class ReviewItemsRepository {
  constructor(
    @InjectDataSource() private readonly writer: DataSource,
    @InjectDataSource(READ_DATA_SOURCE) private readonly reader: DataSource,
  ) {}

  async insert(item: NewReviewItem, tx: Queryable = this.writer): Promise<ReviewItemRow> {
    const rows: ReviewItemRow[] = await tx.query(
      `INSERT INTO review_items (kind, document_id, email_id, robot_id, subject) VALUES ($1, $2, $3, $4, $5) RETURNING *`,
      [item.kind, item.document_id, item.email_id ?? null, item.robot_id, item.subject],
    );
    return rows[0];
  }

  /** Newest first by (created_at, review_id). */
  list(filter: {
    kind?: string;
    status?: ReviewStatusValue;
    before?: { at: string; id: string };
    limit: number;
  }): Promise<Array<ReviewItemRow & Keyed>> {
    const params: unknown[] = [filter.kind ?? null, filter.status ?? null];
    let keyset = '';
    if (filter.before) {
      params.push(filter.before.at, filter.before.id);
      keyset = 'AND (created_at, review_id) < ($3::timestamp, $4::uuid)';
    }
    params.push(filter.limit);
    return this.reader.query(
      `SELECT *, ${keysetAt('created_at')} FROM review_items
        WHERE ($1::text IS NULL OR kind = $1) AND ($2::review_status_enum IS NULL OR status = $2) ${keyset}
        ORDER BY created_at DESC, review_id DESC LIMIT $${params.length}`,
      params,
    );
  }

  async get(reviewId: string): Promise<ReviewItemRow | undefined> {
    const rows: ReviewItemRow[] = await this.writer.query(`SELECT * FROM review_items WHERE review_id = $1`, [
      reviewId,
    ]);
    return rows[0];
  }

  /**
   * Answers a PENDING review, writes review.resolved and runs `alsoApply` (the owner's update of
   * what was reviewed) in one transaction: the answer, its event and its effect commit together.
   * Undefined when the review is no longer PENDING (answered meanwhile by someone else).
   */
  answer(
    reviewId: string,
    answer: ReviewAnswer,
    alsoApply: (tx: Queryable, row: ReviewItemRow) => Promise<void>,
  ): Promise<ReviewItemRow | undefined> {
    return this.writer.transaction(async (tx) => {
      const rows: ReviewItemRow[] = await tx.query(
        // As a CTE: TypeORM answers a bare UPDATE with [rows, count].
        `WITH answered AS (
           UPDATE review_items SET status = $2, corrections = $3, reviewed_by = $4, resolved_at = now()
            WHERE review_id = $1 AND status = 'PENDING' RETURNING *)
         SELECT * FROM answered`,
        [reviewId, answer.status, answer.corrections, answer.reviewed_by],
      );
      const row = rows[0];
      if (!row) return undefined;
      await emitEvent(
        tx,
        EventType.ReviewResolved,
        { robot_id: row.robot_id, module_name: null },
        {
          review_id: row.review_id,
          kind: row.kind,
          document_id: row.document_id,
          robot_id: row.robot_id,
          status: answer.status,
        },
      );
      await alsoApply(tx, row);
      return row;
    });
  }
}
