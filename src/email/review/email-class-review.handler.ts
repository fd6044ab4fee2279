import { Injectable, type OnModuleInit } from '@nestjs/common';
import { ReviewKinds, type ReviewKindHandler } from '../../review/review-kinds.js';
import { EmailsRepository } from '../../state/repositories/emails.repository.js';
import type { Queryable, ReviewItemRow } from '../../state/repositories/review-items.repository.js';
import { EMAIL_CLASS_REVIEW, reviewedClass } from './email-class-review.js';
import { EmailLabels } from './email-labels.service.js';

/**
 * The email side of an `email_class` review. Resolved with a class: the email is labelled and the
 * label becomes a training example, in the answer's transaction; its robot is created after the
 * commit by EmailReviewRobotsConsumer (robot intake runs its own transaction), from the
 * review.resolved event, so a crash in between only delays it. Dismissed: no robot, ever.
 */
@Injectable()
export class EmailClassReviewHandler implements ReviewKindHandler, OnModuleInit {
  readonly kind = EMAIL_CLASS_REVIEW;

  constructor(
    private readonly kinds: ReviewKinds,
    private readonly emails: EmailsRepository,
    private readonly labels: EmailLabels,
  ) {}

  onModuleInit(): void {
    this.kinds.register(this);
  }

  validate(_subject: Record<string, unknown>, corrections: Record<string, unknown>): string[] {
    return reviewedClass(corrections).problems;
  }

  async resolved(tx: Queryable, review: ReviewItemRow): Promise<void> {
    if (!review.email_id) return;
    const email = await this.emails.getForUpdate(tx, review.email_id);
    if (!email) return;
    if (review.status === 'DISMISSED') {
      await this.emails.setOutcome(tx, email.email_id, 'NO_ROBOT', null);
      await this.emails.audit(
        tx,
        email.email_id,
        email.mailbox_id,
        [{ step: 'review', outcome: 'ok', detail: { review_id: review.review_id, status: 'DISMISSED' } }],
        review.reviewed_by,
      );
      return;
    }
    const { class_name } = reviewedClass(review.corrections);
    if (!class_name) return;
    await this.labels.apply(tx, email, class_name, { source: 'review', actor: review.reviewed_by });
  }
}
