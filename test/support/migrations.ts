import { MIGRATIONS } from '../../migrations/index.js';

/** Every migration's name, oldest first, as TypeORM records it. */
export const MIGRATION_NAMES = MIGRATIONS.map((Migration) => new Migration().name);
