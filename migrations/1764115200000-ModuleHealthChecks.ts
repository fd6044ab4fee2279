import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Every health check's result: uptime_percentage_24h is computed from the last 24 hours of these. */
export class ModuleHealthChecks1764115200000 implements MigrationInterface {
  name = 'ModuleHealthChecks1764115200000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE module_health_checks (
        check_id BIGSERIAL PRIMARY KEY,
        module_name VARCHAR(100) NOT NULL REFERENCES module_registry (module_name) ON DELETE CASCADE,
        checked_at TIMESTAMP NOT NULL DEFAULT NOW(),
        ok BOOLEAN NOT NULL,
        latency_ms INTEGER,
        error_message TEXT
      )`);
    await db.query(`CREATE INDEX idx_module_health_checks_recent ON module_health_checks (module_name, checked_at)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE module_health_checks`);
  }
}
