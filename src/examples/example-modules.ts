import type { Type } from '@nestjs/common';
import { validateEnvironment } from '../core/config/environment.js';
import { NoopModule } from './noop/noop.module.js';
import { TextStatsModule } from './text-stats/text-stats.module.js';

/** The example in-process modules by the names EXAMPLE_MODULES takes. */
export const EXAMPLE_MODULES: Record<string, Type> = { text_stats: TextStatsModule, noop: NoopModule };

/** The example modules EXAMPLE_MODULES asks for, read when the app is built. */
export function exampleModules(): Type[] {
  return validateEnvironment(process.env).EXAMPLE_MODULES.map((name) => EXAMPLE_MODULES[name]);
}
