import type { ImapFlowError } from 'imapflow';

/** Error texts are kept this long: enough to read the cause, never a dump. */
const MAX_LENGTH = 300;

const NETWORK: Record<string, string> = {
  ECONNREFUSED: 'connection refused',
  ECONNRESET: 'connection reset by the server',
  EPIPE: 'connection reset by the server',
  EHOSTUNREACH: 'host unreachable',
  ENETUNREACH: 'network unreachable',
  ENOTFOUND: 'host name not found',
  EAI_AGAIN: 'host name lookup failed (temporary)',
  ETIMEDOUT: 'connection timed out',
  CONNECT_TIMEOUT: 'connection timed out',
  GREETING_TIMEOUT: 'the server sent no IMAP greeting in time',
  ETIMEOUT: 'the server stopped answering (socket timeout)',
  NoConnection: 'the connection was closed',
  EConnectionClosed: 'the connection was closed',
  ClosedAfterConnectText: 'the server closed the connection before its greeting',
  ClosedAfterConnectTLS: 'the server closed the TLS connection before its greeting',
  HOST_REFUSED: 'host refused by policy',
  WATCHDOG: 'the server did not answer in time (watchdog)',
};

/** Anything that could carry a secret (or a terminal escape) gone, and bounded. */
export function scrub(text: string, secrets: readonly string[]): string {
  let clean = text;
  for (const secret of secrets) if (secret.length >= 3) clean = clean.split(secret).join('[redacted]');
  // eslint-disable-next-line no-control-regex -- control characters are what is removed
  clean = clean.replace(/[\u0000-\u001f\u007f]+/g, ' ').trim();
  return clean.length > MAX_LENGTH ? `${clean.slice(0, MAX_LENGTH - 1)}…` : clean;
}

/**
 * The forms a login secret takes on the wire: itself, and the base64 of SASL PLAIN and XOAUTH2
 * (a server may echo either in an error; imapflow's errors also carry the command as sent).
 */
export function secretForms(username: string, secret: string): string[] {
  return [
    secret,
    Buffer.from(`\u0000${username}\u0000${secret}`).toString('base64'),
    Buffer.from(`user=${username}\u0001auth=Bearer ${secret}\u0001\u0001`).toString('base64'),
  ];
}

/**
 * One line saying why an IMAP connection or command failed, built only from fields that name a
 * cause (a code, the server's response text): never the error object, whose `executedCommand`
 * holds the LOGIN line. Scrubbed of the secret's forms all the same.
 */
export function describeImapError(error: unknown, secrets: readonly string[]): string {
  const e = (error ?? {}) as ImapFlowError & { code?: string };
  const code = typeof e.code === 'string' ? e.code : undefined;
  let text: string;
  if (e.authenticationFailed) {
    text = `authentication failed${e.serverResponseCode ? ` [${e.serverResponseCode}]` : ''}`;
  } else if (e.tlsFailed || (code && /^(ERR_TLS|ERR_SSL|CERT_|DEPTH_ZERO|SELF_SIGNED|UNABLE_TO_)/.test(code))) {
    text = `TLS failed${code ? ` (${code})` : ''}`;
  } else if (e.mailboxMissing) {
    text = `the folder does not exist${e.path ? `: ${e.path}` : ''}`;
  } else if (code && NETWORK[code]) {
    text = NETWORK[code];
    if (code === 'HOST_REFUSED' && e.message) text = `${text}: ${e.message}`;
  } else if (code === 'LiteralTooLarge' || code === 'ResponseTooLarge') {
    text = 'the server sent a response larger than EMAIL_MAX_BYTES allows';
  } else if (e.responseText) {
    text = `${e.command ? `${e.command} ` : ''}refused by the server: ${e.responseText}`;
  } else {
    text = `${code ?? 'error'}: ${e.message ?? String(error)}`;
  }
  return scrub(text, secrets);
}
