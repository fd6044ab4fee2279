import { Inject, Logger, Optional } from '@nestjs/common';
import { availableParallelism } from 'node:os';
import { DomainException } from '../../core/errors/domain.exception.js';
import { statusOf } from '../../core/errors/error-catalogue.js';
import { type ContentStore, CONTENT_STORE } from '../../core/storage/content-store.js';
import {
  ErrorCategory,
  type RobotContext,
  RobotFailure,
  type RobotHandler,
  RobotHandlerFor,
  StepCategory,
} from '../../sdk/index.js';
import { OcrDocumentsRepository } from '../../state/repositories/ocr-documents.repository.js';
import {
  INVOICE_EXTRACTOR,
  OCR_PIPELINE,
  type InvoiceExtraction,
  type InvoiceExtractor,
  type OcrOptions,
  type OcrPipeline,
} from '../ocr.types.js';
import { OcrApiErrorCode } from '../ocr-api.errors.js';
import { OcrMetrics } from './ocr-metrics.js';
import { OCR_ROBOT_TYPE } from './ocr.service.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
// Progress: loading 0-5 %, pages 5-90 %, fields 90-95 %, storing the result 95-100 %.
const PAGES_FROM = 5;
const PAGES_SPAN = 85;

/** A timeout is named as one so the lifecycle files it as TIMEOUT; any other engine fault is EXTERNAL_API. */
const categoryOf = (error: Error) =>
  error.name === 'TimeoutError' || /timed? ?out/i.test(error.message)
    ? ErrorCategory.Timeout
    : ErrorCategory.ExternalApi;

/**
 * The in-process OCR module: robot type `ocr_extract` carries `{ document_id }` (never the
 * bytes); the handler reads the bytes from the content store, runs the pipeline reporting each
 * page, extracts invoice fields when asked, and stores the result on the document. A document the
 * pipeline refuses (a 422: corrupt, encrypted, too many pages) fails as VALIDATION, not retried;
 * an engine crash or timeout is retried by the lifecycle. CPU-bound: one robot per core.
 */
@RobotHandlerFor({
  name: 'ocr',
  version: '1.0.0',
  robotTypes: [OCR_ROBOT_TYPE],
  concurrency: availableParallelism(),
})
export class OcrExtractHandler implements RobotHandler {
  private readonly logger = new Logger(OcrExtractHandler.name);

  constructor(
    private readonly documents: OcrDocumentsRepository,
    @Inject(CONTENT_STORE) private readonly store: ContentStore,
    @Inject(OCR_PIPELINE) private readonly pipeline: OcrPipeline,
    private readonly metrics: OcrMetrics,
    @Optional() @Inject(INVOICE_EXTRACTOR) private readonly extractor?: InvoiceExtractor,
  ) {}

  async handle(ctx: RobotContext): Promise<Record<string, unknown>> {
    await ctx.progress({ step: 'LOAD_DOCUMENT', category: StepCategory.Init, percentage: 0 });
    const documentId = ctx.input.document_id;
    if (typeof documentId !== 'string' || !UUID.test(documentId)) {
      throw new RobotFailure(ErrorCategory.Validation, 'input_data.document_id must be an OCR document id');
    }
    const document = await this.documents.start(documentId);
    if (!document) throw new RobotFailure(ErrorCategory.Validation, `No OCR document ${documentId}`);
    const bytes = await this.store.get(document.sha256);
    if (!bytes)
      return this.refuse(documentId, OcrApiErrorCode.DocumentMissing, 'The document is no longer in the store.');
    const options = document.options as unknown as OcrOptions;

    let result;
    try {
      result = await this.pipeline.recognise(
        bytes,
        options,
        (done, total, page) =>
          ctx.progress({
            step: 'RECOGNISE_PAGE',
            category: StepCategory.Processing,
            percentage: Math.round(PAGES_FROM + (PAGES_SPAN * done) / Math.max(total, 1)),
            completedSteps: done,
            totalSteps: total,
            details: page && { page: page.page_number, source: page.source, confidence: page.confidence },
          }),
        ctx.signal,
      );
    } catch (error) {
      if (ctx.signal.aborted) throw error;
      if (error instanceof DomainException && statusOf(error.code) === 422) {
        return this.refuse(documentId, error.code, error.detail);
      }
      const cause = error instanceof Error ? error : new Error(String(error));
      this.logger.warn(`${ctx.robotId}: OCR engine failed on attempt ${ctx.attempt} (${cause.message})`);
      throw new RobotFailure(categoryOf(cause), `OCR engine failed: ${cause.message}`.slice(0, 500));
    }

    let extraction: InvoiceExtraction | null = null;
    if (options.extract === 'invoice' && this.extractor) {
      await ctx.progress({ step: 'EXTRACT_FIELDS', category: StepCategory.Processing, percentage: 90 });
      extraction = await this.extractor.extract({ ...result, sha256: document.sha256 });
    }
    const needsReview = (extraction?.needs_review.length ?? 0) > 0;
    await ctx.progress({ step: 'STORE_RESULT', category: StepCategory.Finalization, percentage: 95 });
    if (ctx.signal.aborted) return {};
    await this.documents.complete(documentId, {
      status: needsReview ? 'NEEDS_REVIEW' : 'COMPLETED',
      media_type: result.media_type,
      page_count: result.page_count,
      text: result.text,
      confidence: result.confidence,
      quality: result.quality,
      pages: result.pages,
      fields: extraction,
      cpu_ms: result.resources.cpu_ms,
      peak_memory_mb: result.resources.peak_memory_mb,
      duration_ms: result.resources.duration_ms,
    });
    this.metrics.finished('completed');
    await ctx.progress({ step: 'DONE', category: StepCategory.Finalization, percentage: 100 });
    return {
      document_id: documentId,
      confidence: result.confidence,
      page_count: result.page_count,
      needs_review: needsReview,
    };
  }

  /** The document itself is at fault: it fails with the reason, and the robot is not retried. */
  private async refuse(documentId: string, code: string, detail: string): Promise<never> {
    await this.documents.fail(documentId, `${code}: ${detail}`);
    this.metrics.finished('failed');
    throw new RobotFailure(ErrorCategory.Validation, detail, { document_id: documentId, code });
  }
}
