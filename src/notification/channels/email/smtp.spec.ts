import { describe, expect, it } from '@jest/globals';
import { emailAddressProblem } from './email-address.js';
import { smtpFailure } from './smtp-outcome.js';
import { redactedSmtpUrl, redactSmtpSecrets, smtpPoolOptions } from './smtp-settings.js';

const URL_WITH_PASSWORD = 'smtps://mailer:p%40ss%2Fw0rd@smtp.example.com:465?tls.rejectUnauthorized=false';

describe('SMTP settings', () => {
  it('builds pooled options from the URL, credentials decoded, query options kept', () => {
    expect(smtpPoolOptions({ SMTP_URL: URL_WITH_PASSWORD, SMTP_POOL_SIZE: 7, SMTP_TIMEOUT_MS: 9_000 })).toEqual({
      host: 'smtp.example.com',
      port: 465,
      secure: true,
      auth: { user: 'mailer', pass: 'p@ss/w0rd' },
      tls: { rejectUnauthorized: false },
      pool: true,
      maxConnections: 7,
      connectionTimeout: 9_000,
      greetingTimeout: 9_000,
      socketTimeout: 9_000,
    });
    expect(smtpPoolOptions({ SMTP_URL: 'smtp://relay', SMTP_POOL_SIZE: 5, SMTP_TIMEOUT_MS: 1_000 })).toMatchObject({
      host: 'relay',
      port: 587,
      secure: false,
    });
  });

  it('never shows the password', () => {
    expect(redactedSmtpUrl(URL_WITH_PASSWORD)).toBe(
      'smtps://mailer:***@smtp.example.com:465?tls.rejectUnauthorized=false',
    );
    const leaky = `Invalid login for ${URL_WITH_PASSWORD}: pass p@ss/w0rd or p%40ss%2Fw0rd`;
    const clean = redactSmtpSecrets(leaky, URL_WITH_PASSWORD);
    expect(clean).not.toContain('p@ss/w0rd');
    expect(clean).not.toContain('p%40ss%2Fw0rd');
    expect(clean).toContain('mailer:***@smtp.example.com');
  });
});

describe('SMTP outcomes', () => {
  it('makes a 5xx refusal of the recipient or message permanent', () => {
    expect(
      smtpFailure(
        { code: 'EENVELOPE', responseCode: 550, command: 'RCPT TO', response: '550 5.1.1 no such user' },
        undefined,
      ),
    ).toEqual({ ok: false, status: 550, permanent: true, error: 'SMTP 550 at RCPT TO: 550 5.1.1 no such user' });
    expect(
      smtpFailure({ code: 'EMESSAGE', responseCode: 552, command: 'DATA', response: 'too big' }, undefined),
    ).toMatchObject({
      permanent: true,
    });
  });

  it('retries 4xx answers, a refused sender, refused logins and broken connections', () => {
    expect(smtpFailure({ code: 'EENVELOPE', responseCode: 451, command: 'RCPT TO' }, undefined)).toMatchObject({
      permanent: false,
    });
    expect(smtpFailure({ code: 'EENVELOPE', responseCode: 553, command: 'MAIL FROM' }, undefined)).toMatchObject({
      permanent: false,
    });
    expect(smtpFailure({ code: 'EAUTH', message: 'Invalid login: 535' }, URL_WITH_PASSWORD)).toEqual({
      ok: false,
      error: 'SMTP authentication failed',
      permanent: false,
    });
    expect(smtpFailure({ code: 'ECONNECTION', message: 'connect ECONNREFUSED 10.0.0.5:25' }, undefined)).toEqual({
      ok: false,
      error: 'SMTP connection failed (ECONNECTION)',
      permanent: false,
    });
  });

  it('takes the password out of what the relay answered', () => {
    const outcome = smtpFailure(
      { responseCode: 535, command: 'AUTH PLAIN', response: '535 bad p@ss/w0rd' },
      URL_WITH_PASSWORD,
    );
    expect(outcome.ok === false && outcome.error).toBe('SMTP 535 at AUTH PLAIN: 535 bad ***');
  });
});

describe('email targets', () => {
  it.each(['ops@example.com', 'a.b-c+tag@sub.example.co.uk', "o'brien@example.ie"])('accepts %s', (address) => {
    expect(emailAddressProblem(address)).toBeNull();
  });

  it.each([
    '',
    'ops',
    '@example.com',
    'ops@',
    'ops@localhost',
    'ops..x@example.com',
    'ops@-example.com',
    'ops@example..com',
    `${'a'.repeat(65)}@example.com`,
    'ops@example.com\nBcc: x@example.com',
    'Ops <ops@example.com>',
    'ops@10.0.0.1',
  ])('refuses %j', (address) => {
    expect(emailAddressProblem(address)).toEqual(expect.any(String));
  });
});
