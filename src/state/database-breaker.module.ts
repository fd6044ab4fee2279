import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { DatabaseBreakerGuard } from './database-breaker.guard.js';
import { StateModule } from './state.module.js';

/**
 * Registers the database breaker as the last global guard. Nest runs global guards in the order
 * their modules are scanned, so AppModule imports this after every other layer: a write the
 * security guards refuse (401, 403, 429) never reaches the breaker, is not counted as a database
 * outcome, and an unauthenticated caller learns nothing about the database.
 */
@Module({
  imports: [StateModule],
  providers: [{ provide: APP_GUARD, useExisting: DatabaseBreakerGuard }],
})
export class DatabaseBreakerModule {}
