import { Injectable } from '@nestjs/common';
import { DomainException } from '../core/errors/domain.exception.js';
import { paginate } from '../core/http/keyset-pagination.js';
import type { Box } from '../ocr/ocr.types.js';
import {
  type Queryable,
  type ReviewItemRow,
  ReviewItemsRepository,
  type ReviewStatusValue,
} from '../state/repositories/review-items.repository.js';
import { ReviewDto, type ReviewPageDto } from './dto/review.dto.js';
import { ReviewKinds } from './review-kinds.js';
import { ReviewErrorCode } from './review.errors.js';

/** A value a person should look at: what was found, how sure the machine was, why it doubts, where it is. */
export interface DoubtfulField {
  name: string;
  value: string | number | null;
  confidence: number;
  /** The checks it failed, or why it is doubtful ("confidence 0.62 below 0.8", "not found"). */
  reasons: string[];
  page?: number;
  box?: Box;
}

export interface ReviewRequest {
  kind: string;
  document_id: string | null;
  /** The email whose classification is in doubt (kind `email_class`). */
  email_id?: string | null;
  robot_id: string | null;
  subject: {
    fields: DoubtfulField[];
    /** Who the item is about (the invoice's vendor), when known. */
    vendor?: string | null;
    /** Every value extracted, doubtful or not, for context. */
    all_fields?: Record<string, string | number | null>;
    [more: string]: unknown;
  };
}

export type ReviewAnswerInput =
  { fields: Record<string, unknown>; dismiss?: undefined } | { dismiss: true; fields?: undefined };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The one human review queue [UiPath's Validation Station]: items go in with only their doubtful
 * values, people answer with corrections or dismiss them, and the item's owner applies the answer
 * in the same transaction (see ReviewKinds).
 */
@Injectable()
export class ReviewQueue {
  constructor(
    private readonly items: ReviewItemsRepository,
    private readonly kinds: ReviewKinds,
  ) {}

  /** Queues an item; inside the caller's transaction when given one. */
  async enqueue(request: ReviewRequest, tx?: Queryable): Promise<ReviewDto> {
    const row = await this.items.insert(
      {
        kind: request.kind,
        document_id: request.document_id,
        email_id: request.email_id ?? null,
        robot_id: request.robot_id,
        subject: request.subject,
      },
      tx,
    );
    return ReviewDto.of(row);
  }

  list(query: { kind?: string; status?: ReviewStatusValue; limit?: number; cursor?: string }): Promise<ReviewPageDto> {
    return paginate(
      {
        fetch: (before, limit) => this.items.list({ kind: query.kind, status: query.status, before, limit }),
        keyOf: (row) => ({ at: row.keyset_at, id: row.review_id }),
        toItem: (row) => ReviewDto.of(row),
        idPattern: UUID,
      },
      { limit: query.limit ?? 50, cursor: query.cursor },
    );
  }

  async get(reviewId: string): Promise<ReviewDto> {
    return ReviewDto.of(await this.found(reviewId));
  }

  /**
   * Resolves a review with corrected values (checked by the kind's owner) or dismisses it (the
   * values stand). `reviewedBy` is the reviewer's key prefix, never the key.
   */
  async answer(reviewId: string, input: ReviewAnswerInput, reviewedBy: string | null): Promise<ReviewDto> {
    const review = await this.found(reviewId);
    if (review.status !== 'PENDING') throw notPending(review);
    const handler = this.kinds.handlerOf(review.kind);
    const corrections = input.dismiss ? null : this.checked(review, input.fields);
    if (corrections && handler) {
      const problems = handler.validate(review.subject, corrections);
      if (problems.length > 0) {
        throw new DomainException(ReviewErrorCode.ReviewAnswerInvalid, `Corrections refused: ${problems.join('; ')}.`, {
          problems,
        });
      }
    }
    const answered = await this.items.answer(
      reviewId,
      { status: input.dismiss ? 'DISMISSED' : 'RESOLVED', corrections, reviewed_by: reviewedBy },
      async (tx, row) => handler?.resolved(tx, row),
    );
    if (!answered) throw notPending(await this.found(reviewId));
    return ReviewDto.of(answered);
  }

  private checked(review: ReviewItemRow, fields: Record<string, unknown>): Record<string, unknown> {
    const names = Object.keys(fields);
    if (names.length === 0) {
      throw new DomainException(ReviewErrorCode.ReviewAnswerInvalid, 'Give at least one corrected field, or dismiss.');
    }
    const known = new Set([
      ...((review.subject.fields as DoubtfulField[] | undefined) ?? []).map((f) => f.name),
      ...Object.keys((review.subject.all_fields as Record<string, unknown> | undefined) ?? {}),
    ]);
    const unknown = names.filter((name) => !known.has(name));
    if (unknown.length > 0) {
      throw new DomainException(
        ReviewErrorCode.ReviewAnswerInvalid,
        `This review has no field named ${unknown.slice(0, 5).join(', ')}.`,
        { problems: unknown.map((name) => `${name}: not a field of this review`) },
      );
    }
    return fields;
  }

  private async found(reviewId: string): Promise<ReviewItemRow> {
    const row = await this.items.get(reviewId);
    if (!row) throw new DomainException(ReviewErrorCode.ReviewNotFound, `No review ${reviewId}.`);
    return row;
  }
}

const notPending = (review: ReviewItemRow) =>
  new DomainException(ReviewErrorCode.ReviewNotPending, `Review ${review.review_id} is ${review.status} already.`);
