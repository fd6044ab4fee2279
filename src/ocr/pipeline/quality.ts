import type { OcrLine, OcrPage, PageQuality } from '../ocr.types.js';
import { LOW_CONTRAST_STDEV, MIN_GOOD_DPI } from './preprocess.js';

// Issue 14's bar for an acceptable result is 85 % confidence; under 60 most words need checking.
export const GOOD_CONFIDENCE = 85;
export const ACCEPTABLE_CONFIDENCE = 60;
const LITTLE_TEXT_CHARS = 20;
export const SKEW_REPORT_DEGREES = 1;

/** Text skew from the word boxes: the median slope of lines with three words or more. */
export function estimateSkewDegrees(lines: OcrLine[]): number | undefined {
  const angles: number[] = [];
  for (const line of lines) {
    if (line.words.length < 3) continue;
    const points = line.words.map((w) => ({ x: (w.box.x0 + w.box.x1) / 2, y: w.box.y1 }));
    const mx = points.reduce((s, p) => s + p.x, 0) / points.length;
    const my = points.reduce((s, p) => s + p.y, 0) / points.length;
    const sxx = points.reduce((s, p) => s + (p.x - mx) ** 2, 0);
    if (sxx === 0) continue;
    const sxy = points.reduce((s, p) => s + (p.x - mx) * (p.y - my), 0);
    angles.push((Math.atan(sxy / sxx) * 180) / Math.PI);
  }
  if (angles.length === 0) return undefined;
  angles.sort((a, b) => a - b);
  return Math.round(angles[Math.floor(angles.length / 2)] * 10) / 10;
}

/** The page's verdict and, when not good, what to do about it (a user rescanning reads these). */
export function judgePage(page: {
  confidence: number;
  text: string;
  sourceDpi?: number;
  skew?: number;
  contrast?: number;
}): PageQuality {
  const reasons: string[] = [];
  if (page.sourceDpi !== undefined && page.sourceDpi < MIN_GOOD_DPI) {
    reasons.push(`resolution below ${MIN_GOOD_DPI} dpi (${Math.round(page.sourceDpi)}): rescan at 300 dpi`);
  }
  if (page.skew !== undefined && Math.abs(page.skew) >= SKEW_REPORT_DEGREES) {
    reasons.push(`skewed by ${Math.abs(page.skew)}°: place the page straight on the scanner`);
  }
  if (page.contrast !== undefined && page.contrast < LOW_CONTRAST_STDEV) {
    reasons.push('low contrast: rescan with more contrast or darker print');
  }
  if (page.text.replace(/\s/g, '').length < LITTLE_TEXT_CHARS) {
    reasons.push('little text found: is the page blank, a photo or upside down?');
  } else if (page.confidence < ACCEPTABLE_CONFIDENCE) {
    reasons.push(
      'low recognition confidence: handwriting, a photo of a screen or a poor scan? rescan at 300 dpi, flat',
    );
  }
  const verdict =
    page.confidence >= GOOD_CONFIDENCE && reasons.length === 0
      ? 'good'
      : page.confidence >= ACCEPTABLE_CONFIDENCE
        ? 'acceptable'
        : 'poor';
  return {
    verdict,
    reasons,
    ...(page.sourceDpi !== undefined ? { dpi: Math.round(page.sourceDpi) } : {}),
    ...(page.skew !== undefined ? { skew_degrees: page.skew } : {}),
  };
}

const RANK = { good: 0, acceptable: 1, poor: 2 } as const;

/** The document's verdict: the worst page's, with each reason naming its pages. */
export function judgeDocument(pages: OcrPage[]): PageQuality {
  const verdict = pages.reduce<PageQuality['verdict']>(
    (worst, p) => (RANK[p.quality.verdict] > RANK[worst] ? p.quality.verdict : worst),
    'good',
  );
  const byReason = new Map<string, number[]>();
  for (const page of pages) {
    for (const reason of page.quality.reasons)
      byReason.set(reason, [...(byReason.get(reason) ?? []), page.page_number]);
  }
  const reasons = [...byReason].map(([reason, numbers]) =>
    pages.length === 1 ? reason : `page${numbers.length > 1 ? 's' : ''} ${numbers.join(', ')}: ${reason}`,
  );
  return { verdict, reasons };
}
