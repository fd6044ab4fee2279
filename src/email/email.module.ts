import { Module } from '@nestjs/common';
import { EmailMailboxesModule } from './mailboxes/email-mailboxes.module.js';

/**
 * Mailbox monitoring, MIME parsing, classification, extraction into robots [EmailMonitor].
 * Each part is its own module: the mailboxes (REST and watchers). The watchers take their
 * EMAIL_INGESTOR from the ingest part once it exists: `EmailMailboxesModule.withIngestor(IngestModule)`.
 */
@Module({
  imports: [EmailMailboxesModule],
})
export class EmailModule {}
