import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The OCR layer. A document is stored once by the SHA-256 of its bytes (the bytes live in the
 * content-addressed store under DATA_DIR, not here); each OCR request is a row whose result is
 * keyed by (sha256, options_key), so the same document with the same options is answered from a
 * finished row. Vendor templates (written by users or learned from corrections) drive invoice
 * field extraction. One human review queue holds low-confidence OCR fields and, later, email
 * classifications; a correction is kept with what it corrected.
 */
export class Ocr1764892800000 implements MigrationInterface {
  name = 'Ocr1764892800000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(
      `CREATE TYPE ocr_document_status_enum AS ENUM ('PENDING', 'PROCESSING', 'COMPLETED', 'NEEDS_REVIEW', 'FAILED')`,
    );
    await db.query(`
      CREATE TABLE ocr_documents (
        document_id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
        sha256 CHAR(64) NOT NULL,
        options_key CHAR(64) NOT NULL,
        filename VARCHAR(255),
        media_type VARCHAR(100) NOT NULL,
        size_bytes INTEGER NOT NULL,
        page_count INTEGER,
        status ocr_document_status_enum NOT NULL DEFAULT 'PENDING',
        options JSONB NOT NULL DEFAULT '{}',
        robot_id VARCHAR(50) REFERENCES robots (robot_id) ON DELETE SET NULL,
        text TEXT,
        confidence NUMERIC(5,2),
        quality JSONB,
        pages JSONB,
        fields JSONB,
        from_cache BOOLEAN NOT NULL DEFAULT FALSE,
        cached_from UUID,
        error TEXT,
        cpu_ms INTEGER,
        peak_memory_mb INTEGER,
        duration_ms INTEGER,
        created_by VARCHAR(100),
        created_at TIMESTAMP NOT NULL DEFAULT NOW(),
        completed_at TIMESTAMP
      )`);
    // The dedupe lookup: a finished result for these bytes and options.
    await db.query(`
      CREATE INDEX idx_ocr_documents_dedupe ON ocr_documents (sha256, options_key)
        WHERE status IN ('COMPLETED', 'NEEDS_REVIEW')`);
    await db.query(`CREATE INDEX idx_ocr_documents_created ON ocr_documents (created_at, document_id)`);
    await db.query(`CREATE INDEX idx_ocr_documents_robot ON ocr_documents (robot_id) WHERE robot_id IS NOT NULL`);

    await db.query(`CREATE TYPE invoice_template_source_enum AS ENUM ('USER', 'LEARNED')`);
    await db.query(`
      CREATE TABLE invoice_templates (
        template_id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
        vendor_name VARCHAR(200) NOT NULL,
        keywords TEXT[] NOT NULL,
        fields JSONB NOT NULL DEFAULT '{}',
        options JSONB NOT NULL DEFAULT '{}',
        source invoice_template_source_enum NOT NULL DEFAULT 'USER',
        corrections_applied INTEGER NOT NULL DEFAULT 0,
        created_by VARCHAR(100),
        created_at TIMESTAMP NOT NULL DEFAULT NOW(),
        updated_at TIMESTAMP NOT NULL DEFAULT NOW()
      )`);
    await db.query(`CREATE UNIQUE INDEX uq_invoice_templates_vendor ON invoice_templates (lower(vendor_name), source)`);

    await db.query(`CREATE TYPE review_status_enum AS ENUM ('PENDING', 'RESOLVED', 'DISMISSED')`);
    await db.query(`
      CREATE TABLE review_items (
        review_id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
        kind VARCHAR(50) NOT NULL,
        document_id UUID REFERENCES ocr_documents (document_id) ON DELETE CASCADE,
        robot_id VARCHAR(50) REFERENCES robots (robot_id) ON DELETE SET NULL,
        subject JSONB NOT NULL,
        status review_status_enum NOT NULL DEFAULT 'PENDING',
        corrections JSONB,
        reviewed_by VARCHAR(100),
        created_at TIMESTAMP NOT NULL DEFAULT NOW(),
        resolved_at TIMESTAMP
      )`);
    await db.query(`CREATE INDEX idx_review_items_pending ON review_items (kind, created_at) WHERE status = 'PENDING'`);
    await db.query(`CREATE INDEX idx_review_items_document ON review_items (document_id)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE review_items`);
    await db.query(`DROP TYPE review_status_enum`);
    await db.query(`DROP TABLE invoice_templates`);
    await db.query(`DROP TYPE invoice_template_source_enum`);
    await db.query(`DROP TABLE ocr_documents`);
    await db.query(`DROP TYPE ocr_document_status_enum`);
  }
}
