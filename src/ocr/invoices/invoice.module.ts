import { Module } from '@nestjs/common';
import { ReviewModule } from '../../review/review.module.js';
import { StateModule } from '../../state/state.module.js';
import { INVOICE_EXTRACTOR } from '../ocr.types.js';
import { InvoiceExtractorService } from './invoice-extractor.service.js';
import { InvoiceReviewService } from './review/invoice-review.service.js';
import { OcrFieldReviewHandler } from './review/ocr-field-review.handler.js';
import { InvoiceTemplatesService } from './templates/invoice-templates.service.js';
import { InvoiceTemplatesController } from './templates/invoice-templates.controller.js';

/**
 * Invoice fields from OCR results (INVOICE_EXTRACTOR), vendor templates over REST, and the OCR
 * side of human review: doubtful fields to the queue (InvoiceReviewService), answers back into
 * documents and learned templates (OcrFieldReviewHandler).
 */
@Module({
  imports: [StateModule, ReviewModule],
  controllers: [InvoiceTemplatesController],
  providers: [
    InvoiceExtractorService,
    { provide: INVOICE_EXTRACTOR, useExisting: InvoiceExtractorService },
    InvoiceReviewService,
    OcrFieldReviewHandler,
    InvoiceTemplatesService,
  ],
  exports: [INVOICE_EXTRACTOR, InvoiceReviewService],
})
export class InvoiceModule {}
