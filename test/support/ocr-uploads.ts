import sharp from 'sharp';
import { readFileSync } from 'node:fs';
import { http, type HttpResult, type TestApp } from './test-app.js';

export const FIXTURES = 'test/fixtures/ocr';
export const PHOTOTEST = `${FIXTURES}/tesseract-test/phototest.tif`;

/** A form part: a field value, or a file with its bytes, name and declared type. */
export type FormPart = string | { bytes: Buffer; filename: string; type?: string };

/** A real multipart/form-data body (undici's FormData: fetch writes the boundary and parts). */
export function form(parts: Array<[string, FormPart]>): FormData {
  const data = new FormData();
  for (const [name, part] of parts) {
    if (typeof part === 'string') data.append(name, part);
    else data.append(name, new Blob([part.bytes], { type: part.type ?? 'application/octet-stream' }), part.filename);
  }
  return data;
}

export function upload<T = Record<string, unknown>>(
  t: Pick<TestApp, 'url'>,
  path: string,
  parts: Array<[string, FormPart]>,
  key?: string | null,
): Promise<HttpResult<T>> {
  return http<T>(`${t.url}${path}`, { method: 'POST', body: form(parts), key });
}

/**
 * A band of lines of the phototest scan (tesseract-ocr/test), as a PNG: a real scan, small enough
 * for tesseract.js to read in a fraction of a second on a shared machine.
 */
export async function phototestLines(top: number, height: number): Promise<Buffer> {
  return sharp(readFileSync(PHOTOTEST)).extract({ left: 0, top, width: 640, height }).png().toBuffer();
}

export type OcrDocument = {
  document_id: string;
  status: string;
  text: string | null;
  confidence: number | null;
  media_type: string;
  from_cache: boolean;
  cached_from: string | null;
  robot_id: string | null;
  page_count: number | null;
  pages: Array<Record<string, unknown>> | null;
  error: { code: string | null; detail: string } | null;
  resources: { cpu_ms: number | null; peak_memory_mb: number | null; duration_ms: number | null };
};

/** Polls GET /ocr/documents/:id until the document is finished (or the time is up). */
export async function finishedDocument(t: Pick<TestApp, 'url'>, documentId: string, ms = 60_000) {
  const deadline = Date.now() + ms;
  for (;;) {
    const res = await http<OcrDocument>(`${t.url}/api/v1/ocr/documents/${documentId}`);
    if (!['PENDING', 'PROCESSING'].includes(res.body.status) || Date.now() > deadline) return res.body;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
