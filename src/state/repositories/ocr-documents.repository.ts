import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { READ_DATA_SOURCE } from '../data-source.js';
import { type Keyed, keysetAt } from './keyset.js';

export type OcrDocumentStatus = 'PENDING' | 'PROCESSING' | 'COMPLETED' | 'NEEDS_REVIEW' | 'FAILED';

/** A document's own facts, known when it is accepted. */
export interface NewOcrDocument {
  sha256: string;
  options_key: string;
  filename: string | null;
  media_type: string;
  size_bytes: number;
  page_count: number | null;
  options: Record<string, unknown>;
  created_by: string | null;
}

/** One row as read: a cache hit's result columns are its original's (the result is stored once). */
export interface OcrDocumentRow extends NewOcrDocument {
  document_id: string;
  status: OcrDocumentStatus;
  robot_id: string | null;
  text: string | null;
  confidence: number | null;
  quality: Record<string, unknown> | null;
  pages: Array<Record<string, unknown>> | null;
  fields: Record<string, unknown> | null;
  from_cache: boolean;
  cached_from: string | null;
  error: string | null;
  cpu_ms: number | null;
  peak_memory_mb: number | null;
  duration_ms: number | null;
  created_at: Date;
  completed_at: Date | null;
}

export type OcrDocumentSummary = Omit<OcrDocumentRow, 'text' | 'pages' | 'fields' | 'quality'>;

/** What the robot stores when it is done. */
export interface OcrDocumentResult {
  status: 'COMPLETED' | 'NEEDS_REVIEW';
  media_type: string;
  page_count: number;
  text: string;
  confidence: number;
  quality: unknown;
  pages: unknown;
  fields: unknown;
  cpu_ms: number;
  peak_memory_mb: number;
  duration_ms: number;
}

const FINISHED = `('COMPLETED', 'NEEDS_REVIEW')`;
const UNFINISHED = `('PENDING', 'PROCESSING')`;

const SUMMARY = `d.document_id::text AS document_id, d.sha256, d.options_key, d.filename, d.media_type, d.size_bytes,
  d.page_count, d.status, d.options, d.robot_id, d.confidence::float8 AS confidence, d.from_cache,
  d.cached_from::text AS cached_from, d.error, d.created_by, d.created_at, d.completed_at,
  COALESCE(o.cpu_ms, d.cpu_ms) AS cpu_ms, COALESCE(o.peak_memory_mb, d.peak_memory_mb) AS peak_memory_mb,
  COALESCE(o.duration_ms, d.duration_ms) AS duration_ms`;
const RESULT = `COALESCE(o.text, d.text) AS text, COALESCE(o.quality, d.quality) AS quality,
  COALESCE(o.pages, d.pages) AS pages, COALESCE(o.fields, d.fields) AS fields`;
const FROM = `ocr_documents d LEFT JOIN ocr_documents o ON o.document_id = d.cached_from`;

/** ocr_documents: one row per OCR request, its result, and the dedupe look-up by content and options. */
@Injectable()
export class OcrDocumentsRepository {
  constructor(
    @InjectDataSource() private readonly writer: DataSource,
    @InjectDataSource(READ_DATA_SOURCE) private readonly reader: DataSource,
  ) {}

  async insertPending(document: NewOcrDocument): Promise<string> {
    const [row] = await this.writer.query<Array<{ document_id: string }>>(
      `INSERT INTO ocr_documents (sha256, options_key, filename, media_type, size_bytes, page_count, options, created_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING document_id::text AS document_id`,
      [
        document.sha256,
        document.options_key,
        document.filename,
        document.media_type,
        document.size_bytes,
        document.page_count,
        JSON.stringify(document.options),
        document.created_by,
      ],
    );
    return row.document_id;
  }

  async attachRobot(documentId: string, robotId: string): Promise<void> {
    await this.writer.query(`UPDATE ocr_documents SET robot_id = $2 WHERE document_id = $1`, [documentId, robotId]);
  }

  /** Undoes insertPending when its robot could not be created: nothing half-written is left. */
  async deletePending(documentId: string): Promise<void> {
    await this.writer.query(`DELETE FROM ocr_documents WHERE document_id = $1 AND robot_id IS NULL`, [documentId]);
  }

  /** The original finished result for these bytes and options, if any (the partial dedupe index). */
  async findFinished(sha256: string, optionsKey: string): Promise<{ document_id: string } | null> {
    const rows = await this.writer.query<Array<{ document_id: string }>>(
      `SELECT document_id::text AS document_id FROM ocr_documents
        WHERE sha256 = $1 AND options_key = $2 AND status IN ${FINISHED} AND cached_from IS NULL
        ORDER BY completed_at DESC LIMIT 1`,
      [sha256, optionsKey],
    );
    return rows[0] ?? null;
  }

  /**
   * Records a request answered from `originalId`'s result: its own row (so every request is
   * counted), pointing at the original instead of copying text and pages.
   */
  async insertCacheHit(originalId: string, request: { filename: string | null; created_by: string | null }) {
    const [row] = await this.writer.query<Array<{ document_id: string }>>(
      `INSERT INTO ocr_documents (sha256, options_key, filename, media_type, size_bytes, page_count, status, options,
                                  confidence, from_cache, cached_from, created_by, completed_at)
       SELECT sha256, options_key, $2, media_type, size_bytes, page_count, status, options,
              confidence, TRUE, document_id, $3, now()
         FROM ocr_documents WHERE document_id = $1
       RETURNING document_id::text AS document_id`,
      [originalId, request.filename, request.created_by],
    );
    return row.document_id;
  }

  async findById(documentId: string): Promise<OcrDocumentRow | null> {
    const rows = await this.reader.query<OcrDocumentRow[]>(
      `SELECT ${SUMMARY}, ${RESULT} FROM ${FROM} WHERE d.document_id = $1`,
      [documentId],
    );
    return rows[0] ?? null;
  }

  async statusOf(documentId: string): Promise<OcrDocumentStatus | null> {
    const rows = await this.writer.query<Array<{ status: OcrDocumentStatus }>>(
      `SELECT status FROM ocr_documents WHERE document_id = $1`,
      [documentId],
    );
    return rows[0]?.status ?? null;
  }

  /** Newest first, by (created_at, document_id), without the large result columns. */
  list(filter: { status?: OcrDocumentStatus; before?: { at: string; id: string }; limit: number }) {
    const params: unknown[] = [filter.status ?? null];
    let keyset = '';
    if (filter.before) {
      params.push(filter.before.at, filter.before.id);
      keyset = 'AND (d.created_at, d.document_id) < ($2::timestamp, $3::uuid)';
    }
    params.push(filter.limit);
    return this.reader.query<Array<OcrDocumentSummary & Keyed>>(
      `SELECT ${SUMMARY}, ${keysetAt('d.created_at')} FROM ${FROM}
        WHERE ($1::ocr_document_status_enum IS NULL OR d.status = $1) ${keyset}
        ORDER BY d.created_at DESC, d.document_id DESC LIMIT $${params.length}`,
      params,
    );
  }

  /**
   * The robot starts on the document: what it needs to run it. A FAILED row starts again too (an
   * operator requeued its robot); a finished one is answered as it is, not redone.
   */
  async start(documentId: string) {
    const rows = await this.writer.query<
      Array<{ sha256: string; options: Record<string, unknown>; media_type: string; status: OcrDocumentStatus }>
    >(
      // In a CTE: TypeORM answers a bare UPDATE ... RETURNING with [rows, count].
      `WITH started AS (
         UPDATE ocr_documents
            SET status = CASE WHEN status IN ${FINISHED} THEN status ELSE 'PROCESSING' END,
                error = CASE WHEN status IN ${FINISHED} THEN error END
          WHERE document_id = $1
         RETURNING sha256, options, media_type, status)
       SELECT * FROM started`,
      [documentId],
    );
    return rows[0] ?? null;
  }

  async complete(documentId: string, result: OcrDocumentResult): Promise<void> {
    await this.writer.query(
      `UPDATE ocr_documents SET status = $2, media_type = $3, page_count = $4, text = $5, confidence = $6, quality = $7,
              pages = $8, fields = $9, cpu_ms = $10, peak_memory_mb = $11, duration_ms = $12, error = NULL,
              completed_at = now()
        WHERE document_id = $1`,
      [
        documentId,
        result.status,
        result.media_type,
        result.page_count,
        result.text,
        result.confidence,
        JSON.stringify(result.quality),
        JSON.stringify(result.pages),
        result.fields === null ? null : JSON.stringify(result.fields),
        result.cpu_ms,
        result.peak_memory_mb,
        result.duration_ms,
      ],
    );
  }

  async fail(documentId: string, error: string): Promise<void> {
    await this.writer.query(
      `UPDATE ocr_documents SET status = 'FAILED', error = $2, completed_at = now() WHERE document_id = $1`,
      [documentId, error],
    );
  }

  /**
   * The robot of a document failed for good or was cancelled: the document says so, with the
   * error of the robot's last failed attempt, unless it already finished (or failed with its own reason).
   */
  async failForRobot(robotId: string, fallback: string): Promise<number> {
    const rows = await this.writer.query<unknown[]>(
      `WITH failed AS (
         UPDATE ocr_documents d
            SET status = 'FAILED', completed_at = now(),
                error = COALESCE((SELECT e.error_message FROM robot_execute e
                                   WHERE e.robot_id = d.robot_id AND e.error_message IS NOT NULL
                                   ORDER BY e.started_at DESC LIMIT 1), $2)
          WHERE d.robot_id = $1 AND d.status IN ${UNFINISHED}
         RETURNING d.document_id)
       SELECT * FROM failed`,
      [robotId, fallback],
    );
    return rows.length;
  }
}
