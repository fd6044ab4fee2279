import { Inject, Injectable } from '@nestjs/common';
import { EmailsRepository, type EmailRow, type Queryable } from '../../state/repositories/emails.repository.js';
import { featuresOf } from '../classification/features.js';
import { TRAINING_EXAMPLES, type TrainingExamples } from '../email.types.js';

/**
 * A person's class for an email (a label over REST, or a review's answer): kept on the email, in
 * its audit, and as a training example the next model learns from, all in the caller's
 * transaction. Retraining runs on its schedule or on demand, never here.
 */
@Injectable()
export class EmailLabels {
  constructor(
    private readonly emails: EmailsRepository,
    @Inject(TRAINING_EXAMPLES) private readonly examples: TrainingExamples,
  ) {}

  async apply(
    tx: Queryable,
    email: EmailRow,
    className: string,
    how: { source: 'feedback' | 'review'; actor: string | null },
  ): Promise<void> {
    const attachments = await this.emails.attachmentsIn(tx, email.email_id);
    const features = featuresOf({
      subject: email.subject,
      from_address: email.from_address,
      text: email.text_body ?? '',
      attachment_types: attachments.map((a) => a.media_type),
      attachment_names: attachments.flatMap((a) => (a.filename ? [a.filename] : [])),
      to_addresses: email.recipients.flatMap((r) => (r.kind === 'to' ? [r.address.toLowerCase()] : [])),
      cc_addresses: email.recipients.flatMap((r) => (r.kind === 'cc' ? [r.address.toLowerCase()] : [])),
      in_reply_to: email.in_reply_to,
    });
    await this.emails.setLabel(tx, email.email_id, className);
    await this.examples.add(tx, {
      label: className,
      content_sha256: email.content_sha256,
      features,
      source: how.source,
      email_id: email.email_id,
      created_by: how.actor,
    });
    const predicted = (email.classification as { class_name?: string | null } | null)?.class_name ?? null;
    await this.emails.audit(
      tx,
      email.email_id,
      email.mailbox_id,
      [{ step: 'label', outcome: 'ok', detail: { class_name: className, predicted, source: how.source } }],
      how.actor,
    );
  }
}
