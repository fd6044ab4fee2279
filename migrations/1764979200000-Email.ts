import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The email layer. A mailbox keeps its checkpoint (UIDVALIDITY, last UID) in its own row, and the
 * ingest of a message updates it in the transaction that writes the email, its audit and the
 * robot it creates, so a message is ingested once whatever crashes. An email is unique by its
 * Message-ID and by a hash of its content (sender, date, subject, body, attachments: not the
 * transport headers), so the same mail through two mailboxes, or twice through one after a
 * UIDVALIDITY change, is one row and one robot. Raw messages and attachments live in the
 * content-addressed store (by SHA-256), not in rows.
 *
 * The classifier learns from labelled examples; each training run is a model version with its
 * cross-validated figures, one version active at a time. Rules (sender, domain, patterns,
 * attachment types) override the model or decide when it is unsure; classes map to robot types.
 */
export class Email1764979200000 implements MigrationInterface {
  name = 'Email1764979200000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE TYPE mailbox_after_enum AS ENUM ('flag', 'move', 'none')`);
    await db.query(`CREATE TYPE mailbox_status_enum AS ENUM ('ACTIVE', 'PAUSED')`);
    await db.query(`
      CREATE TABLE email_mailboxes (
        mailbox_id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
        name VARCHAR(100) NOT NULL,
        host VARCHAR(255) NOT NULL,
        port INTEGER NOT NULL,
        secure BOOLEAN NOT NULL DEFAULT TRUE,
        username VARCHAR(255) NOT NULL,
        auth_method VARCHAR(10) NOT NULL DEFAULT 'password',
        secret_sealed TEXT NOT NULL,
        folder VARCHAR(255) NOT NULL DEFAULT 'INBOX',
        after_processing mailbox_after_enum NOT NULL DEFAULT 'flag',
        move_to VARCHAR(255),
        status mailbox_status_enum NOT NULL DEFAULT 'ACTIVE',
        health VARCHAR(10) NOT NULL DEFAULT 'UNKNOWN',
        last_error TEXT,
        last_connected_at TIMESTAMP,
        last_checked_at TIMESTAMP,
        failing_since TIMESTAMP,
        uid_validity BIGINT,
        last_uid BIGINT NOT NULL DEFAULT 0,
        leased_by VARCHAR(100),
        lease_until TIMESTAMP,
        created_by VARCHAR(100),
        created_at TIMESTAMP NOT NULL DEFAULT NOW(),
        updated_at TIMESTAMP NOT NULL DEFAULT NOW()
      )`);
    await db.query(`CREATE UNIQUE INDEX uq_email_mailboxes_name ON email_mailboxes (lower(name))`);

    await db.query(`CREATE TYPE email_source_enum AS ENUM ('imap', 'upload', 'mbox')`);
    await db.query(`CREATE TYPE email_status_enum AS ENUM ('ROBOT_CREATED', 'NEEDS_REVIEW', 'NO_ROBOT', 'REJECTED')`);
    await db.query(`
      CREATE TABLE emails (
        email_id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
        message_id VARCHAR(998),
        content_sha256 CHAR(64) NOT NULL,
        raw_sha256 CHAR(64),
        source email_source_enum NOT NULL,
        mailbox_id UUID REFERENCES email_mailboxes (mailbox_id) ON DELETE SET NULL,
        uid BIGINT,
        status email_status_enum NOT NULL,
        reject_reason TEXT,
        from_address VARCHAR(320),
        from_name VARCHAR(255),
        recipients JSONB NOT NULL DEFAULT '[]',
        subject TEXT,
        sent_at TIMESTAMP,
        thread_id VARCHAR(998),
        in_reply_to VARCHAR(998),
        size_bytes INTEGER NOT NULL,
        text_body TEXT,
        parse_warnings JSONB NOT NULL DEFAULT '[]',
        classification JSONB,
        label VARCHAR(50),
        extracted JSONB NOT NULL DEFAULT '{}',
        contains_sensitive_data BOOLEAN NOT NULL DEFAULT FALSE,
        pii_tags TEXT[] NOT NULL DEFAULT '{}',
        robot_id VARCHAR(50) REFERENCES robots (robot_id) ON DELETE SET NULL,
        created_by VARCHAR(100),
        received_at TIMESTAMP NOT NULL DEFAULT NOW()
      )`);
    await db.query(`CREATE UNIQUE INDEX uq_emails_message_id ON emails (message_id) WHERE message_id IS NOT NULL`);
    await db.query(`CREATE UNIQUE INDEX uq_emails_content ON emails (content_sha256)`);
    await db.query(`CREATE INDEX idx_emails_received ON emails (received_at, email_id)`);
    await db.query(`CREATE INDEX idx_emails_status ON emails (status, received_at)`);
    await db.query(`CREATE INDEX idx_emails_thread ON emails (thread_id) WHERE thread_id IS NOT NULL`);
    await db.query(`CREATE INDEX idx_emails_mailbox ON emails (mailbox_id, uid) WHERE mailbox_id IS NOT NULL`);

    await db.query(`
      CREATE TABLE email_attachments (
        email_id UUID NOT NULL REFERENCES emails (email_id) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        sha256 CHAR(64) NOT NULL,
        filename VARCHAR(255),
        media_type VARCHAR(100) NOT NULL,
        size_bytes INTEGER NOT NULL,
        ocr_document_id UUID REFERENCES ocr_documents (document_id) ON DELETE SET NULL,
        PRIMARY KEY (email_id, position)
      )`);
    await db.query(`CREATE INDEX idx_email_attachments_sha256 ON email_attachments (sha256)`);

    // Every processing step of every email, for compliance: what was done, when, with what result.
    await db.query(`
      CREATE TABLE email_audit (
        audit_id BIGSERIAL PRIMARY KEY,
        email_id UUID REFERENCES emails (email_id) ON DELETE CASCADE,
        mailbox_id UUID REFERENCES email_mailboxes (mailbox_id) ON DELETE SET NULL,
        step VARCHAR(50) NOT NULL,
        outcome VARCHAR(20) NOT NULL,
        detail JSONB NOT NULL DEFAULT '{}',
        actor VARCHAR(100),
        at TIMESTAMP NOT NULL DEFAULT NOW()
      )`);
    await db.query(`CREATE INDEX idx_email_audit_email ON email_audit (email_id, audit_id)`);
    await db.query(`CREATE INDEX idx_email_audit_at ON email_audit (at)`);

    // A class the classifier may answer, and what it becomes: a robot type (NULL: no robot, e.g.
    // spam), the confidence below which a person reviews it instead, and the robots' priority.
    await db.query(`
      CREATE TABLE email_classes (
        class_name VARCHAR(50) PRIMARY KEY,
        robot_type VARCHAR(100),
        min_confidence NUMERIC(4,3) NOT NULL DEFAULT 0.6,
        priority VARCHAR(10) NOT NULL DEFAULT 'NORMAL',
        description TEXT,
        created_at TIMESTAMP NOT NULL DEFAULT NOW(),
        updated_at TIMESTAMP NOT NULL DEFAULT NOW()
      )`);

    await db.query(`CREATE TYPE email_rule_mode_enum AS ENUM ('override', 'fallback')`);
    await db.query(`
      CREATE TABLE email_rules (
        rule_id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
        name VARCHAR(100) NOT NULL,
        position INTEGER NOT NULL DEFAULT 100,
        conditions JSONB NOT NULL,
        class_name VARCHAR(50) NOT NULL,
        mode email_rule_mode_enum NOT NULL DEFAULT 'override',
        enabled BOOLEAN NOT NULL DEFAULT TRUE,
        created_by VARCHAR(100),
        created_at TIMESTAMP NOT NULL DEFAULT NOW(),
        updated_at TIMESTAMP NOT NULL DEFAULT NOW()
      )`);
    await db.query(`CREATE UNIQUE INDEX uq_email_rules_name ON email_rules (lower(name))`);

    await db.query(`CREATE TYPE classifier_example_source_enum AS ENUM ('api', 'feedback', 'review')`);
    await db.query(`
      CREATE TABLE classifier_examples (
        example_id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
        label VARCHAR(50) NOT NULL,
        content_sha256 CHAR(64) NOT NULL,
        features TEXT NOT NULL,
        source classifier_example_source_enum NOT NULL DEFAULT 'api',
        email_id UUID REFERENCES emails (email_id) ON DELETE SET NULL,
        created_by VARCHAR(100),
        created_at TIMESTAMP NOT NULL DEFAULT NOW()
      )`);
    // One example per content: a correction replaces the label it had.
    await db.query(`CREATE UNIQUE INDEX uq_classifier_examples_content ON classifier_examples (content_sha256)`);
    await db.query(`CREATE INDEX idx_classifier_examples_created ON classifier_examples (created_at)`);

    await db.query(
      `CREATE TYPE classifier_model_status_enum AS ENUM ('TRAINING', 'READY', 'ACTIVE', 'RETIRED', 'FAILED')`,
    );
    await db.query(`
      CREATE TABLE classifier_models (
        version SERIAL PRIMARY KEY,
        status classifier_model_status_enum NOT NULL DEFAULT 'TRAINING',
        classes TEXT[] NOT NULL DEFAULT '{}',
        example_count INTEGER NOT NULL DEFAULT 0,
        model JSONB,
        metrics JSONB,
        error TEXT,
        created_by VARCHAR(100),
        created_at TIMESTAMP NOT NULL DEFAULT NOW(),
        trained_at TIMESTAMP,
        activated_at TIMESTAMP
      )`);
    await db.query(
      `CREATE UNIQUE INDEX uq_classifier_models_active ON classifier_models ((true)) WHERE status = 'ACTIVE'`,
    );

    // The review queue of the OCR layer serves email classifications too.
    await db.query(`ALTER TABLE review_items ADD COLUMN email_id UUID REFERENCES emails (email_id) ON DELETE CASCADE`);
    await db.query(`CREATE INDEX idx_review_items_email ON review_items (email_id) WHERE email_id IS NOT NULL`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE review_items DROP COLUMN email_id`);
    await db.query(`DROP TABLE classifier_models`);
    await db.query(`DROP TYPE classifier_model_status_enum`);
    await db.query(`DROP TABLE classifier_examples`);
    await db.query(`DROP TYPE classifier_example_source_enum`);
    await db.query(`DROP TABLE email_rules`);
    await db.query(`DROP TYPE email_rule_mode_enum`);
    await db.query(`DROP TABLE email_classes`);
    await db.query(`DROP TABLE email_audit`);
    await db.query(`DROP TABLE email_attachments`);
    await db.query(`DROP TABLE emails`);
    await db.query(`DROP TYPE email_status_enum`);
    await db.query(`DROP TYPE email_source_enum`);
    await db.query(`DROP TABLE email_mailboxes`);
    await db.query(`DROP TYPE mailbox_status_enum`);
    await db.query(`DROP TYPE mailbox_after_enum`);
  }
}
