import { beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import type { AppConfig } from '../../src/core/config/app-config.service.js';
import { InvoiceReviewService } from '../../src/ocr/invoices/review/invoice-review.service.js';
import {
  INVOICE_EXTRACTOR,
  type InvoiceExtraction,
  type InvoiceExtractor,
  type InvoiceFieldName,
  type OcrResult,
} from '../../src/ocr/ocr.types.js';
import { ReviewKinds } from '../../src/review/review-kinds.js';
import { ReviewQueue } from '../../src/review/review-queue.service.js';
import { Scope } from '../../src/security/scopes.js';
import { issueKey } from '../factories/api-key.factory.js';
import { pdfTextResult } from '../support/pdf-text-result.js';
import { tesseractResult } from '../support/tesseract-result.js';
import { http, type HttpResult, useTestApp } from '../support/test-app.js';

const DIR = join(process.cwd(), 'test/fixtures/ocr/invoices');
const ADMIN_PREFIX = '0000ad01';

type Body = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const AZURE_TEMPLATE = {
  vendor_name: 'Azure Interior',
  keywords: ['Azure Interior', 'azure-interior.com'],
  fields: { invoice_number: 'Invoice\\s+(INV/\\d+/\\d+/\\d+)', total: '\\bTotal\\s+\\$\\s*([\\d.,]+)' },
  options: { currency: 'USD', date_format: 'mdy' },
};

describe('invoice templates and the review queue (PGlite)', () => {
  const t = useTestApp();
  const results: Record<string, OcrResult> = {};
  let extractor: InvoiceExtractor;

  beforeAll(async () => {
    extractor = t.app.get<InvoiceExtractor>(INVOICE_EXTRACTOR);
    results.azure = await pdfTextResult(join(DIR, 'AzureInterior.pdf'));
    results.flipkartPdf = await pdfTextResult(join(DIR, 'FlipkartInvoice.pdf'));
    results.flipkartScan = await tesseractResult(join(DIR, 'FlipkartInvoice.png'));
  }, 60_000);

  const api = (path: string, method = 'GET', body?: unknown, key?: string): Promise<HttpResult<Body>> =>
    http<Body>(`${t.url}/api/v1${path}`, {
      method,
      key,
      ...(body !== undefined && { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }),
    });
  const field = (extraction: InvoiceExtraction, name: InvoiceFieldName) =>
    extraction.fields.find((f) => f.name === name)!;
  const count = async (sql: string, params: unknown[] = []) => Number((await t.db.query(sql, params)).rows[0].n);

  /** A document row as the OCR API writes it (its part stores pages and the extraction), then its review routed. */
  async function documentUnderReview(result: OcrResult, robotId: string | null = null) {
    const extraction = await extractor.extract(result);
    const documentId = randomUUID();
    await t.db.query(
      `INSERT INTO ocr_documents (document_id, sha256, options_key, media_type, size_bytes, page_count, status, robot_id, text, pages, fields)
       VALUES ($1, $2, $3, $4, 1000, $5, 'PROCESSING', $6, $7, $8, $9)`,
      [
        documentId,
        result.sha256,
        'f'.repeat(64),
        result.media_type,
        result.page_count,
        robotId,
        result.text,
        JSON.stringify(result.pages),
        JSON.stringify(extraction),
      ],
    );
    const routed = await t.app
      .get(InvoiceReviewService)
      .route(extraction, { document_id: documentId, robot_id: robotId });
    await t.db.query(`UPDATE ocr_documents SET status = $2 WHERE document_id = $1`, [documentId, routed.status]);
    return { documentId, extraction, routed };
  }

  describe('/api/v1/ocr/templates', () => {
    let templateId: string;

    it('creates a template, and the extractor applies it', async () => {
      const created = await api('/ocr/templates', 'POST', AZURE_TEMPLATE);
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({
        ...AZURE_TEMPLATE,
        source: 'USER',
        corrections_applied: 0,
        created_by: ADMIN_PREFIX,
      });
      templateId = created.body.template_id;
      const azure = await extractor.extract(results.azure);
      expect(azure.template).toBe('template:Azure Interior');
      expect(field(azure, 'total')).toMatchObject({ value: 279.84, method: 'template:Azure Interior', confidence: 1 });
      expect(field(azure, 'total').checks).toContainEqual({ check: 'total_consistent', passed: true });
    });

    it.each([
      ['a nested quantifier', { total: '(\\d+,?)+\\.' }, 'nests a quantifier'],
      ['a quantified alternation', { total: '(a|aa)*b' }, 'alternation'],
      ['a backreference', { invoice_number: '(\\d)\\1+' }, 'backreference'],
      ['a pattern that does not compile', { invoice_number: '(INV' }, 'not a valid regular expression'],
      ['an overlong pattern', { invoice_number: 'x'.repeat(301) }, 'longer than 300'],
      ['a pattern that is not a string', { invoice_number: 42 }, 'must be a regular expression'],
    ])('refuses %s with a 422 and writes nothing', async (_what, fields, reason) => {
      const before = await count(`SELECT count(*) AS n FROM invoice_templates`);
      const refused = await api('/ocr/templates', 'POST', { ...AZURE_TEMPLATE, vendor_name: 'Unsafe Vendor', fields });
      expect(refused.status).toBe(422);
      expect(refused.headers.get('content-type')).toContain('application/problem+json');
      expect(refused.body).toMatchObject({ code: 'INVOICE_TEMPLATE_PATTERN_UNSAFE' });
      expect(refused.body.detail).toContain(reason);
      expect(await count(`SELECT count(*) AS n FROM invoice_templates`)).toBe(before);
    });

    it.each([
      ['no keywords', { keywords: [] }, 'VALIDATION_FAILED'],
      ['a blank keyword', { keywords: ['  '] }, 'VALIDATION_FAILED'],
      ['no vendor name', { vendor_name: '' }, 'VALIDATION_FAILED'],
      ['an unknown option', { options: { timezone: 'UTC' } }, 'VALIDATION_FAILED'],
      ['a bad currency', { options: { currency: 'euro' } }, 'VALIDATION_FAILED'],
      ['an unknown member', { colour: 'blue' }, 'VALIDATION_FAILED'],
      ['a field that is not an invoice field', { fields: { colour: 'blue' } }, 'INVOICE_TEMPLATE_INVALID'],
    ])('refuses %s with a 400', async (_what, change, code) => {
      const refused = await api('/ocr/templates', 'POST', {
        ...AZURE_TEMPLATE,
        vendor_name: 'Other Vendor',
        ...change,
      });
      expect(refused.status).toBe(400);
      expect(refused.body.code).toBe(code);
    });

    it('refuses a second template for the same vendor (any case)', async () => {
      const again = await api('/ocr/templates', 'POST', { ...AZURE_TEMPLATE, vendor_name: 'AZURE INTERIOR' });
      expect(again.status).toBe(409);
      expect(again.body.code).toBe('INVOICE_TEMPLATE_VENDOR_EXISTS');
    });

    it('lists in keyset pages, shows one, replaces and deletes', async () => {
      const second = await api('/ocr/templates', 'POST', {
        vendor_name: 'Flipkart',
        keywords: ['Flipkart.com'],
        fields: {},
      });
      expect(second.status).toBe(201);
      const first = await api('/ocr/templates?limit=1');
      expect(first.status).toBe(200);
      expect(first.body.items.map((i: Body) => i.vendor_name)).toEqual(['Flipkart']);
      const next = await api(`/ocr/templates?limit=1&cursor=${first.body.next_cursor}`);
      expect(next.body).toMatchObject({ items: [{ template_id: templateId }], next_cursor: null });
      expect((await api('/ocr/templates?cursor=bm90LWEtY3Vyc29y')).status).toBe(400);
      expect((await api('/ocr/templates?source=LEARNED')).body.items).toEqual([]);

      expect((await api(`/ocr/templates/${templateId}`)).body.vendor_name).toBe('Azure Interior');
      expect((await api(`/ocr/templates/${randomUUID()}`)).status).toBe(404);
      expect((await api('/ocr/templates/not-a-uuid')).status).toBe(400);

      const replaced = await api(`/ocr/templates/${templateId}`, 'PUT', {
        ...AZURE_TEMPLATE,
        keywords: ['Azure Interior'],
      });
      expect(replaced.status).toBe(200);
      expect(replaced.body.keywords).toEqual(['Azure Interior']);
      expect(
        (await api(`/ocr/templates/${templateId}`, 'PUT', { ...AZURE_TEMPLATE, vendor_name: 'flipkart' })).status,
      ).toBe(409);
      expect(
        (await api(`/ocr/templates/${templateId}`, 'PUT', { ...AZURE_TEMPLATE, fields: { tax: '(x+)*' } })).status,
      ).toBe(422);
      expect((await api(`/ocr/templates/${randomUUID()}`, 'PUT', AZURE_TEMPLATE)).status).toBe(404);

      expect((await api(`/ocr/templates/${second.body.template_id}`, 'DELETE')).status).toBe(204);
      expect((await api(`/ocr/templates/${second.body.template_id}`, 'DELETE')).status).toBe(404);
      expect((await api(`/ocr/templates/${templateId}`, 'DELETE')).status).toBe(204);
      // Without templates the same invoice is read by the generic rules, not refused.
      expect((await extractor.extract(results.azure)).template).toBeNull();
    });

    it('needs ocr:write to change templates and ocr:read to read them', async () => {
      const reader = await issueKey(t, [Scope.OcrRead]);
      expect((await api('/ocr/templates', 'GET', undefined, reader.key)).status).toBe(200);
      expect((await api('/ocr/templates', 'POST', AZURE_TEMPLATE, reader.key)).status).toBe(403);
      const reviewer = await issueKey(t, [Scope.ReviewsRead]);
      expect((await api('/ocr/templates', 'GET', undefined, reviewer.key)).status).toBe(403);
    });
  });

  describe('/api/v1/reviews', () => {
    it('shows a reviewer the doubtful fields with why, where and the document', async () => {
      const { documentId, routed } = await documentUnderReview(results.flipkartScan);
      expect(routed.status).toBe('NEEDS_REVIEW');
      const list = await api('/reviews?kind=ocr_field&status=PENDING');
      expect(list.status).toBe(200);
      const item = list.body.items.find((i: Body) => i.review_id === routed.review_id);
      expect(item).toMatchObject({
        kind: 'ocr_field',
        status: 'PENDING',
        document_id: documentId,
        document_url: `/api/v1/ocr/documents/${documentId}`,
        corrections: null,
        reviewed_by: null,
        resolved_at: null,
      });
      const byName = Object.fromEntries(item.subject.fields.map((f: Body) => [f.name, f]));
      expect(byName.invoice_number).toEqual({
        name: 'invoice_number',
        value: null,
        confidence: 0,
        reasons: ['not found'],
      });
      expect(byName.currency).toMatchObject({ value: null, reasons: ['not found'] });
      expect(item.subject.vendor).toBe('WS Retail Services Pvt. Ltd');
      expect(item.subject.all_fields).toMatchObject({ issue_date: '2015-10-20', total: 319 });
      // Fields that passed are not asked about.
      expect(byName.total).toBeUndefined();
      expect((await api(`/reviews/${routed.review_id}`)).body).toEqual(item);
    });

    it('pages and filters, refusing bad filters and cursors', async () => {
      await documentUnderReview(results.azure);
      const first = await api('/reviews?limit=1');
      expect(first.body.items).toHaveLength(1);
      expect(first.body.next_cursor).toEqual(expect.any(String));
      const next = await api(`/reviews?limit=1&cursor=${first.body.next_cursor}`);
      expect(next.body.items[0].review_id).not.toBe(first.body.items[0].review_id);
      expect((await api('/reviews?status=RESOLVED')).body.items).toEqual([]);
      expect((await api('/reviews?kind=email_classification')).body.items).toEqual([]);
      expect((await api('/reviews?status=LATER')).status).toBe(400);
      expect((await api('/reviews?kind=Bad%20Kind')).status).toBe(400);
      expect((await api('/reviews?cursor=Zm9yZ2Vk')).status).toBe(400);
      expect((await api(`/reviews/${randomUUID()}`)).status).toBe(404);
      expect((await api('/reviews/42')).status).toBe(400);
    });

    it('refuses corrections that are not values of their fields, leaving the review untouched', async () => {
      const { routed } = await documentUnderReview(results.flipkartScan);
      const id = routed.review_id!;
      const refusals: Array<[unknown, string]> = [
        [{ fields: { issue_date: '20/10/2015' } }, 'issue_date: must be a real date as yyyy-mm-dd'],
        [{ fields: { total: 'three hundred' } }, 'total: must be an amount'],
        [{ fields: { iban: 'ES92 2100 0418 4502 0005 1332' } }, 'iban: must be an IBAN whose check digits are right'],
        [{ fields: { vendor_tax_id: '12345678A' } }, 'vendor_tax_id: fails its es_nif check'],
        [{ fields: { colour: 'red' } }, 'no field named colour'],
        [{ fields: {} }, 'at least one corrected field'],
        [{}, 'either fields'],
        [{ fields: { currency: 'INR' }, dismiss: true }, 'either fields'],
      ];
      for (const [body, reason] of refusals) {
        const refused = await api(`/reviews/${id}`, 'POST', body);
        expect([refused.status, refused.body.code]).toEqual([400, 'REVIEW_ANSWER_INVALID']);
        expect(refused.body.detail).toContain(reason);
      }
      expect((await api(`/reviews/${id}`, 'POST', { dismiss: false })).status).toBe(400);
      expect((await api(`/reviews/${randomUUID()}`, 'POST', { dismiss: true })).status).toBe(404);
      expect((await api(`/reviews/${id}`)).body.status).toBe('PENDING');
      expect(
        await count(
          `SELECT count(*) AS n FROM events WHERE event_type = 'review.resolved' AND payload->>'review_id' = $1`,
          [id],
        ),
      ).toBe(0);
    });

    it('resolves with corrections: the document completes, review.resolved is written, the vendor is learned', async () => {
      const robot = await api('/robots', 'POST', { robot_type: 'text_stats', input_data: { text: 'invoice' } });
      const { documentId, routed, extraction } = await documentUnderReview(results.flipkartScan, robot.body.robot_id);
      expect(field(extraction, 'vendor_name')).toMatchObject({
        value: 'WS Retail Services Pvt. Ltd',
        method: 'generic',
      });
      const resolved = await api(`/reviews/${routed.review_id}`, 'POST', {
        fields: { vendor_name: 'Flipkart', currency: 'INR', invoice_number: '#BLR_WFLD20151000982590' },
      });
      expect(resolved.status).toBe(200);
      expect(resolved.body).toMatchObject({
        status: 'RESOLVED',
        reviewed_by: ADMIN_PREFIX,
        corrections: { vendor_name: 'Flipkart', currency: 'INR', invoice_number: '#BLR_WFLD20151000982590' },
        resolved_at: expect.any(String),
      });
      expect((await api(`/reviews/${routed.review_id}`, 'POST', { dismiss: true })).status).toBe(409);

      const document = (
        await t.db.query(`SELECT status, fields, completed_at FROM ocr_documents WHERE document_id = $1`, [documentId])
      ).rows[0];
      expect(document.status).toBe('COMPLETED');
      expect(document.completed_at).not.toBeNull();
      expect(document.fields.needs_review).toEqual([]);
      expect(document.fields.fields.find((f: Body) => f.name === 'vendor_name')).toMatchObject({
        value: 'Flipkart',
        confidence: 1,
        method: 'review',
      });

      const events = await t.db.query(
        `SELECT robot_id, payload FROM events WHERE event_type = 'review.resolved' AND payload->>'review_id' = $1`,
        [routed.review_id],
      );
      expect(events.rows).toEqual([
        {
          robot_id: robot.body.robot_id,
          payload: {
            review_id: routed.review_id,
            kind: 'ocr_field',
            document_id: documentId,
            robot_id: robot.body.robot_id,
            status: 'RESOLVED',
          },
        },
      ]);

      const learned = (await api('/ocr/templates?source=LEARNED')).body.items;
      expect(learned).toEqual([
        expect.objectContaining({
          vendor_name: 'Flipkart',
          keywords: ['WS Retail Services Pvt. Ltd'],
          options: { currency: 'INR' },
          corrections_applied: 1,
        }),
      ]);

      // The next extraction of the vendor's invoices: the scan again, and its born-digital PDF.
      const again = await extractor.extract(results.flipkartScan);
      expect(field(again, 'vendor_name')).toMatchObject({ value: 'Flipkart', method: 'learned:Flipkart' });
      expect(field(again, 'currency')).toMatchObject({ value: 'INR', method: 'learned:Flipkart' });
      expect(again.needs_review).not.toContain('currency');
      const pdf = await extractor.extract(results.flipkartPdf);
      expect(field(pdf, 'vendor_name')).toMatchObject({ value: 'Flipkart', method: 'learned:Flipkart', confidence: 1 });
    });

    it('dismisses: the values stand, the document completes, the event says DISMISSED', async () => {
      const { documentId, routed, extraction } = await documentUnderReview(results.azure);
      expect(extraction.needs_review).toEqual(['iban']);
      const dismissed = await api(`/reviews/${routed.review_id}`, 'POST', { dismiss: true });
      expect(dismissed.body).toMatchObject({ status: 'DISMISSED', corrections: null, reviewed_by: ADMIN_PREFIX });
      const document = (
        await t.db.query(`SELECT status, fields FROM ocr_documents WHERE document_id = $1`, [documentId])
      ).rows[0];
      expect(document.status).toBe('COMPLETED');
      expect(document.fields.fields.find((f: Body) => f.name === 'iban').value).toBe('US1234567890');
      const event = await t.db.query(
        `SELECT payload FROM events WHERE event_type = 'review.resolved' AND payload->>'review_id' = $1`,
        [routed.review_id],
      );
      expect(event.rows[0].payload.status).toBe('DISMISSED');
    });

    it("rolls the answer back when its owner's update fails: nothing half-written", async () => {
      t.app.get(ReviewKinds).register({
        kind: 'always_fails',
        validate: () => [],
        resolved: async () => {
          throw new Error('owner update failed');
        },
      });
      const item = await t.app.get(ReviewQueue).enqueue({
        kind: 'always_fails',
        document_id: null,
        robot_id: null,
        subject: {
          fields: [{ name: 'category', value: 'spam', confidence: 0.4, reasons: ['confidence 0.4 below 0.8'] }],
        },
      });
      const failed = await api(`/reviews/${item.review_id}`, 'POST', { fields: { category: 'ham' } });
      expect(failed.status).toBe(500);
      expect(JSON.stringify(failed.body)).not.toContain('owner update failed');
      expect((await api(`/reviews/${item.review_id}`)).body).toMatchObject({ status: 'PENDING', corrections: null });
      expect(await count(`SELECT count(*) AS n FROM events WHERE payload->>'review_id' = $1`, [item.review_id])).toBe(
        0,
      );
    });

    it('completes the document at once with OCR_REVIEW_MODE=complete, still queueing its review', async () => {
      const config = {
        get: (key: string) => ({ OCR_REVIEW_MODE: 'complete', OCR_REVIEW_THRESHOLD: 0.8 })[key],
      } as unknown as AppConfig;
      const service = new InvoiceReviewService(t.app.get(ReviewQueue), config);
      const extraction = await extractor.extract(results.azure);
      const routed = await service.route(extraction, { document_id: null as unknown as string, robot_id: null });
      expect(routed).toEqual({ status: 'COMPLETED', review_id: expect.any(String) });
      expect(
        await service.route({ ...extraction, needs_review: [] }, { document_id: randomUUID(), robot_id: null }),
      ).toEqual({
        status: 'COMPLETED',
        review_id: null,
      });
    });

    it('needs reviews:read to list and reviews:write to answer', async () => {
      const reader = await issueKey(t, [Scope.ReviewsRead]);
      expect((await api('/reviews', 'GET', undefined, reader.key)).status).toBe(200);
      expect((await api(`/reviews/${randomUUID()}`, 'POST', { dismiss: true }, reader.key)).status).toBe(403);
      const ocr = await issueKey(t, [Scope.OcrRead, Scope.OcrWrite]);
      expect((await api('/reviews', 'GET', undefined, ocr.key)).status).toBe(403);
    });
  });
});
