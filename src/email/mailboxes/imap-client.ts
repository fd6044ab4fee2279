import { ImapFlow, type ImapFlowOptions } from 'imapflow';
import { isIP } from 'node:net';
import type { MailboxRow } from './mailboxes.repository.js';

/** The settings every IMAP connection of the layer is made with (EmailSettings). */
export interface ImapTimeouts {
  /** EMAIL_WATCHDOG_TIMEOUT_MS: a command (or a silent socket) taking longer fails the connection. */
  watchdogMs: number;
  /** EMAIL_MAX_BYTES: a literal much larger than this is refused by the parser, not buffered. */
  maxBytes: number;
}

/** Room for a message a little larger than its RFC822.SIZE said (line endings), and the response framing. */
const LITERAL_SLACK = 1.1;
const FRAMING_BYTES = 1024 * 1024;
/** imapflow's default socket inactivity timeout (5 min). */
const SOCKET_TIMEOUT_MS = 300_000;

/**
 * A client for one mailbox, connecting to `address` (the resolved, policy-checked IP) with the
 * host name for TLS. No logger: imapflow logs every command, LOGIN included. IDLE is ours
 * (disableAutoIdle), and so is the watchdog: every command has a deadline (withDeadline), and a
 * quiet connection is probed with a NOOP. imapflow's own socket inactivity timeout stays a
 * backstop at its default: shorter, it would cut a connection left quiet while a slow ingest runs.
 */
export function imapClient(row: MailboxRow, secret: string, address: string, limits: ImapTimeouts): ImapFlow {
  const maxLiteral = Math.ceil(limits.maxBytes * LITERAL_SLACK) + FRAMING_BYTES;
  const options: ImapFlowOptions = {
    host: address,
    port: row.port,
    secure: row.secure,
    servername: isIP(row.host) === 0 ? row.host : undefined,
    auth:
      row.auth_method === 'oauth2' ? { user: row.username, accessToken: secret } : { user: row.username, pass: secret },
    logger: false,
    emitLogs: false,
    disableAutoIdle: true,
    clientInfo: { name: 'botfleet', vendor: 'botfleet' },
    connectionTimeout: limits.watchdogMs,
    greetingTimeout: limits.watchdogMs,
    socketTimeout: Math.max(SOCKET_TIMEOUT_MS, limits.watchdogMs * 4),
    maxLiteralSize: maxLiteral,
    maxResponseSize: maxLiteral + FRAMING_BYTES,
  };
  return new ImapFlow(options);
}

/** The error a command gets when it outlives the watchdog. */
export class WatchdogTimeout extends Error {
  readonly code = 'WATCHDOG';
  constructor(what: string, ms: number) {
    super(`${what} got no answer within ${ms} ms`);
    this.name = 'WatchdogTimeout';
  }
}

/** A command under the watchdog: its answer within `ms` (the watchdog's by default) or a WatchdogTimeout. */
export type Guard = <T>(promise: Promise<T>, what: string, ms?: number) => Promise<T>;

/** `promise`, or a WatchdogTimeout after `ms` (the caller then destroys the connection). */
export async function withDeadline<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new WatchdogTimeout(what, ms)), ms);
    timer.unref();
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** Logs out within `ms` when the server still answers, then closes the socket whatever happened. */
export async function closeClient(client: ImapFlow, ms: number): Promise<void> {
  if (client.usable) await withDeadline(client.logout(), ms, 'LOGOUT').catch(() => undefined);
  client.close();
}

/** Sorted UIDs as an IMAP sequence set of ranges: 1,2,3,7 is 1:3,7. */
export function uidSet(uids: readonly number[]): string {
  const parts: string[] = [];
  for (let i = 0; i < uids.length; i++) {
    const start = uids[i];
    while (i + 1 < uids.length && uids[i + 1] === uids[i] + 1) i++;
    parts.push(start === uids[i] ? String(start) : `${start}:${uids[i]}`);
  }
  return parts.join(',');
}
