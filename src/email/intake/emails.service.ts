import { Inject, Injectable } from '@nestjs/common';
import { DomainException } from '../../core/errors/domain.exception.js';
import { paginate } from '../../core/http/keyset-pagination.js';
import { CONTENT_STORE, type ContentStore } from '../../core/storage/content-store.js';
import { ReviewQueue } from '../../review/review-queue.service.js';
import { EmailsRepository } from '../../state/repositories/emails.repository.js';
import { EmailLabels } from '../review/email-labels.service.js';
import { EmailDto, type EmailPageDto, EmailSummaryDto, type ListEmailsQueryDto } from './dto/email.dto.js';
import { EmailIntakeErrorCode } from './email-intake.errors.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const notFound = (emailId: string) => new DomainException(EmailIntakeErrorCode.EmailNotFound, `No email ${emailId}.`);

/** Emails as taken in: the list, one with its attachments and audit, an attachment's bytes, a label. */
@Injectable()
export class EmailsService {
  constructor(
    private readonly emails: EmailsRepository,
    private readonly labels: EmailLabels,
    private readonly reviews: ReviewQueue,
    @Inject(CONTENT_STORE) private readonly store: ContentStore,
  ) {}

  list(query: ListEmailsQueryDto): Promise<EmailPageDto> {
    return paginate(
      {
        fetch: (before, limit) =>
          this.emails.list({
            status: query.status,
            mailbox_id: query.mailbox_id,
            class_name: query.class_name,
            before,
            limit,
          }),
        keyOf: (row) => ({ at: row.keyset_at, id: row.email_id }),
        toItem: (row) => EmailSummaryDto.of(row),
        idPattern: UUID,
      },
      { limit: query.limit ?? 50, cursor: query.cursor },
    );
  }

  async get(emailId: string): Promise<EmailDto> {
    const row = await this.emails.get(emailId);
    if (!row) throw notFound(emailId);
    const [attachments, audit] = await Promise.all([this.emails.attachments(emailId), this.emails.auditOf(emailId)]);
    return EmailDto.full(row, attachments, audit);
  }

  async attachment(emailId: string, position: number): Promise<{ bytes: Buffer; filename: string | null }> {
    const found = (await this.emails.attachments(emailId)).find((a) => a.position === position);
    const bytes = found ? await this.store.get(found.sha256) : null;
    if (!found || !bytes) {
      throw new DomainException(
        EmailIntakeErrorCode.AttachmentNotFound,
        `Email ${emailId} has no stored attachment ${position}.`,
      );
    }
    return { bytes, filename: found.filename };
  }

  /**
   * A person's class for an email: it becomes a training example. An email waiting in review gets
   * its review answered with it (and so its robot); any other keeps what it became.
   */
  async label(emailId: string, className: string, actor: string | null): Promise<EmailDto> {
    const pending = await this.emails.pendingReviewOf(emailId);
    if (pending) {
      await this.reviews.answer(pending, { fields: { class_name: className } }, actor);
      return this.get(emailId);
    }
    await this.emails.transaction(async (tx) => {
      const email = await this.emails.getForUpdate(tx, emailId);
      if (!email) throw notFound(emailId);
      if (email.status === 'REJECTED') {
        throw new DomainException(EmailIntakeErrorCode.NotLabelable, 'A refused message has no class to correct.');
      }
      await this.labels.apply(tx, email, className, { source: 'feedback', actor });
    });
    return this.get(emailId);
  }
}
