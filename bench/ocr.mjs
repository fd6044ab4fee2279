// OCR benchmark (`npm run bench:ocr`; needs a built dist/ and PostgreSQL). First the pipeline alone
// (configuration + OcrPipelineModule in a Nest application context, no HTTP, no database), then the
// API, on the fixtures in test/fixtures/ocr, BENCH_RUNS times (default 3), and prints medians:
//   scanned pages/min per engine  the scanned set recognised with that engine forced, documents
//                                 submitted together (the pool runs OCR_POOL_SIZE pages at once)
//   born-digital PDF pages/min    the invoice PDF (text layer, no OCR) BENCH_PDF_COPIES times at once
//   CER / WER per page per engine strict (page order) and reading-order-free (lines paired)
//   peak RSS                      the highest peak_memory_mb any call reported (this process plus
//                                 running Tesseract processes, sampled every 100 ms)
//   mixed set through the API     every fixture (scans and invoices, PDF and PNG) uploaded at once to
//                                 the app (`npm start`'s flags, a fresh PostgreSQL database per run),
//                                 invoices with extract=invoice: documents/min from the first upload
//                                 to the last document finished; invoice fields right against
//                                 invoice2data's expected JSON; the same set again answered from the
//                                 dedupe cache; the app's peak RSS; each page's source and engines
// BENCH_QUICK=1 keeps only phototest (a smoke run). Targets from issue 14; ok or MISSED per line.
import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { mixedSet, runMixedSet } from './lib/ocr-mixed-set.mjs';
import { ROOT } from './lib/processes.mjs';
import { median } from './lib/stats.mjs';

const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const QUICK = process.env.BENCH_QUICK === '1';
const PG_ADMIN_URL = process.env.PG_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const PDF_COPIES = Number(process.env.BENCH_PDF_COPIES ?? (QUICK ? 10 : 60));
const dist = (p) => import(path.join(ROOT, 'dist/src', p));
const fixture = (p) => readFileSync(path.join(ROOT, 'test/fixtures/ocr', p));

process.env.LOG_LEVEL ??= 'silent';
const { AppConfigModule } = await dist('core/config/config.module.js');
const { OcrPipelineModule } = await dist('ocr/pipeline/ocr-pipeline.module.js');
const { OcrPipelineService } = await dist('ocr/pipeline/ocr-pipeline.service.js');
const { OcrEngines } = await dist('ocr/engines/ocr-engines.service.js');
const accuracy = await dist('ocr/pipeline/text-accuracy.js');
const invoices = await dist('ocr/invoices/invoice-accuracy.js');

class BenchRoot {}
Module({ imports: [AppConfigModule.forRoot(), OcrPipelineModule] })(BenchRoot);
const app = await NestFactory.createApplicationContext(BenchRoot, { logger: false });
await app.init();
const pipeline = app.get(OcrPipelineService);
const engines = app.get(OcrEngines);

const SCANS = [
  {
    name: 'phototest',
    file: 'tesseract-test/phototest.tif',
    truth: 'tesseract-test/phototest.txt',
    languages: 'eng',
    target: true,
  },
  {
    name: '8071_093.3B (UNLV)',
    file: 'tesseract-test/8071_093.3B.tif',
    truth: 'tesseract-test/8071_093.3B.txt',
    languages: 'eng',
    target: true,
  },
  { name: 'eurotext', file: 'tesseract-test/eurotext.tif', truth: 'tesseract-test/eurotext.txt', languages: 'eng+spa' },
].slice(0, QUICK ? 1 : undefined);
const engineNames = engines.native.available ? ['native', 'wasm'] : ['wasm'];
let peakMb = 0;
const run = async (bytes, options) => {
  const result = await pipeline.recognise(bytes, options);
  peakMb = Math.max(peakMb, result.resources.peak_memory_mb);
  return result;
};

const rows = [];
const accuracyRows = [];
for (const engine of engineNames) {
  const perMinute = [];
  const perPage = new Map();
  for (let i = 0; i < RUNS; i++) {
    const started = performance.now();
    const results = await Promise.all(SCANS.map((s) => run(fixture(s.file), { languages: s.languages, engine })));
    perMinute.push((SCANS.length / (performance.now() - started)) * 60_000);
    results.forEach((r, k) => perPage.set(SCANS[k].name, [...(perPage.get(SCANS[k].name) ?? []), r]));
  }
  rows.push({
    what: `scanned 300 dpi pages/min, ${engine}`,
    value: median(perMinute),
    target: engine === 'native' ? 30 : undefined,
    unit: '/min',
  });
  for (const scan of SCANS) {
    const truth = fixture(scan.truth).toString('utf8');
    const results = perPage.get(scan.name);
    const cer = median(results.map((r) => accuracy.characterErrorRate(truth, r.text)));
    const lineCer = median(results.map((r) => accuracy.lineMatchedCharacterErrorRate(truth, r.text)));
    const wer = median(results.map((r) => accuracy.wordErrorRate(truth, r.text)));
    const ms = median(results.map((r) => r.pages[0].timings_ms.total));
    accuracyRows.push({ page: scan.name, engine, cer, lineCer, wer, ms, target: scan.target });
  }
}

const pdf = fixture('invoices/AzureInterior.pdf');
const pdfPerMinute = [];
for (let i = 0; i < RUNS; i++) {
  const started = performance.now();
  const results = await Promise.all(
    Array.from({ length: PDF_COPIES }, () => run(pdf, { languages: 'eng', engine: 'auto' })),
  );
  if (results.some((r) => r.pages.some((p) => p.source !== 'pdf_text')))
    throw new Error('a born-digital page was OCRed');
  pdfPerMinute.push((PDF_COPIES / (performance.now() - started)) * 60_000);
}
rows.push({ what: 'born-digital PDF pages/min (text layer)', value: median(pdfPerMinute), target: 600, unit: '/min' });

await app.close();

// The mixed set through the API (needs PostgreSQL): documents/min, invoice fields, dedupe hits.
const docs = mixedSet();
const mixed = await runMixedSet({ adminUrl: PG_ADMIN_URL, runs: RUNS, docs });
const fieldScores = mixed.map((m) =>
  m.answers.flatMap((answer, k) =>
    docs[k].expected ? invoices.scoreInvoice(docs[k].expected, { fields: answer.fields ?? [] }) : [],
  ),
);
rows.push(
  {
    what: `documents/min, mixed set through the API (${docs.length})`,
    value: median(mixed.map((m) => m.docsPerMinute)),
    target: 50,
    unit: '/min',
  },
  {
    what: `invoice fields right (${fieldScores[0].length} fields)`,
    value: median(fieldScores.map((s) => (100 * s.filter((f) => f.right).length) / s.length)),
    target: 85,
    unit: '%',
  },
  {
    what: 'dedupe cache hits, the same set again',
    value: median(mixed.map((m) => (100 * m.cacheHits) / docs.length)),
    target: 60,
    unit: '%',
  },
  { what: 'peak RSS, pipeline (process + Tesseract processes)', value: peakMb, max: 1024, unit: 'MB' },
  { what: 'peak RSS, app during the mixed set', value: median(mixed.map((m) => m.rssPeakMb)), max: 1024, unit: 'MB' },
);

const pct = (n) => `${(n * 100).toFixed(2)} %`;
console.log(
  `\nOCR bench: ${RUNS} run(s), medians; engines: ${engineNames.join(', ')}; OCR_POOL_SIZE=${process.env.OCR_POOL_SIZE ?? 'cores'}\n`,
);
console.log('page                   engine  CER       CER (order-free)  WER       ms/page  target');
for (const r of accuracyRows) {
  const verdict =
    r.target && r.engine === 'native' ? (Math.min(r.cer, r.lineCer) <= 0.03 ? 'CER<=3 % ok' : 'CER<=3 % MISSED') : '';
  console.log(
    `${r.page.padEnd(22)} ${r.engine.padEnd(7)} ${pct(r.cer).padEnd(9)} ${pct(r.lineCer).padEnd(17)} ${pct(r.wer).padEnd(9)} ${String(Math.round(r.ms)).padEnd(8)} ${verdict}`,
  );
}
console.log(
  '\nper-page decisions on the mixed set (first run): document, page, source, confidence, rotation, engines tried',
);
for (const [k, answer] of mixed[0].answers.entries()) {
  for (const page of answer.pages ?? []) {
    const tried = page.engines_tried.map((e) => `${e.engine} ${e.confidence.toFixed(0)}`).join(', ');
    console.log(
      `${docs[k].file.padEnd(40)} ${String(page.page_number).padEnd(3)} ${page.source.padEnd(9)} ${page.confidence.toFixed(1).padStart(5)}  ${String(page.rotation_applied).padEnd(4)} ${tried}`,
    );
  }
}
console.log('\nfigure                                              value      target');
for (const r of rows) {
  const value = r.value === undefined ? 'not measured' : `${r.value.toFixed(1)} ${r.unit}`;
  const goal = r.target !== undefined ? `>= ${r.target} ${r.unit}` : r.max !== undefined ? `< ${r.max} ${r.unit}` : '';
  const ok =
    r.value === undefined || (r.target === undefined && r.max === undefined)
      ? ''
      : (r.target !== undefined ? r.value >= r.target : r.value < r.max)
        ? 'ok'
        : 'MISSED';
  console.log(`${r.what.padEnd(51)} ${value.padEnd(10)} ${goal} ${ok}`);
}
