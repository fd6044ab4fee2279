import type { Box } from '../ocr.types.js';

// A cut needs a gap of at least this share of the median line height. Lines of one paragraph sit
// closer (their boxes include ascenders and descenders: gaps of 0-0.25 line), and two columns set
// on the same baseline grid leave only the overlap of their line gaps, smaller still; column
// gutters and the space above a headline are wider (UNLV 8071_093.3B: gutters 0.8-1.1 lines).
const MIN_GAP_LINES = 0.5;

interface Gap {
  at: number;
  size: number;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** The widest empty band across all boxes along one axis, if it is at least `minGap` wide. */
function widestGap<T extends { box: Box }>(items: T[], axis: 'x' | 'y', minGap: number): Gap | undefined {
  const lo = axis === 'x' ? 'x0' : 'y0';
  const hi = axis === 'x' ? 'x1' : 'y1';
  const spans = items.map((i) => [i.box[lo], i.box[hi]] as const).sort((a, b) => a[0] - b[0]);
  let best: Gap | undefined;
  let end = spans[0][1];
  for (const [start, stop] of spans.slice(1)) {
    if (start - end >= minGap && (!best || start - end > best.size))
      best = { at: (start + end) / 2, size: start - end };
    end = Math.max(end, stop);
  }
  return best;
}

const centre = (box: Box, axis: 'x' | 'y') => (axis === 'x' ? box.x0 + box.x1 : box.y0 + box.y1) / 2;

function cut<T extends { box: Box }>(items: T[], minGap: number): T[] {
  if (items.length <= 1) return items;
  // Rows first: a band of white across the whole region ends what is above it (a headline over
  // columns, columns over a footer); then columns, left to right, each read to its end before the next.
  for (const axis of ['y', 'x'] as const) {
    const gap = widestGap(items, axis, minGap);
    if (!gap) continue;
    const before = items.filter((i) => centre(i.box, axis) < gap.at);
    const after = items.filter((i) => centre(i.box, axis) >= gap.at);
    return [...cut(before, minGap), ...cut(after, minGap)];
  }
  // Nothing to cut: lines that overlap (a drop cap beside the lines it starts) top to bottom.
  return [...items].sort((a, b) => a.box.y0 - b.box.y0 || a.box.x0 - b.box.x0);
}

/**
 * Lines (or blocks) in reading order by recursive XY-cut (Nagy & Seth 1984): the region is split
 * at its widest horizontal white band, or, when there is none, at its widest vertical one (a
 * column gutter), and each part is ordered the same way. The engine's own block order can
 * interleave columns and headlines on magazine pages; the page's white space does not.
 */
export function readingOrder<T extends { box: Box }>(items: T[]): T[] {
  if (items.length <= 1) return [...items];
  const lineHeight = median(items.map((i) => i.box.y1 - i.box.y0));
  return cut(items, Math.max(1, lineHeight * MIN_GAP_LINES));
}
