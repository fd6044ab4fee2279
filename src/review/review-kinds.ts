import { Injectable } from '@nestjs/common';
import type { Queryable, ReviewItemRow } from '../state/repositories/review-items.repository.js';

/**
 * What the owner of a kind of review (OCR fields now, email classifications later) tells the
 * queue: how to check a reviewer's corrected values, and what to do once the review is answered.
 * The queue knows no kind; owners register with `ReviewKinds` at start-up.
 */
export interface ReviewKindHandler {
  readonly kind: string;
  /** One problem per bad value ("issue_date: must be an ISO date (yyyy-mm-dd)"); empty when all are good. */
  validate(subject: Record<string, unknown>, corrections: Record<string, unknown>): string[];
  /**
   * Runs inside the transaction that answers the review, so the owner's change (the corrected
   * document, what it learned) commits with the answer and its review.resolved event, or not at all.
   */
  resolved(tx: Queryable, review: ReviewItemRow): Promise<void>;
}

@Injectable()
export class ReviewKinds {
  private readonly handlers = new Map<string, ReviewKindHandler>();

  register(handler: ReviewKindHandler): void {
    if (this.handlers.has(handler.kind)) throw new Error(`review kind ${handler.kind} is registered twice`);
    this.handlers.set(handler.kind, handler);
  }

  handlerOf(kind: string): ReviewKindHandler | undefined {
    return this.handlers.get(kind);
  }
}
