import type { Candidate } from '../candidate.js';
import { boxOf, type DocumentText, type Segment } from '../document-text.js';
import type { LabelRule } from './label-rules.js';
import { readValue, type ReadOptions, type ValueKind, type ValueRead } from './value-readers.js';

/**
 * Every value a label rule finds: for each label on a line, the value right of it (on its line,
 * or on lines Tesseract split off the same row), else, when the rule allows, under it.
 */
export function scanLabel(
  doc: DocumentText,
  rule: LabelRule,
  kind: ValueKind,
  options: ReadOptions,
  method = 'generic',
): Candidate[] {
  const found: Candidate[] = [];
  for (const line of doc.lines) {
    for (const match of line.text.matchAll(rule.pattern)) {
      const start = match.index ?? 0;
      const end = start + match[0].length;
      const labelBox = boxOf(doc.wordsIn(line, start, end));
      if (!labelBox) continue;
      const right: Segment[] = [
        { line, start: end, end: line.text.length },
        ...doc.sameRowRight(line, labelBox.x1).map((other) => ({ line: other, start: 0, end: other.text.length })),
      ];
      let read: ValueRead | null = readValue(doc, kind, right, options);
      if (!read && rule.below) {
        const under = doc.below(line, labelBox);
        if (under) read = readValue(doc, kind, [under], options);
      }
      if (read && read.evidence.words.length > 0) {
        found.push({
          value: read.value,
          evidence: read.evidence,
          reliability: rule.reliability,
          method,
          ambiguousDate: read.ambiguousDate,
          symbol: read.symbol,
        });
      }
    }
  }
  return found;
}
