import { Inject, Injectable } from '@nestjs/common';
import type { Readable } from 'node:stream';
import { EMAIL_INGESTOR, type EmailIngestor, type IngestResult } from '../email.types.js';
import { splitMbox } from '../parsing/mbox.js';
import { EmailIngestService } from './email-ingest.service.js';

/** Messages ingested at once: parsing and classifying overlap the transactions of the others. */
const IN_FLIGHT = 4;
const PROGRESS_EVERY_MS = 1_000;
const REFUSALS_LISTED = 100;

export interface ImportCounts {
  messages: number;
  ROBOT_CREATED: number;
  NEEDS_REVIEW: number;
  NO_ROBOT: number;
  REJECTED: number;
  DUPLICATE: number;
}

export type ImportLine =
  | ({ type: 'progress'; elapsed_ms: number } & ImportCounts)
  | ({ type: 'summary'; elapsed_ms: number; refused: Array<{ index: number; reason: string }> } & ImportCounts);

/**
 * An mbox file, streamed: split into messages as the bytes arrive (never held whole), each
 * ingested like any other email (so an import run twice creates nothing the second time), with
 * progress lines as it goes and a summary at the end.
 */
@Injectable()
export class MboxImport {
  constructor(
    @Inject(EMAIL_INGESTOR) private readonly ingestor: EmailIngestor,
    private readonly limits: EmailIngestService,
  ) {}

  async *run(body: Readable, createdBy: string | null): AsyncGenerator<ImportLine> {
    const started = Date.now();
    const counts: ImportCounts = {
      messages: 0,
      ROBOT_CREATED: 0,
      NEEDS_REVIEW: 0,
      NO_ROBOT: 0,
      REJECTED: 0,
      DUPLICATE: 0,
    };
    const refused: Array<{ index: number; reason: string }> = [];
    const count = (index: number, result: Pick<IngestResult, 'status' | 'reason'>) => {
      counts.messages++;
      counts[result.status]++;
      if (result.status === 'REJECTED' && refused.length < REFUSALS_LISTED) {
        refused.push({ index, reason: result.reason ?? 'refused' });
      }
    };
    const inFlight = new Set<Promise<void>>();
    let lastProgress = started;
    try {
      for await (const entry of splitMbox(body, this.limits.maxBytes)) {
        if ('tooLarge' in entry) {
          count(entry.index, { status: 'REJECTED', reason: `too_large: ${entry.size} bytes (EMAIL_MAX_BYTES)` });
        } else {
          const work: Promise<void> = this.ingestor
            .ingest(entry.raw, { kind: 'mbox', created_by: createdBy })
            .then((result) => count(entry.index, result))
            .finally(() => inFlight.delete(work));
          inFlight.add(work);
          if (inFlight.size >= IN_FLIGHT) await Promise.race(inFlight);
        }
        if (Date.now() - lastProgress >= PROGRESS_EVERY_MS) {
          lastProgress = Date.now();
          yield { type: 'progress', elapsed_ms: lastProgress - started, ...counts };
        }
      }
      await Promise.all(inFlight);
    } catch (error) {
      // Settle the others before the error leaves: none of their failures goes unhandled.
      await Promise.allSettled(inFlight);
      throw error;
    }
    yield { type: 'summary', elapsed_ms: Date.now() - started, ...counts, refused };
  }
}
