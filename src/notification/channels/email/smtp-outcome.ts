import type { DeliveryOutcome } from '../notification-channel.js';
import { redactSmtpSecrets } from './smtp-settings.js';

interface SmtpError {
  code?: string;
  responseCode?: number;
  response?: string;
  command?: string;
  message?: string;
}

// Commands whose 5xx answer judges this message or recipient, not our sender (MAIL FROM, also
// an EENVELOPE) or credentials: no retry can change it.
const MESSAGE_COMMANDS = /^(RCPT TO|DATA)$/i;

/**
 * How one failed send ends: a 5xx answer to the recipient or the message is permanent (the
 * delivery goes DEAD now); a 4xx, a refused login, a dropped or timed-out connection are retried.
 * The text never carries the relay's credentials.
 */
export function smtpFailure(error: unknown, smtpUrl: string | undefined): DeliveryOutcome {
  const e = (error ?? {}) as SmtpError;
  const code = e.responseCode;
  const response = (e.response ?? e.message ?? String(error)).replace(/\s+/g, ' ').slice(0, 200);
  let text: string;
  let permanent = false;
  if (code !== undefined) {
    const command = e.command ? ` at ${e.command}` : '';
    text = `SMTP ${code}${command}: ${response}`;
    permanent = code >= 500 && code < 600 && MESSAGE_COMMANDS.test(e.command ?? '');
  } else if (e.code === 'EAUTH') {
    text = 'SMTP authentication failed';
  } else if (e.code) {
    // Connection-level errors name the address they failed to reach: internals, not for the log.
    text = `SMTP connection failed (${e.code})`;
  } else {
    text = `SMTP send failed: ${response}`;
  }
  return { ok: false, error: redactSmtpSecrets(text, smtpUrl), ...(code !== undefined && { status: code }), permanent };
}
