import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A module's capacity: how many robots it may run at once (the orchestration issue's
 * "capacity (max concurrent robots)"). The seeds keep only the derived `capacity_utilization`;
 * the bound it is derived from needs a column of its own, not a key inside registration_data.
 */
export class ModuleCapacity1763856000000 implements MigrationInterface {
  name = 'ModuleCapacity1763856000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE module_registry
        ADD COLUMN max_concurrent_robots INTEGER NOT NULL DEFAULT 10
        CONSTRAINT module_registry_max_concurrent_robots_positive CHECK (max_concurrent_robots > 0)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE module_registry DROP COLUMN max_concurrent_robots`);
  }
}
