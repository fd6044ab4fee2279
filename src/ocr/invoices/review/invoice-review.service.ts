import { Injectable } from '@nestjs/common';
import { AppConfig } from '../../../core/config/app-config.service.js';
import { OcrReviewMode } from '../../../core/config/settings/ocr-invoice.settings.js';
import { ReviewQueue } from '../../../review/review-queue.service.js';
import type { Queryable } from '../../../state/repositories/review-items.repository.js';
import type { InvoiceExtraction } from '../../ocr.types.js';
import { reviewRequestOf } from './doubtful-fields.js';

export interface ReviewRouting {
  /** What the document row becomes now. */
  status: 'COMPLETED' | 'NEEDS_REVIEW';
  review_id: string | null;
}

/**
 * Sends an extraction's doubtful fields to the review queue, for the OCR robot's handler. The
 * robot never waits holding a lease: it completes its attempt at once (output
 * `{needs_review: true, review_id}`); with OCR_REVIEW_MODE=wait the document stays NEEDS_REVIEW
 * until the review is answered, when OcrFieldReviewHandler completes it with the corrected fields
 * in the answer's transaction. With `complete` the document is COMPLETED now and the answer still
 * corrects its fields and teaches the vendor's template.
 */
@Injectable()
export class InvoiceReviewService {
  constructor(
    private readonly queue: ReviewQueue,
    private readonly config: AppConfig,
  ) {}

  async route(
    extraction: InvoiceExtraction,
    target: { document_id: string; robot_id: string | null },
    tx?: Queryable,
  ): Promise<ReviewRouting> {
    if (extraction.needs_review.length === 0) return { status: 'COMPLETED', review_id: null };
    const threshold = this.config.get('OCR_REVIEW_THRESHOLD');
    const review = await this.queue.enqueue(reviewRequestOf(extraction, target, threshold), tx);
    const waits = this.config.get('OCR_REVIEW_MODE') === OcrReviewMode.Wait;
    return { status: waits ? 'NEEDS_REVIEW' : 'COMPLETED', review_id: review.review_id };
  }
}
