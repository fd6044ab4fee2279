import { Module } from '@nestjs/common';
import { EmailClassificationModule } from './classification/email-classification.module.js';
import { EmailIntakeModule } from './intake/email-intake.module.js';
import { EmailMailboxesModule } from './mailboxes/email-mailboxes.module.js';

/**
 * Mailbox monitoring, MIME parsing, classification, extraction into robots [EmailMonitor]:
 * intake (the one ingestor, the emails API), classification (model, rules, training), mailboxes
 * (IMAP watching with exactly-once checkpoints, which hand each message to the ingestor).
 */
@Module({
  imports: [EmailClassificationModule, EmailIntakeModule, EmailMailboxesModule.withIngestor(EmailIntakeModule)],
})
export class EmailModule {}
