import { describe, expect, it } from '@jest/globals';
import { DomainException } from '../../core/errors/domain.exception.js';
import type { ContentStore } from '../../core/storage/content-store.js';
import { ErrorCategory, type RobotContext, RobotFailure } from '../../sdk/index.js';
import type { OcrDocumentResult, OcrDocumentsRepository } from '../../state/repositories/ocr-documents.repository.js';
import { OcrApiErrorCode } from '../ocr-api.errors.js';
import type { InvoiceExtractor, OcrPage, OcrPipeline, OcrResult } from '../ocr.types.js';
import { OcrExtractHandler } from './ocr-extract.handler.js';
import { OcrMetrics } from './ocr-metrics.js';

const DOCUMENT_ID = '7c9e6679-7425-40de-944b-e07fc1f90ae7';
const SHA = 'a'.repeat(64);

const page = (n: number): OcrPage => ({
  page_number: n,
  source: 'native',
  text: `page ${n}`,
  confidence: 90,
  rotation_applied: 0,
  preprocessing: [],
  lines: [],
  quality: { verdict: 'good', reasons: [] },
  engines_tried: [],
  timings_ms: { preprocess: 1, recognise: 2, total: 3 },
  width: 10,
  height: 10,
});

const RESULT: OcrResult = {
  sha256: '',
  media_type: 'image/tiff',
  page_count: 2,
  text: 'page 1\n\npage 2',
  confidence: 90,
  quality: { verdict: 'good', reasons: [] },
  pages: [page(1), page(2)],
  resources: { cpu_ms: 5, peak_memory_mb: 100, duration_ms: 7 },
};

/** The handler's collaborators, recording what it stores and reports; the pipeline is given per test. */
function harness(pipeline: OcrPipeline['recognise'], extractor?: InvoiceExtractor, extract = false) {
  const stored: { completed?: OcrDocumentResult; failed?: string } = {};
  const reports: Array<Record<string, unknown>> = [];
  const documents = {
    start: async () => ({
      sha256: SHA,
      media_type: 'image/tiff',
      status: 'PROCESSING',
      options: { languages: 'eng', engine: 'auto', ...(extract && { extract: 'invoice' }) },
    }),
    complete: async (_: string, result: OcrDocumentResult) => void (stored.completed = result),
    fail: async (_: string, error: string) => void (stored.failed = error),
  } as unknown as OcrDocumentsRepository;
  const store = { get: async () => Buffer.from('bytes') } as unknown as ContentStore;
  const handler = new OcrExtractHandler(documents, store, { recognise: pipeline }, new OcrMetrics(), extractor);
  const ctx: RobotContext = {
    robotId: 'OCR_1_1',
    robotType: 'ocr_extract',
    input: { document_id: DOCUMENT_ID },
    attempt: 1,
    signal: new AbortController().signal,
    progress: async (report) => void reports.push(report),
  };
  return { handler, ctx, stored, reports };
}

const failureOf = async (promise: Promise<unknown>): Promise<RobotFailure> => {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(RobotFailure);
  return error as RobotFailure;
};

describe('OcrExtractHandler', () => {
  it('reports each page, stores the result and completes with a small output', async () => {
    const { handler, ctx, stored, reports } = harness(async (_bytes, _options, onPage) => {
      await onPage?.(1, 2, page(1));
      await onPage?.(2, 2, page(2));
      return RESULT;
    });
    expect(await handler.handle(ctx)).toEqual({
      document_id: DOCUMENT_ID,
      confidence: 90,
      page_count: 2,
      needs_review: false,
    });
    expect(reports.filter((r) => r.step === 'RECOGNISE_PAGE')).toEqual([
      expect.objectContaining({ percentage: 48, completedSteps: 1, totalSteps: 2, details: expect.any(Object) }),
      expect.objectContaining({ percentage: 90, completedSteps: 2, totalSteps: 2 }),
    ]);
    expect(stored.completed).toMatchObject({ status: 'COMPLETED', page_count: 2, fields: null, cpu_ms: 5 });
  });

  it('stores the invoice extraction and honours needs_review', async () => {
    const extraction = {
      fields: [{ name: 'total' as const, value: 121, confidence: 0.4, checks: [], method: 'generic' }],
      template: null,
      needs_review: ['total' as const],
    };
    let seen: OcrResult | undefined;
    const extractor: InvoiceExtractor = {
      extract: async (result) => {
        seen = result;
        return extraction;
      },
    };
    const { handler, ctx, stored } = harness(async () => RESULT, extractor, true);
    expect(await handler.handle(ctx)).toMatchObject({ needs_review: true });
    expect(seen?.sha256).toBe(SHA);
    expect(stored.completed).toMatchObject({ status: 'NEEDS_REVIEW', fields: extraction });
  });

  it('fails a document the pipeline refuses (a 422) as VALIDATION, with the code on the document', async () => {
    const { handler, ctx, stored } = harness(async () => {
      throw new DomainException(OcrApiErrorCode.UnreadableDocument, 'The document cannot be read: truncated.');
    });
    const failure = await failureOf(handler.handle(ctx));
    expect(failure).toMatchObject({
      category: ErrorCategory.Validation,
      message: 'The document cannot be read: truncated.',
      details: { document_id: DOCUMENT_ID, code: 'OCR_UNREADABLE_DOCUMENT' },
    });
    expect(stored.failed).toBe('OCR_UNREADABLE_DOCUMENT: The document cannot be read: truncated.');
  });

  it.each([
    ['a crashed engine', new Error('worker exited with code 1'), ErrorCategory.ExternalApi],
    [
      'a hung engine',
      Object.assign(new Error('tesseract.js page timed out after 60000 ms'), { name: 'TimeoutError' }),
      ErrorCategory.Timeout,
    ],
  ])('leaves %s to the lifecycle to retry, the document untouched', async (_, error, category) => {
    const { handler, ctx, stored } = harness(async () => {
      throw error;
    });
    expect((await failureOf(handler.handle(ctx))).category).toBe(category);
    expect(stored).toEqual({});
  });

  it('refuses input that is not a document id as VALIDATION', async () => {
    const { handler, ctx } = harness(async () => RESULT);
    const failure = await failureOf(handler.handle({ ...ctx, input: { document_id: '../x' } }));
    expect(failure.category).toBe(ErrorCategory.Validation);
  });
});
