import { Module } from '@nestjs/common';
import { StateModule } from '../state/state.module.js';
import { ReviewKinds } from './review-kinds.js';
import { ReviewQueue } from './review-queue.service.js';
import { ReviewsController } from './reviews.controller.js';

/**
 * The one human review queue: low-confidence OCR fields now, email classifications later. It
 * knows no kind: each owner registers a ReviewKindHandler (validation of corrections, what to do
 * on resolve) with ReviewKinds, and enqueues through ReviewQueue.
 */
@Module({
  imports: [StateModule],
  controllers: [ReviewsController],
  providers: [ReviewKinds, ReviewQueue],
  exports: [ReviewKinds, ReviewQueue],
})
export class ReviewModule {}
