import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { Environment } from './environment.js';

/**
 * Typed access to the validated environment. Injected instead of `ConfigService` so a misspelt
 * variable name is a compile error, not an `undefined` at run time.
 */
@Injectable()
export class AppConfig {
  constructor(private readonly config: ConfigService<Environment, true>) {}

  get<K extends keyof Environment>(key: K): Environment[K] {
    return this.config.get(key, { infer: true });
  }

  /** A plain snapshot of some variables, for code that runs outside Nest too (the migration CLI). */
  pick<K extends keyof Environment>(...keys: K[]): Pick<Environment, K> {
    return Object.fromEntries(keys.map((key) => [key, this.get(key)])) as Pick<Environment, K>;
  }

  get isEmbeddedDatabase(): boolean {
    return !this.get('DATABASE_URL');
  }
}
