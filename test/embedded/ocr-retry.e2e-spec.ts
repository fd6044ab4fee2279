import { afterAll, describe, expect, it } from '@jest/globals';
import { type DynamicModule, Global, Module } from '@nestjs/common';
import { AppModule } from '../../src/app.module.js';
import { DevOcrPipeline } from '../../src/ocr/documents/dev-pipeline.js';
import { OCR_PIPELINE, type OcrPipeline } from '../../src/ocr/ocr.types.js';
import { finishedDocument, type OcrDocument, phototestLines, upload } from '../support/ocr-uploads.js';
import { http, tempDir, useTestApp } from '../support/test-app.js';

const data = tempDir('botfleet-ocr-retry-');
let calls = 0;

/**
 * An engine that crashes on its first page and works after: the real tesseract.js pipeline behind
 * a first failure, as a worker that died mid-page would give. Provided as OCR_PIPELINE, so this
 * also proves that a module's pipeline replaces the dev one.
 */
class CrashOnceEngine implements OcrPipeline {
  private readonly real = new DevOcrPipeline(data.path);
  async recognise(...args: Parameters<OcrPipeline['recognise']>) {
    if (++calls === 1) throw new Error('tesseract worker exited with code 134');
    return this.real.recognise(...args);
  }
  onModuleDestroy() {
    return this.real.onModuleDestroy();
  }
}

@Global()
@Module({ providers: [{ provide: OCR_PIPELINE, useClass: CrashOnceEngine }], exports: [OCR_PIPELINE] })
class CrashOncePipelineModule {}

const root = (): DynamicModule => ({ module: CrashOncePipelineModule, imports: [AppModule.forRoot()] });

describe('OCR robot retries (PGlite)', () => {
  const t = useTestApp({ DATA_DIR: data.path, RETRY_BACKOFF_BASE_MS: '10', RETRY_BACKOFF_MAX_MS: '20' }, root);
  afterAll(() => data.remove());

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
