import type SMTPPool from 'nodemailer/lib/smtp-pool/index.js';

export interface SmtpSettings {
  SMTP_URL?: string;
  SMTP_POOL_SIZE: number;
  SMTP_TIMEOUT_MS: number;
}

const scalar = (value: string): string | number | boolean =>
  value === 'true' ? true : value === 'false' ? false : /^\d+$/.test(value) ? Number(value) : value;

/**
 * Pooled SMTP options from SMTP_URL. The URL is parsed here (nodemailer would parse it too, but
 * then ignores every other option, the pool among them); query parameters map to options as in
 * nodemailer's own URLs (`?requireTLS=true`, `?tls.rejectUnauthorized=false`).
 */
export function smtpPoolOptions(settings: SmtpSettings & { SMTP_URL: string }): SMTPPool.Options {
  const url = new URL(settings.SMTP_URL);
  const options: Record<string, unknown> = {};
  for (const [key, value] of url.searchParams) {
    const [head, sub] = key.split('.', 2);
    if (sub) options[head] = { ...(options[head] as object | undefined), [sub]: scalar(value) };
    else options[key] = scalar(value);
  }
  const secure = url.protocol === 'smtps:';
  return {
    ...options,
    host: url.hostname.replace(/^\[|\]$/g, ''),
    port: url.port ? Number(url.port) : secure ? 465 : 587,
    secure,
    ...(url.username && {
      auth: { user: decodeURIComponent(url.username), pass: decodeURIComponent(url.password) },
    }),
    pool: true,
    maxConnections: settings.SMTP_POOL_SIZE,
    connectionTimeout: settings.SMTP_TIMEOUT_MS,
    greetingTimeout: settings.SMTP_TIMEOUT_MS,
    socketTimeout: settings.SMTP_TIMEOUT_MS,
  };
}

/** The URL as it may be shown or logged: its password never. */
export function redactedSmtpUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return 'smtp://***';
  }
}

/** Takes any trace of the relay's credentials out of a text (an error message from the relay or nodemailer). */
export function redactSmtpSecrets(text: string, url: string | undefined): string {
  if (!url) return text;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return text;
  }
  let redacted = text.split(url).join(redactedSmtpUrl(url));
  for (const secret of [parsed.password, decodeURIComponent(parsed.password)]) {
    if (secret.length >= 3) redacted = redacted.split(secret).join('***');
  }
  return redacted;
}
