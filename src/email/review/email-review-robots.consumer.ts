import { Inject, Logger } from '@nestjs/common';
import { CONTENT_STORE, type ContentStore } from '../../core/storage/content-store.js';
import {
  type DeliveredEvent,
  EventConsumer,
  type EventHandler,
  EventType,
  ROBOT_INTAKE,
  type RobotIntake,
} from '../../sdk/index.js';
import { EmailsRepository, type Queryable } from '../../state/repositories/emails.repository.js';
import { ReviewItemsRepository } from '../../state/repositories/review-items.repository.js';
import { emailIdempotencyKey, emailRobotCommand } from '../intake/email-robot.js';
import { EMAIL_CLASS_REVIEW, reviewedClass } from './email-class-review.js';

/**
 * Creates the robot of an email a person classified in review, once the answer committed.
 * At-least-once is enough: the robot's idempotency key is the email's identity, and the email's
 * status and robot_id are written in the robot's creation transaction.
 */
@EventConsumer({ name: 'email-reviews', events: [EventType.ReviewResolved] })
export class EmailReviewRobotsConsumer implements EventHandler {
  private readonly logger = new Logger(EmailReviewRobotsConsumer.name);

  constructor(
    private readonly reviews: ReviewItemsRepository,
    private readonly emails: EmailsRepository,
    @Inject(ROBOT_INTAKE) private readonly intake: RobotIntake,
    @Inject(CONTENT_STORE) private readonly store: ContentStore,
  ) {}

  async handle(event: DeliveredEvent): Promise<void> {
    const payload = event.payload as { review_id?: string; kind?: string; status?: string };
    if (payload.kind !== EMAIL_CLASS_REVIEW || payload.status !== 'RESOLVED' || !payload.review_id) return;
    const review = await this.reviews.get(payload.review_id);
    const className = reviewedClass(review?.corrections ?? null).class_name;
    if (!review?.email_id || !className) return;
    const email = await this.emails.get(review.email_id);
    if (!email || email.status !== 'NEEDS_REVIEW') return;
    const route = await this.emails.routeOf(className);
    if (!route?.robot_type) {
      await this.emails.transaction((tx) => this.emails.setOutcome(tx, email.email_id, 'NO_ROBOT', null));
      return;
    }
    const attachments = await this.emails.attachments(email.email_id);
    const command = emailRobotCommand({
      email_id: email.email_id,
      email: {
        message_id: email.message_id,
        thread_id: email.thread_id,
        from: email.from_address ? { address: email.from_address, name: email.from_name } : null,
        to: email.recipients.filter((r) => r.kind === 'to').map(({ address, name }) => ({ address, name })),
        subject: email.subject,
        sent_at: email.sent_at,
        content_sha256: email.content_sha256,
      },
      attachments: await Promise.all(
        attachments.map(async (a) => ({
          position: a.position,
          filename: a.filename,
          media_type: a.media_type,
          size_bytes: a.size_bytes,
          sha256: a.sha256,
          stored: await this.store.has(a.sha256),
        })),
      ),
      text: email.text_body ?? '',
      class_name: className,
      confidence: 1,
      robot_type: route.robot_type,
      priority: route.priority,
      extracted: email.extracted as never,
      contains_sensitive_data: email.contains_sensitive_data,
      pii_tags: email.pii_tags as never,
    });
    const { robot } = await this.intake.create(command, emailIdempotencyKey(email), async (intakeTx, robotId) => {
      const tx = intakeTx as Queryable;
      await this.emails.setOutcome(tx, email.email_id, 'ROBOT_CREATED', robotId);
      await this.emails.audit(
        tx,
        email.email_id,
        email.mailbox_id,
        [
          {
            step: 'robot',
            outcome: 'ok',
            detail: { robot_id: robotId, robot_type: route.robot_type, review_id: review.review_id },
          },
        ],
        review.reviewed_by,
      );
    });
    this.logger.log(`email ${email.email_id}: robot ${robot.robot_id} after review ${review.review_id}`);
  }
}
