import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The seeds' enterprise security tables, column for column, plus what API keys need in practice:
 * a public prefix to find a key by, a name, expiry, revocation, rotation and a per-key rate limit;
 * and, on the audit trail, who (key, IP) and how it ended (status).
 */
export class Security1764374400000 implements MigrationInterface {
  name = 'Security1764374400000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE api_keys (
        key_id VARCHAR(50) PRIMARY KEY,
        module_name VARCHAR(100) REFERENCES module_registry (module_name),
        api_key_hash VARCHAR(256) UNIQUE,
        permissions JSONB,
        created_at TIMESTAMP DEFAULT NOW(),
        name VARCHAR(100) NOT NULL,
        key_prefix VARCHAR(16) NOT NULL UNIQUE,
        expires_at TIMESTAMP,
        last_used_at TIMESTAMP,
        revoked_at TIMESTAMP,
        rate_limit_per_minute INTEGER CHECK (rate_limit_per_minute > 0),
        rotated_from VARCHAR(50) REFERENCES api_keys (key_id)
      )`);
    await db.query(`CREATE INDEX idx_api_keys_module ON api_keys (module_name) WHERE module_name IS NOT NULL`);
    await db.query(`
      CREATE TABLE security_audit (
        audit_id VARCHAR(50) PRIMARY KEY,
        module_name VARCHAR(100),
        operation VARCHAR(100),
        resource_id VARCHAR(50),
        success BOOLEAN,
        created_at TIMESTAMP DEFAULT NOW(),
        key_id VARCHAR(50),
        key_prefix VARCHAR(16),
        ip VARCHAR(64),
        status_code SMALLINT,
        details JSONB
      )`);
    await db.query(`CREATE INDEX idx_security_audit_created ON security_audit (created_at)`);
    await db.query(`CREATE INDEX idx_security_audit_key ON security_audit (key_prefix, created_at)`);
    await db.query(`CREATE INDEX idx_security_audit_operation ON security_audit (operation, created_at)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE security_audit`);
    await db.query(`DROP TABLE api_keys`);
  }
}
