import { Module } from '@nestjs/common';
import { InvoiceModule } from './invoices/invoice.module.js';

/**
 * Document text extraction, preprocessing, confidence, hash dedupe [OCREngine].
 * The layer's place in the dependency graph is fixed now; its behaviour arrives with its issue.
 */
@Module({ imports: [InvoiceModule] })
export class OcrModule {}
