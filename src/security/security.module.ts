import { Module } from '@nestjs/common';

/**
 * API keys, scopes, guards, rate limits, input sanitising, audit [SecurityValidator].
 * The layer's place in the dependency graph is fixed now; its behaviour arrives with its issue.
 */
@Module({})
export class SecurityModule {}
