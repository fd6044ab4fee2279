import { Inject, Logger } from '@nestjs/common';
import { DomainException } from '../../core/errors/domain.exception.js';
import { CONTENT_STORE, type ContentStore } from '../../core/storage/content-store.js';
import { OcrService } from '../../ocr/documents/ocr.service.js';
import { type DeliveredEvent, EventConsumer, type EventHandler, EventType, ROBOT_LIMITS } from '../../sdk/index.js';
import { EmailsRepository } from '../../state/repositories/emails.repository.js';
import { asReference } from './email-robot.js';

/** Declared types worth OCR; the OCR layer checks the bytes themselves and refuses the rest. */
const DOCUMENT_TYPES = new Set(['application/pdf', 'image/png', 'image/jpeg', 'image/tiff', 'image/webp']);

/**
 * Hands an ingested email's document attachments to OCR, each as an `ocr_extract` robot in the
 * email's thread (its correlation id), and links the document to the attachment. After the
 * email's commit, from its `email.ingested` event: at-least-once, and idempotent because an
 * attachment already linked is skipped (OCR's own dedupe answers a repeated document from cache).
 */
@EventConsumer({ name: 'email-attachments', events: [EventType.EmailIngested] })
export class EmailAttachmentsConsumer implements EventHandler {
  private readonly logger = new Logger(EmailAttachmentsConsumer.name);

  constructor(
    private readonly emails: EmailsRepository,
    private readonly ocr: OcrService,
    @Inject(CONTENT_STORE) private readonly store: ContentStore,
  ) {}

  async handle(event: DeliveredEvent): Promise<void> {
    const payload = event.payload as { email_id?: string; attachments?: number; status?: string };
    if (!payload.email_id || !payload.attachments || payload.status === 'NO_ROBOT') return;
    const email = await this.emails.get(payload.email_id);
    if (!email) return;
    for (const attachment of await this.emails.attachments(email.email_id)) {
      if (attachment.ocr_document_id || !DOCUMENT_TYPES.has(attachment.media_type)) continue;
      const bytes = attachment.size_bytes <= this.ocr.maxBytes ? await this.store.get(attachment.sha256) : null;
      if (!bytes) continue;
      try {
        const submitted = await this.ocr.submit(bytes, {
          filename: attachment.filename,
          createdBy: `email:${email.email_id}`,
          correlationId: asReference('thread:', email.thread_id, ROBOT_LIMITS.correlationIdLength),
          sha256: attachment.sha256,
        });
        await this.emails.linkOcrDocument(email.email_id, attachment.position, submitted.document_id);
        await this.emails.transaction((tx) =>
          this.emails.audit(
            tx,
            email.email_id,
            email.mailbox_id,
            [
              {
                step: 'ocr',
                outcome: 'ok',
                detail: {
                  position: attachment.position,
                  document_id: submitted.document_id,
                  robot_id: submitted.robot_id,
                  from_cache: submitted.from_cache,
                },
              },
            ],
            null,
          ),
        );
      } catch (error) {
        // A refusal (not really a PDF or an image, too many pages) is the attachment's, not a fault to retry.
        if (!(error instanceof DomainException)) throw error;
        this.logger.warn(`email ${email.email_id} attachment ${attachment.position}: OCR refused (${error.code})`);
        await this.emails.transaction((tx) =>
          this.emails.audit(
            tx,
            email.email_id,
            email.mailbox_id,
            [{ step: 'ocr', outcome: 'refused', detail: { position: attachment.position, code: error.code } }],
            null,
          ),
        );
      }
    }
  }
}
