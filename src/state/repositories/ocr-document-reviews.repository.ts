import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

type Queryable = Pick<EntityManager, 'query'>;

export interface ReviewedDocumentRow {
  document_id: string;
  status: string;
  pages: unknown[] | null;
  fields: unknown;
}

/**
 * What a resolved review does to its OCR document, inside the review's transaction: read the
 * document (locked) for its pages and fields, then write the corrected fields and, when it was
 * waiting for this review, complete it.
 */
@Injectable()
export class OcrDocumentReviewsRepository {
  async lock(tx: Queryable, documentId: string): Promise<ReviewedDocumentRow | undefined> {
    const rows: ReviewedDocumentRow[] = await tx.query(
      `SELECT document_id, status, pages, fields FROM ocr_documents WHERE document_id = $1 FOR UPDATE`,
      [documentId],
    );
    return rows[0];
  }

  async complete(tx: Queryable, documentId: string, fields: unknown): Promise<void> {
    await tx.query(
      `UPDATE ocr_documents
          SET fields = $2,
              status = CASE WHEN status = 'NEEDS_REVIEW' THEN 'COMPLETED'::ocr_document_status_enum ELSE status END,
              completed_at = COALESCE(completed_at, now())
        WHERE document_id = $1`,
      [documentId, JSON.stringify(fields)],
    );
  }
}
