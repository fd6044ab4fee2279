import { Module } from '@nestjs/common';
import { OcrModule } from '../../ocr/ocr.module.js';
import { ReviewModule } from '../../review/review.module.js';
import { StateModule } from '../../state/state.module.js';
import { EmailsRepository } from '../../state/repositories/emails.repository.js';
import { EmailClassificationModule } from '../classification/email-classification.module.js';
import { EMAIL_INGESTOR } from '../email.types.js';
import { EmailClassReviewHandler } from '../review/email-class-review.handler.js';
import { EmailLabels } from '../review/email-labels.service.js';
import { EmailReviewRobotsConsumer } from '../review/email-review-robots.consumer.js';
import { EmailAttachmentsConsumer } from './email-attachments.consumer.js';
import { EmailIngestService } from './email-ingest.service.js';
import { EmailMetrics } from './email-metrics.js';
import { EmailsController } from './emails.controller.js';
import { EmailsService } from './emails.service.js';
import { MboxImport } from './mbox-import.service.js';

/**
 * Taking emails in: the ingestor (EMAIL_INGESTOR) that the mailbox watcher and the REST upload
 * share, the emails API (upload, mbox import, reads, labels), the review kind of doubtful
 * classes, and the consumers that hand attachments to OCR and create reviewed emails' robots.
 */
@Module({
  imports: [StateModule, OcrModule, ReviewModule, EmailClassificationModule],
  controllers: [EmailsController],
  providers: [
    EmailsRepository,
    EmailMetrics,
    EmailIngestService,
    { provide: EMAIL_INGESTOR, useExisting: EmailIngestService },
    EmailsService,
    MboxImport,
    EmailLabels,
    EmailClassReviewHandler,
    EmailReviewRobotsConsumer,
    EmailAttachmentsConsumer,
  ],
  exports: [EMAIL_INGESTOR, EmailsRepository],
})
export class EmailIntakeModule {}
