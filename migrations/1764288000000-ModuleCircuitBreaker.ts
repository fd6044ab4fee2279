import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A per-module circuit breaker: a module whose robots keep failing is quarantined (OPEN) for a
 * cool-down, during which routing moves work away and the module may not claim; then one probe
 * robot (HALF_OPEN) decides whether it closes again.
 */
export class ModuleCircuitBreaker1764288000000 implements MigrationInterface {
  name = 'ModuleCircuitBreaker1764288000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE module_registry
        ADD COLUMN breaker_state VARCHAR(10) NOT NULL DEFAULT 'CLOSED'
          CONSTRAINT module_registry_breaker_state_check CHECK (breaker_state IN ('CLOSED', 'OPEN', 'HALF_OPEN')),
        ADD COLUMN breaker_until TIMESTAMP`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE module_registry DROP COLUMN breaker_state, DROP COLUMN breaker_until`);
  }
}
