import { Injectable } from '@nestjs/common';
import { EventEmitter2 } from '@nestjs/event-emitter';
import { PgListener } from '../../state/pg-listener.service.js';

/** In-process: a mailbox was created, changed, paused, resumed or deleted on this instance. */
export const MAILBOXES_CHANGED = 'email.mailboxes_changed';
/** Across instances: the pg_notify channel announcing the same (PgListener). */
export const MAILBOXES_CHANNEL = 'email_mailboxes';

/**
 * Tells every supervisor that the mailboxes changed, so a pause stops the watcher and a PATCH
 * restarts it now, not at the next lease renewal (which still catches what a lost notify misses).
 */
@Injectable()
export class MailboxSignals {
  constructor(
    private readonly emitter: EventEmitter2,
    private readonly listener: PgListener,
  ) {}

  changed(): void {
    this.emitter.emit(MAILBOXES_CHANGED);
    void this.listener.publish(MAILBOXES_CHANNEL, ['']);
  }
}
