import { Injectable } from '@nestjs/common';
import { AppConfig } from '../../core/config/app-config.service.js';
import { InvoiceTemplatesRepository } from '../../state/repositories/invoice-templates.repository.js';
import type { InvoiceExtraction, InvoiceExtractor, OcrResult } from '../ocr.types.js';
import { extractInvoice } from './invoice-extraction.js';
import { SafeRegexRunner } from './templates/safe-regex-runner.js';
import type { InvoiceTemplate } from './templates/template.types.js';

/** INVOICE_EXTRACTOR: the vendor templates from the database, then the rules of invoice-extraction.ts. */
@Injectable()
export class InvoiceExtractorService implements InvoiceExtractor {
  private readonly runner: SafeRegexRunner;

  constructor(
    private readonly templates: InvoiceTemplatesRepository,
    private readonly config: AppConfig,
  ) {
    this.runner = new SafeRegexRunner(config.get('OCR_TEMPLATE_REGEX_TIMEOUT_MS'));
  }

  async extract(result: OcrResult): Promise<InvoiceExtraction> {
    const templates = (await this.templates.forMatching()) as unknown as InvoiceTemplate[];
    return extractInvoice(result, templates, {
      reviewThreshold: this.config.get('OCR_REVIEW_THRESHOLD'),
      runner: this.runner,
    });
  }
}
