import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { OCR_PIPELINE, type OcrPipeline } from '../../src/ocr/ocr.types.js';
import { finishedDocument, type OcrDocument, phototestLines, upload } from '../support/ocr-uploads.js';
import { http, tempDir, useTestApp } from '../support/test-app.js';

const data = tempDir('botfleet-ocr-retry-');
let calls = 0;

describe('OCR robot retries (PGlite)', () => {
  const t = useTestApp({ DATA_DIR: data.path, RETRY_BACKOFF_BASE_MS: '10', RETRY_BACKOFF_MAX_MS: '20' });
  afterAll(() => data.remove());

  // The real pipeline, whose first call dies as a crashed engine process would: the robot's
  // lifecycle (an EXTERNAL_API failure, a retry, a completion) is under test here, not the engines.
  beforeAll(() => {
    const pipeline = t.app.get<OcrPipeline>(OCR_PIPELINE, { strict: false });
    const recognise = pipeline.recognise.bind(pipeline);
    pipeline.recognise = (...args) => {
      if (++calls === 1) return Promise.reject(new Error('tesseract worker exited with code 134'));
      return recognise(...args);
    };
  });

  it('retries a document whose engine crashed, through the lifecycle, and completes it on the next attempt', async () => {
    const png = await phototestLines(84, 40);
    const accepted = await upload<{ document_id: string; robot_id: string }>(t, '/api/v1/ocr/documents', [
      ['file', { bytes: png, filename: 'line.png' }],
    ]);
    expect(accepted.status).toBe(202);
    const document: OcrDocument = await finishedDocument(t, accepted.body.document_id);
    expect(document.status).toBe('COMPLETED');
    expect(document.text).toMatch(/12 point text/);
    expect(calls).toBe(2);
    const attempts = (
      await http<Array<{ execution_state: string; error_category: string | null }>>(
        `${t.url}/api/v1/robots/${accepted.body.robot_id}/executions`,
      )
    ).body;
    expect(attempts.map((a) => [a.execution_state, a.error_category])).toEqual([
      ['FAILED', 'EXTERNAL_API'],
      ['COMPLETED', null],
    ]);
  });
});
