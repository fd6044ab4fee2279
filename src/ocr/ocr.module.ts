import { Module } from '@nestjs/common';
import { StorageModule } from '../core/storage/storage.module.js';
import { OcrDocumentsRepository } from '../state/repositories/ocr-documents.repository.js';
import { OcrDocumentsController } from './documents/ocr-documents.controller.js';
import { OcrExtractHandler } from './documents/ocr-extract.handler.js';
import { OcrMetrics } from './documents/ocr-metrics.js';
import { OcrRobotEventsConsumer } from './documents/ocr-robot-events.consumer.js';
import { OcrUploads } from './documents/ocr-uploads.service.js';
import { OcrService } from './documents/ocr.service.js';
import { InvoiceModule } from './invoices/invoice.module.js';
import { OcrPipelineModule } from './pipeline/ocr-pipeline.module.js';

/**
 * Document text extraction [OCREngine]: the upload API, dedupe by content and options, the
 * `ocr_extract` robot module, and OcrService for other layers (email attachments, handlers).
 * The pipeline (OCR_PIPELINE) and the invoice extractor (INVOICE_EXTRACTOR) come from their own
 * modules, imported here.
 */
@Module({
  imports: [StorageModule, OcrPipelineModule, InvoiceModule],
  controllers: [OcrDocumentsController],
  providers: [OcrDocumentsRepository, OcrMetrics, OcrService, OcrUploads, OcrExtractHandler, OcrRobotEventsConsumer],
  exports: [OcrService, StorageModule, OcrPipelineModule],
})
export class OcrModule {}
