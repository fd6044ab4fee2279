import { Module } from '@nestjs/common';
import { EmailClassificationModule } from './classification/email-classification.module.js';
import { EmailIntakeModule } from './intake/email-intake.module.js';

/**
 * Mailbox monitoring, MIME parsing, classification, extraction into robots [EmailMonitor]:
 * intake (the one ingestor, the emails API), classification (model, rules, training), mailboxes
 * (IMAP watching, exactly-once checkpoints).
 */
@Module({
  imports: [EmailClassificationModule, EmailIntakeModule],
})
export class EmailModule {}
