import { beforeAll, describe, expect, it } from '@jest/globals';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Scope } from '../../src/security/scopes.js';
import { RobotReadsRepository } from '../../src/state/repositories/robot-reads.repository.js';
import { issueKey } from '../factories/api-key.factory.js';
import { parseExposition, valueOf } from '../support/prometheus-text.js';
import { FIXTURES, finishedDocument, form, type OcrDocument, phototestLines, upload } from '../support/ocr-uploads.js';
import { http, tempDir, useTestApp } from '../support/test-app.js';

type Accepted = { document_id: string; robot_id: string; status: string; from_cache: boolean; location: string };
type Problem = { status: number; code: string; detail: string; errors?: string[]; document_id?: string };
type Robot = {
  robot_id: string;
  status: string;
  module_name: string | null;
  input_data: Record<string, unknown>;
  output_data: Record<string, unknown> | null;
  error_category: string | null;
  correlation_id: string | null;
};
type BatchItem = {
  index: number;
  filename: string | null;
  status: number;
  document_id: string | null;
  robot_id: string | null;
  from_cache: boolean;
  error: { code: string; detail: string } | null;
};

const MAX_BYTES = 200_000;
const DOCUMENTS = '/api/v1/ocr/documents';
const PROBLEM = /^application\/problem\+json/;

/**
 * The OCR API over real HTTP with real multipart bodies, on PGlite: uploads of real scans (bands
 * of tesseract-ocr's phototest, and a born-digital invoice PDF) run as `ocr_extract` robots
 * through the normal lifecycle and the real tesseract.js / pdfjs pipeline of this branch.
 */
describe('OCR documents API (PGlite, multipart, tesseract.js)', () => {
  const store = tempDir('botfleet-blobs-');
  const t = useTestApp({
    OCR_MAX_BYTES: String(MAX_BYTES),
    CONTENT_STORE_DIR: store.path,
    // tesseract.js only, as the native engine may be missing on a machine: the answers stay the same.
    OCR_TESSERACT_PATH: '/nonexistent',
  });
  let header: Buffer;
  let body: Buffer;
  let tail: Buffer;
  let firstId: string;

  const count = async (table: string): Promise<number> =>
    (await t.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`)).rows[0].n;
  const blobs = (): string[] => {
    const files: string[] = [];
    const walk = (dir: string) =>
      readdirSync(dir, { withFileTypes: true }).forEach((entry) =>
        entry.isDirectory() ? walk(join(dir, entry.name)) : files.push(entry.name),
      );
    walk(store.path);
    return files;
  };
  const robot = async (robotId: string) => (await http<Robot>(`${t.url}/api/v1/robots/${robotId}`)).body;
  /** The robot once it has finished: its document is stored just before the robot completes. */
  const settled = async (robotId: string): Promise<Robot> => {
    for (let tries = 0; ; tries++) {
      const current = await robot(robotId);
      if (['COMPLETED', 'FAILED', 'CANCELLED'].includes(current.status) || tries > 100) return current;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  };

  beforeAll(async () => {
    // Lines 1-2, 4-5 and 8-9 of the page: three different documents.
    [header, body, tail] = await Promise.all([
      phototestLines(84, 72),
      phototestLines(188, 70),
      phototestLines(290, 72),
    ]);
  });

  it('accepts a PNG with 202 and a Location, runs it as an ocr_extract robot, and answers its text', async () => {
    const accepted = await upload<Accepted>(t, DOCUMENTS, [['file', { bytes: header, filename: 'header.png' }]]);
    expect(accepted.status).toBe(202);
    expect(accepted.body).toMatchObject({ status: 'PENDING', from_cache: false });
    expect(accepted.headers.get('location')).toBe(`${DOCUMENTS}/${accepted.body.document_id}`);
    expect(accepted.body.location).toBe(accepted.headers.get('location'));
    firstId = accepted.body.document_id;

    const document = await finishedDocument(t, firstId);
    expect(document).toMatchObject({
      status: 'COMPLETED',
      media_type: 'image/png',
      page_count: 1,
      from_cache: false,
      cached_from: null,
      robot_id: accepted.body.robot_id,
      error: null,
    });
    expect(document.text).toMatch(/This is a lot of 12 point text to test the/);
    expect(document.text).toMatch(/ocr code and see if it works on all types/);
    expect(document.confidence).toBeGreaterThan(75);
    const [page] = document.pages!;
    expect(page).toMatchObject({ page_number: 1, source: 'wasm', width: 640, height: 72 });
    const lines = page.lines as Array<{ text: string; words: Array<{ text: string; confidence: number }> }>;
    expect(lines.map((l) => l.text)).toHaveLength(2);
    expect(lines[0].words.map((w) => w.text).slice(0, 3)).toEqual(['This', 'is', 'a']);
    expect(document.resources.duration_ms).toBeGreaterThan(0);

    // The robot went through the lifecycle: routed to the OCR module, one attempt, pages reported.
    const ran = await settled(accepted.body.robot_id);
    expect(ran).toMatchObject({
      status: 'COMPLETED',
      module_name: 'ocr',
      input_data: { document_id: firstId },
      output_data: { document_id: firstId, page_count: 1, needs_review: false },
    });
    expect(ran.output_data!.confidence).toBe(document.confidence);
    const attempts = (await http<Array<Record<string, unknown>>>(`${t.url}/api/v1/robots/${ran.robot_id}/executions`))
      .body;
    expect(attempts).toHaveLength(1);
    expect(attempts[0]).toMatchObject({ execution_state: 'COMPLETED', current_step: 'DONE', progress_percentage: 100 });
    const events = await t.app.get(RobotReadsRepository).events(ran.robot_id);
    expect(events[0].event_type).toBe('robot.created');
    expect(events.at(-1)!.event_type).toBe('robot.completed');
    const steps = events.filter((e) => e.event_type === 'robot.progress').map((e) => e.payload.current_step);
    expect(steps).toEqual(expect.arrayContaining(['LOAD_DOCUMENT', 'RECOGNISE_PAGE', 'STORE_RESULT', 'DONE']));
  });

  it('routes ocr_extract to the in-process OCR module only', async () => {
    const decision = await http<{ selected_module: string; candidates: Array<{ module_name: string }> }>(
      `${t.url}/api/v1/routing/select?robot_type=ocr_extract`,
    );
    expect(decision.body.selected_module).toBe('ocr');
    expect(decision.body.candidates.map((c) => c.module_name)).toEqual(['ocr']);
  });

  it('answers the same bytes and options from the cache: 200, from_cache, the original, a row of its own', async () => {
    const before = await count('robots');
    const again = await upload<OcrDocument>(t, DOCUMENTS, [['file', { bytes: header, filename: 'copy.png' }]]);
    expect(again.status).toBe(200);
    const original = await finishedDocument(t, firstId);
    expect(again.body).toMatchObject({
      status: 'COMPLETED',
      from_cache: true,
      cached_from: firstId,
      robot_id: null,
      text: original.text,
      confidence: original.confidence,
      pages: original.pages,
    });
    expect(again.body.document_id).not.toBe(firstId);
    expect(await count('robots')).toBe(before);
    // Read back later, the hit is its own document, still pointing at the original.
    expect((await http<OcrDocument>(`${t.url}${DOCUMENTS}/${again.body.document_id}`)).body).toMatchObject({
      from_cache: true,
      cached_from: firstId,
      text: original.text,
    });

    // Other options are another result: no hit.
    const english = await upload<Accepted>(t, DOCUMENTS, [
      ['languages', 'eng'],
      ['file', { bytes: header, filename: 'header.png' }],
    ]);
    expect(english.status).toBe(202);
    expect((await finishedDocument(t, english.body.document_id)).text).toMatch(/12 point text/);

    const metrics = parseExposition((await http<string>(`${t.url}/metrics`, { key: null })).body);
    expect(valueOf(metrics, 'botfleet_ocr_documents_total', { outcome: 'cache_hit' })).toBe(1);
    expect(valueOf(metrics, 'botfleet_ocr_documents_total', { outcome: 'completed' })).toBe(2);
    expect(valueOf(metrics, 'botfleet_ocr_cache_hit_ratio')).toBeCloseTo(1 / 3, 5);
    // The bytes are stored once, however often they came.
    expect(blobs()).toHaveLength(1);
  });

  it('answers a small document at once with sync=true', async () => {
    const res = await upload<OcrDocument>(t, DOCUMENTS, [
      ['sync', 'true'],
      ['file', { bytes: body, filename: 'body.png' }],
    ]);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'COMPLETED', from_cache: false });
    expect(res.body.text).toMatch(/The quick brown dog jumped over the/);
    expect((await settled(res.body.robot_id!)).status).toBe('COMPLETED');
  });

  it('reads a born-digital PDF from its own text layer', async () => {
    const pdf = readFileSync(`${FIXTURES}/invoices/SammyMaystoneLinesTest.pdf`);
    const res = await upload<OcrDocument>(t, DOCUMENTS, [
      ['sync', 'true'],
      ['file', { bytes: pdf, filename: 'invoice.pdf', type: 'application/pdf' }],
    ]);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'COMPLETED', media_type: 'application/pdf', page_count: 1 });
    expect(res.body.pages![0]).toMatchObject({ source: 'pdf_text', confidence: 100 });
    expect(res.body.text).toMatch(/Sammy Maystone/);
    expect(res.body.text).toMatch(/invoice_number_1/);
  });

  it('takes a batch: a robot per file, and a refused file answered with its reason without failing the others', async () => {
    const rows = await count('ocr_documents');
    const res = await upload<{ documents: BatchItem[] }>(t, `${DOCUMENTS}/batch`, [
      ['engine', 'wasm'],
      ['file', { bytes: tail, filename: 'tail.png', type: 'image/png' }],
      ['file', { bytes: Buffer.from('not a scan at all'), filename: 'notes.png', type: 'image/png' }],
      ['file', { bytes: Buffer.alloc(MAX_BYTES + 1, 0x89), filename: 'huge.png' }],
      ['file', { bytes: tail, filename: 'tail-again.png' }],
    ]);
    expect(res.status).toBe(200);
    const [good, text, huge, again] = res.body.documents;
    expect(res.body.documents.map((d) => [d.index, d.filename, d.status])).toEqual([
      [0, 'tail.png', 202],
      [1, 'notes.png', 422],
      [2, 'huge.png', 413],
      [3, 'tail-again.png', 202],
    ]);
    expect(text.error).toMatchObject({ code: 'OCR_UNSUPPORTED_TYPE' });
    expect(huge.error).toMatchObject({ code: 'OCR_FILE_TOO_LARGE' });
    expect([text.document_id, huge.document_id]).toEqual([null, null]);
    // Two requests, two documents (the copy was not finished yet when it came: no cache hit).
    expect(await count('ocr_documents')).toBe(rows + 2);
    const robots = await Promise.all([good, again].map((d) => robot(d.robot_id!)));
    expect(robots[0].correlation_id).toMatch(/^ocr-batch:/);
    expect(robots[1].correlation_id).toBe(robots[0].correlation_id);
    const finished = await finishedDocument(t, good.document_id!);
    expect(finished.text).toMatch(/over the lazy fox/);
  });

  it('fails a document the pipeline cannot read: 422 when synchronous, else the robot fails once as VALIDATION', async () => {
    // A PNG cut after its header: the type is right, the image is not there.
    const truncated = header.subarray(0, 120);
    const sync = await upload<Problem>(t, DOCUMENTS, [
      ['sync', 'true'],
      ['file', { bytes: truncated, filename: 'cut.png' }],
    ]);
    expect(sync.status).toBe(422);
    expect(sync.headers.get('content-type')).toMatch(PROBLEM);
    expect(sync.body.code).toBe('OCR_CORRUPT');
    expect(sync.body.document_id).toEqual(expect.any(String));

    const queued = await upload<Accepted>(t, DOCUMENTS, [['file', { bytes: truncated, filename: 'cut.png' }]]);
    expect(queued.status).toBe(202);
    const document = await finishedDocument(t, queued.body.document_id);
    expect(document).toMatchObject({ status: 'FAILED', error: { code: 'OCR_CORRUPT' } });
    expect(document.error!.detail).toMatch(/^The document cannot be read/);
    const failed = await settled(queued.body.robot_id);
    expect(failed).toMatchObject({ status: 'FAILED', error_category: 'VALIDATION' });
    expect((await http<unknown[]>(`${t.url}/api/v1/robots/${failed.robot_id}/executions`)).body).toHaveLength(1);
  });

  describe('refuses bad uploads with a problem, writing nothing', () => {
    const png = () => ({ bytes: header, filename: 'header.png' });
    const cases: Array<[string, () => Promise<{ status: number; body: Problem; headers: Headers }>, number, string]> = [
      [
        'a JSON body',
        () =>
          http<Problem>(`${t.url}${DOCUMENTS}`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: '{"file":"aGVsbG8="}',
          }),
        415,
        'OCR_NOT_MULTIPART',
      ],
      ['a form without a file', () => upload<Problem>(t, DOCUMENTS, [['languages', 'eng']]), 400, 'OCR_FILE_MISSING'],
      [
        'an unknown field',
        () =>
          upload<Problem>(t, DOCUMENTS, [
            ['colour', 'red'],
            ['file', png()],
          ]),
        400,
        'VALIDATION_FAILED',
      ],
      [
        'an unknown engine',
        () =>
          upload<Problem>(t, DOCUMENTS, [
            ['engine', 'gpu'],
            ['file', png()],
          ]),
        400,
        'VALIDATION_FAILED',
      ],
      [
        'a language not installed',
        () =>
          upload<Problem>(t, DOCUMENTS, [
            ['languages', 'eng+deu'],
            ['file', png()],
          ]),
        400,
        'VALIDATION_FAILED',
      ],
      [
        'sync that is not a boolean',
        () =>
          upload<Problem>(t, DOCUMENTS, [
            ['sync', 'yes'],
            ['file', png()],
          ]),
        400,
        'VALIDATION_FAILED',
      ],
      [
        'text bytes named .png and declared image/png',
        () =>
          upload<Problem>(t, DOCUMENTS, [
            ['file', { bytes: Buffer.from('Dear team, see attached.'), filename: 'scan.png', type: 'image/png' }],
          ]),
        422,
        'OCR_UNSUPPORTED_TYPE',
      ],
      [
        'a file over OCR_MAX_BYTES',
        () => upload<Problem>(t, DOCUMENTS, [['file', { bytes: Buffer.alloc(MAX_BYTES * 3, 1), filename: 'x.png' }]]),
        413,
        'OCR_FILE_TOO_LARGE',
      ],
      [
        'two files on the single upload',
        () =>
          upload<Problem>(t, DOCUMENTS, [
            ['file', png()],
            ['file', png()],
          ]),
        400,
        'OCR_TOO_MANY_FILES',
      ],
      [
        'an empty file',
        () => upload<Problem>(t, DOCUMENTS, [['file', { bytes: Buffer.alloc(0), filename: 'empty.png' }]]),
        400,
        'OCR_FILE_MISSING',
      ],
      [
        'a multipart body cut short',
        () =>
          http<Problem>(`${t.url}${DOCUMENTS}`, {
            method: 'POST',
            headers: { 'content-type': 'multipart/form-data; boundary=xyz' },
            body: '--xyz\r\nContent-Disposition: form-data; name="file"; filename="a.png"\r\n\r\n\x89PNG',
          }),
        400,
        'OCR_MALFORMED_UPLOAD',
      ],
    ];

    it.each(cases)('%s', async (_, send, status, code) => {
      const before = { documents: await count('ocr_documents'), robots: await count('robots'), blobs: blobs().length };
      const res = await send();
      expect({ status: res.status, code: res.body.code }).toEqual({ status, code });
      expect(res.headers.get('content-type')).toMatch(PROBLEM);
      expect(JSON.stringify(res.body)).not.toMatch(/at .*\.ts:\d+|node_modules/);
      expect({ documents: await count('ocr_documents'), robots: await count('robots'), blobs: blobs().length }).toEqual(
        before,
      );
    });

    it('names the unknown field and the bad options', async () => {
      const res = await upload<Problem>(t, DOCUMENTS, [
        ['colour', 'red'],
        ['file', png()],
      ]);
      expect(res.body.errors).toEqual(['unknown field colour']);
      const options = await upload<Problem>(t, DOCUMENTS, [
        ['engine', 'gpu'],
        ['languages', 'deu'],
        ['file', png()],
      ]);
      expect(options.body.errors).toEqual([
        'languages: deu not installed; installed: eng, spa',
        'engine must be one of auto, native, wasm',
      ]);
    });

    it('refuses a multipart body on a JSON route as before: 415', async () => {
      const res = await http<Problem>(`${t.url}/api/v1/robots`, { method: 'POST', body: form([['robot_type', 'x']]) });
      expect(res.status).toBe(415);
    });
  });

  it('keeps only the last segment of a file name that is a path', async () => {
    const res = await upload<OcrDocument & { filename: string }>(t, DOCUMENTS, [
      ['file', { bytes: header, filename: '../../etc/passwd.png' }],
    ]);
    expect(res.status).toBe(200);
    expect(res.body.filename).toBe('passwd.png');
  });

  it('answers 404 for an unknown document and 400 for an id that is not one', async () => {
    const unknown = await http<Problem>(`${t.url}${DOCUMENTS}/3b241101-e2bb-4255-8caf-4136c566a962`);
    expect(unknown.status).toBe(404);
    expect(unknown.body.code).toBe('OCR_DOCUMENT_NOT_FOUND');
    expect((await http<Problem>(`${t.url}${DOCUMENTS}/not-an-id`)).status).toBe(400);
  });

  it('lists documents newest first, in keyset pages, filtered by status', async () => {
    const all = (await http<{ items: Array<{ document_id: string }> }>(`${t.url}${DOCUMENTS}?limit=200`)).body.items;
    expect(all.length).toBe(await count('ocr_documents'));
    const first = await http<{ items: Array<{ document_id: string }>; next_cursor: string }>(
      `${t.url}${DOCUMENTS}?limit=3`,
    );
    const second = await http<{ items: Array<{ document_id: string }>; next_cursor: string | null }>(
      `${t.url}${DOCUMENTS}?limit=3&cursor=${first.body.next_cursor}`,
    );
    expect([...first.body.items, ...second.body.items].map((d) => d.document_id)).toEqual(
      all.slice(0, 6).map((d) => d.document_id),
    );
    expect(first.body.items[0]).not.toHaveProperty('text');
    const failed = (await http<{ items: Array<{ status: string }> }>(`${t.url}${DOCUMENTS}?status=FAILED`)).body.items;
    expect(failed.length).toBeGreaterThanOrEqual(2);
    expect(failed.every((d) => d.status === 'FAILED')).toBe(true);
    expect((await http<Problem>(`${t.url}${DOCUMENTS}?cursor=forged`)).body.code).toBe('INVALID_CURSOR');
    expect((await http<Problem>(`${t.url}${DOCUMENTS}?status=DONE`)).status).toBe(400);
  });

  it('enforces ocr:write to upload and ocr:read to read', async () => {
    const reader = await issueKey(t, [Scope.OcrRead]);
    const writer = await issueKey(t, [Scope.OcrWrite]);
    const rows = await count('ocr_documents');
    const denied = await upload<Problem>(t, DOCUMENTS, [['file', { bytes: header, filename: 'h.png' }]], reader.key);
    expect(denied.status).toBe(403);
    expect(denied.body.code).toBe('AUTH_FORBIDDEN');
    expect(await count('ocr_documents')).toBe(rows);
    expect((await http(`${t.url}${DOCUMENTS}/${firstId}`, { key: reader.key })).status).toBe(200);

    const written = await upload(t, DOCUMENTS, [['file', { bytes: header, filename: 'h.png' }]], writer.key);
    expect(written.status).toBe(200);
    expect((await http(`${t.url}${DOCUMENTS}/${firstId}`, { key: writer.key })).status).toBe(403);
    expect((await upload(t, DOCUMENTS, [['file', { bytes: header, filename: 'h.png' }]], null)).status).toBe(401);
  });
});
