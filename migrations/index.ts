import { CoreSchema1763769600000 } from './1763769600000-CoreSchema.js';

/** Every migration, oldest first. A new migration file is added here as well. */
export const MIGRATIONS = [CoreSchema1763769600000];
