import { Injectable } from '@nestjs/common';
import type { ImapFlow } from 'imapflow';
import { AppConfig } from '../../core/config/app-config.service.js';
import { DomainException } from '../../core/errors/domain.exception.js';
import { SecretBox } from '../../security/secret-box.js';
import type { MailboxCheckDto } from './dto/mailbox-response.dto.js';
import { closeClient, imapClient, withDeadline } from './imap-client.js';
import { describeImapError, secretForms } from './imap-errors.js';
import { resolveMailboxHost } from './mailbox-host-policy.js';
import type { MailboxRow } from './mailboxes.repository.js';

const LOGOUT_MS = 1_000;

/**
 * `POST /:id/check`: connects now on a connection of its own (the watcher's is left alone), logs
 * in, opens the folder read-only (EXAMINE: nothing is flagged or moved) and answers what it found
 * against the checkpoint, or why it could not, in the watcher's sanitised words. It changes
 * nothing stored: health is the watcher's to judge.
 */
@Injectable()
export class MailboxChecker {
  private readonly limits: { watchdogMs: number; maxBytes: number };

  constructor(
    private readonly secrets: SecretBox,
    config: AppConfig,
  ) {
    this.limits = { watchdogMs: config.get('EMAIL_WATCHDOG_TIMEOUT_MS'), maxBytes: config.get('EMAIL_MAX_BYTES') };
  }

  async check(row: MailboxRow): Promise<MailboxCheckDto> {
    const started = performance.now();
    const { watchdogMs } = this.limits;
    let client: ImapFlow | undefined;
    const answer = (fields: Partial<MailboxCheckDto>): MailboxCheckDto => ({
      ok: false,
      latency_ms: Math.round(performance.now() - started),
      error: null,
      uid_validity: null,
      uid_next: null,
      messages: null,
      pending: null,
      uid_validity_changed: false,
      idle: null,
      ...fields,
    });
    let secret: string;
    try {
      secret = this.secrets.open(row.secret_sealed);
    } catch (error) {
      if (error instanceof DomainException) throw error; // SECRETS_KEY_MISSING: 503
      return answer({ error: 'the stored secret cannot be opened (was SECRETS_KEY changed?)' });
    }
    const forms = secretForms(row.username, secret);
    try {
      const address = await resolveMailboxHost(row.host);
      client = imapClient(row, secret, address, this.limits);
      client.on('error', () => undefined);
      await withDeadline(client.connect(), watchdogMs * 2, 'connect');
      const mailbox = await withDeadline(client.mailboxOpen(row.folder, { readOnly: true }), watchdogMs, 'EXAMINE');
      const latency = Math.round(performance.now() - started);
      const uidValidity = Number(mailbox.uidValidity);
      const changed = row.uid_validity !== null && row.uid_validity !== uidValidity;
      const from = changed || row.uid_validity === null ? 1 : row.last_uid + 1;
      const found =
        mailbox.exists === 0
          ? []
          : await withDeadline(client.search({ uid: `${from}:*` }, { uid: true }), watchdogMs, 'UID SEARCH');
      return answer({
        ok: true,
        latency_ms: latency,
        uid_validity: uidValidity,
        uid_next: mailbox.uidNext,
        messages: mailbox.exists,
        pending: (found || []).filter((uid) => uid >= from).length,
        uid_validity_changed: changed,
        idle: client.capabilities.has('IDLE'),
      });
    } catch (error) {
      return answer({ error: describeImapError(error, forms) });
    } finally {
      if (client) await closeClient(client, LOGOUT_MS);
    }
  }
}
