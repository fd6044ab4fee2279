import { type DynamicModule, Module, type Type } from '@nestjs/common';
import { SecurityModule } from '../../security/security.module.js';
import { StateModule } from '../../state/state.module.js';
import { MailboxChecker } from './mailbox-checker.service.js';
import { MailboxMetrics } from './mailbox-metrics.js';
import { MailboxSignals } from './mailbox-signals.js';
import { MailboxSupervisor } from './mailbox-supervisor.service.js';
import { MailboxWatchRepository } from './mailbox-watch.repository.js';
import { MailboxesController } from './mailboxes.controller.js';
import { MailboxesRepository } from './mailboxes.repository.js';
import { MailboxesService } from './mailboxes.service.js';

/**
 * IMAP mailboxes: their REST API and the watchers that take their mail in. The watchers hand
 * each message to EMAIL_INGESTOR, which this module does not provide: `withIngestor(M)` imports
 * the module M that exports it (EmailModule wires the ingest part so; an imported provider wins
 * over a global one). It is injected @Optional: without one, no mailbox is watched (the
 * supervisor warns at boot) and the REST API works all the same.
 */
@Module({
  imports: [StateModule, SecurityModule],
  controllers: [MailboxesController],
  providers: [
    MailboxesRepository,
    MailboxWatchRepository,
    MailboxesService,
    MailboxChecker,
    MailboxSignals,
    MailboxSupervisor,
    MailboxMetrics,
  ],
  exports: [MailboxSupervisor],
})
export class EmailMailboxesModule {
  static withIngestor(ingest: Type | DynamicModule): DynamicModule {
    return { module: EmailMailboxesModule, imports: [ingest] };
  }
}
