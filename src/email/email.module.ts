import { Module } from '@nestjs/common';
import { EmailClassificationModule } from './classification/email-classification.module.js';

/**
 * Mailbox monitoring, MIME parsing, classification, extraction into robots [EmailMonitor].
 * Classification (EMAIL_CLASSIFIER, TRAINING_EXAMPLES) is its own module; the other parts arrive
 * with their issues.
 */
@Module({
  imports: [EmailClassificationModule],
  exports: [EmailClassificationModule],
})
export class EmailModule {}
