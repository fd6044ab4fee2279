import { Module } from '@nestjs/common';

/**
 * Mailbox monitoring, MIME parsing, classification, extraction into robots [EmailMonitor].
 * The layer's place in the dependency graph is fixed now; its behaviour arrives with its issue.
 */
@Module({})
export class EmailModule {}
