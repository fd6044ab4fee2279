import { Module } from '@nestjs/common';

/**
 * Robot lifecycle: create, route, start, progress, complete, fail, retry, cancel [Orchestrator].
 * The layer's place in the dependency graph is fixed now; its behaviour arrives with its issue.
 */
@Module({})
export class OrchestratorModule {}
