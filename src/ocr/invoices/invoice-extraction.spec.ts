import { beforeAll, describe, expect, it } from '@jest/globals';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { accuracyTable, type FieldScore, scoreInvoice } from './invoice-accuracy.js';
import { pdfTextResult } from '../../../test/support/pdf-text-result.js';
import { tesseractResult } from '../../../test/support/tesseract-result.js';
import type { ExtractedField, InvoiceExtraction, InvoiceFieldName, OcrResult } from '../ocr.types.js';
import { extractInvoice } from './invoice-extraction.js';
import { learnTemplate } from './learning/template-learner.js';
import { SafeRegexRunner } from './templates/safe-regex-runner.js';
import type { InvoiceTemplate } from './templates/template.types.js';

const DIR = join(process.cwd(), 'test/fixtures/ocr/invoices');
const FILES = readdirSync(DIR)
  .filter((f) => /\.(pdf|png)$/.test(f))
  .sort();
const settings = { reviewThreshold: 0.8, runner: new SafeRegexRunner(50), today: new Date('2026-12-01') };

const results = new Map<string, OcrResult>();
const extract = (file: string, templates: InvoiceTemplate[] = []) =>
  extractInvoice(results.get(file)!, templates, settings);
const field = (extraction: InvoiceExtraction, name: InvoiceFieldName) =>
  extraction.fields.find((f) => f.name === name) as ExtractedField;

const template = (over: Partial<InvoiceTemplate>): InvoiceTemplate => ({
  template_id: '00000000-0000-4000-8000-000000000001',
  vendor_name: 'Vendor',
  keywords: [],
  fields: {},
  options: {},
  source: 'USER',
  corrections_applied: 0,
  created_by: null,
  created_at: new Date(),
  updated_at: new Date(),
  ...over,
});

// Real inputs: each PDF's own text layer read with pdfjs, each PNG OCR'd by native Tesseract 5.
beforeAll(async () => {
  for (const file of FILES) {
    const path = join(DIR, file);
    results.set(file, file.endsWith('.pdf') ? await pdfTextResult(path) : await tesseractResult(path));
  }
}, 120_000);

describe('generic extraction on the invoice2data invoices', () => {
  it('gets at least 85 % of the expected fields right across the set', () => {
    const rows = FILES.map((file) => {
      const expected = JSON.parse(readFileSync(join(DIR, file.replace(/\.(pdf|png)$/, '.json')), 'utf8'))[0];
      return { invoice: file, scores: scoreInvoice(expected, extract(file)) };
    });
    process.stdout.write(`\nInvoice field accuracy (generic rules, no templates):\n${accuracyTable(rows)}\n`);
    const all: FieldScore[] = rows.flatMap((r) => r.scores);
    expect(all.length).toBe(48);
    expect(all.filter((s) => s.right).length / all.length).toBeGreaterThanOrEqual(0.85);
    // Born-digital PDFs (text layer, no OCR) are all right.
    expect(rows.filter((r) => r.invoice.endsWith('.pdf')).every((r) => r.scores.every((s) => s.right))).toBe(true);
  });

  it('reads the Azure Interior invoice field by field, with checks, page and box', () => {
    const azure = extract('AzureInterior.pdf');
    expect(field(azure, 'invoice_number')).toMatchObject({ value: 'INV/2023/03/0008', method: 'generic', page: 1 });
    expect(field(azure, 'issue_date')).toMatchObject({ value: '2023-03-20' });
    expect(field(azure, 'due_date').value).toBe('2023-04-04');
    expect(field(azure, 'due_date').checks).toContainEqual({ check: 'due_not_before_issue', passed: true });
    expect(field(azure, 'total').value).toBe(279.84);
    expect(field(azure, 'total').checks).toContainEqual({ check: 'total_consistent', passed: true });
    expect(field(azure, 'tax')).toMatchObject({ value: 16.94 });
    expect(field(azure, 'currency').value).toBe('USD');
    expect(field(azure, 'vendor_name').value).toBe('Azure Interior');
    expect(field(azure, 'total').box).toEqual(
      expect.objectContaining({ x0: expect.any(Number), y1: expect.any(Number) }),
    );
    // "Bank Account: US1234567890" is read, and its failed checksum sends it to review.
    expect(field(azure, 'iban')).toMatchObject({
      value: 'US1234567890',
      checks: [{ check: 'iban_checksum', passed: false }],
    });
    expect(field(azure, 'iban').confidence).toBeLessThan(0.8);
    expect(azure.needs_review).toEqual(['iban']);
  });

  it('proves a GSTIN by its checksum and finds a value printed under its label (OYO)', () => {
    const oyo = extract('oyo.pdf');
    expect(field(oyo, 'vendor_tax_id')).toMatchObject({ value: '06AABCO6063D1ZQ', confidence: 1 });
    expect(field(oyo, 'vendor_tax_id').checks).toEqual([{ check: 'tax_id_checksum:gstin', passed: true }]);
    expect(field(oyo, 'invoice_number').value).toBe('IBZY2087');
    expect(field(oyo, 'total')).toMatchObject({ value: 1939 });
    expect(field(oyo, 'currency').value).toBe('INR');
  });

  it('lets OCR confidence count: the same invoice scanned is less sure than its text layer', () => {
    const pdf = field(extract('AmazonWebServices.pdf'), 'total');
    const png = field(extract('AmazonWebServices.png'), 'total');
    expect(pdf).toMatchObject({ value: 4.11, confidence: 0.97 });
    expect(png.value).toBe(4.11);
    expect(png.confidence).toBeLessThan(pdf.confidence);
    expect(png.confidence).toBeGreaterThan(0.8);
  });

  it('sends a guessed vendor and a missing invoice number to review, and never fails on an unknown layout', () => {
    const sammy = extract('SammyMaystoneLinesTest.pdf');
    expect(field(sammy, 'vendor_name')).toMatchObject({ value: 'Sammy Maystone', confidence: 0.6 });
    expect(sammy.needs_review).toContain('vendor_name');
    const flipkartScan = extract('FlipkartInvoice.png');
    expect(field(flipkartScan, 'invoice_number')).toMatchObject({ value: null, confidence: 0 });
    expect(flipkartScan.needs_review).toEqual(expect.arrayContaining(['invoice_number', 'currency']));
    const empty = extractInvoice({ ...results.get('oyo.pdf')!, pages: [] }, [], settings);
    expect(empty.fields.every((f) => f.value === null)).toBe(true);
    expect(empty.template).toBeNull();
  });
});

describe('vendor templates', () => {
  const azureTemplate = template({
    vendor_name: 'Azure Interior Inc.',
    keywords: ['Azure Interior', 'azure-interior.com'],
    fields: { invoice_number: 'Invoice\\s+(INV/\\d+/\\d+/\\d+)', total: 'Total\\s+\\$\\s*([\\d.,]+)' },
    options: { currency: 'EUR', date_format: 'dmy' },
  });

  it('takes precedence over the generic rules when all its keywords appear', () => {
    const azure = extract('AzureInterior.pdf', [azureTemplate]);
    expect(azure.template).toBe('template:Azure Interior Inc.');
    expect(field(azure, 'vendor_name')).toMatchObject({
      value: 'Azure Interior Inc.',
      method: 'template:Azure Interior Inc.',
    });
    expect(field(azure, 'invoice_number')).toMatchObject({
      value: 'INV/2023/03/0008',
      method: 'template:Azure Interior Inc.',
    });
    expect(field(azure, 'total')).toMatchObject({
      value: 279.84,
      method: 'template:Azure Interior Inc.',
      confidence: 1,
    });
    expect(field(azure, 'total').box).toBeDefined();
    expect(field(azure, 'currency')).toMatchObject({ value: 'EUR', method: 'template:Azure Interior Inc.' });
    // Fields the template has no pattern for still come from the generic rules.
    expect(field(azure, 'tax')).toMatchObject({ value: 16.94, method: 'generic' });
  });

  it('falls back to the generic rules when no template matches, and when a pattern finds nothing', () => {
    const other = template({ vendor_name: 'Other', keywords: ['Azure Interior', 'not on this invoice'] });
    const azure = extract('AzureInterior.pdf', [other]);
    expect(azure.template).toBeNull();
    expect(field(azure, 'vendor_name')).toMatchObject({ value: 'Azure Interior', method: 'generic' });
    const missing = template({
      vendor_name: 'Azure',
      keywords: ['Azure Interior'],
      fields: { invoice_number: 'Rechnung (\\d+)' },
    });
    expect(field(extract('AzureInterior.pdf', [missing]), 'invoice_number')).toMatchObject({
      value: 'INV/2023/03/0008',
      method: 'generic',
    });
  });

  it("prefers the vendor's learned anchor over its user pattern for the same field", () => {
    const learned = template({
      source: 'LEARNED',
      vendor_name: 'Azure Interior Inc.',
      keywords: ['something else'],
      fields: { invoice_number: { label: 'Reference:', position: 'below', shape: '[A-Za-z]+\\d+' } },
    });
    const azure = extract('AzureInterior.pdf', [azureTemplate, learned]);
    expect(field(azure, 'invoice_number')).toMatchObject({
      value: 'CUSTREF123',
      method: 'learned:Azure Interior Inc.',
    });
    expect(field(azure, 'total').method).toBe('template:Azure Interior Inc.');
  });
});

describe('learning from a correction', () => {
  it("learns the label and shape of a corrected value, and reads the vendor's invoices by it", () => {
    const oyo = results.get('oyo.pdf')!;
    const taught = learnTemplate({
      pages: oyo.pages,
      vendor: 'OYO',
      extractedVendor: 'OYO',
      corrections: { invoice_number: 'IBZY2087', currency: 'INR', issue_date: '2017-12-31', total: 1939 },
    });
    expect(taught.keywords).toEqual(['OYO']);
    expect(taught.fields.invoice_number).toEqual({ label: 'Booking ID', position: 'below', shape: '[A-Za-z]+\\d+' });
    expect(taught.fields.issue_date).toEqual({ label: 'Date', position: 'right' });
    expect(taught.fields.total).toEqual({ label: 'Grand Total', position: 'right' });
    expect(taught.options).toEqual({ currency: 'INR' });
    expect(taught.learned.sort()).toEqual(['currency', 'invoice_number', 'issue_date', 'total']);
    const learned = template({ ...taught, source: 'LEARNED' });
    const again = extractInvoice(oyo, [learned], settings);
    expect(field(again, 'invoice_number')).toMatchObject({ value: 'IBZY2087', method: 'learned:OYO' });
    expect(field(again, 'invoice_number').confidence).toBeGreaterThan(
      field(extract('oyo.pdf'), 'invoice_number').confidence,
    );
    // The same vendor's scan is read by the same anchors.
    expect(field(extractInvoice(results.get('oyo.png')!, [learned], settings), 'invoice_number')).toMatchObject({
      value: 'IBZY2087',
      method: 'learned:OYO',
    });
  });
});
