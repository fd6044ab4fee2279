import { describe, expect, it } from '@jest/globals';
import { describeImapError, scrub, secretForms } from './imap-errors.js';

const SECRET = 'hunter2-Pa55';
const forms = secretForms('bot@example.com', SECRET);

describe('IMAP error descriptions', () => {
  it('names the cause from the error code, never the message or the command sent', () => {
    const refused = Object.assign(new Error(`connect ECONNREFUSED 127.0.0.1:1 LOGIN bot ${SECRET}`), {
      code: 'ECONNREFUSED',
      executedCommand: `A1 LOGIN bot ${SECRET}`,
    });
    expect(describeImapError(refused, forms)).toBe('connection refused');
    expect(describeImapError(Object.assign(new Error('x'), { code: 'ETIMEOUT' }), forms)).toBe(
      'the server stopped answering (socket timeout)',
    );
    expect(describeImapError(Object.assign(new Error('x'), { code: 'WATCHDOG' }), forms)).toMatch(/watchdog/);
  });

  it('says authentication failed with the server code only', () => {
    const failed = Object.assign(new Error('Authentication failed'), {
      authenticationFailed: true,
      serverResponseCode: 'AUTHENTICATIONFAILED',
      response: `A2 NO [AUTHENTICATIONFAILED] bad password ${SECRET}`,
      executedCommand: `A2 LOGIN bot ${SECRET}`,
    });
    expect(describeImapError(failed, forms)).toBe('authentication failed [AUTHENTICATIONFAILED]');
  });

  it('keeps the server response text of a refused command, scrubbed of every form of the secret', () => {
    const plain = Buffer.from(`\u0000bot@example.com\u0000${SECRET}`).toString('base64');
    const refused = Object.assign(new Error('Command failed'), {
      command: 'SELECT',
      responseText: `Mailbox gone; you sent ${plain} and ${SECRET}\r\nA3 OK injected`,
    });
    const text = describeImapError(refused, forms);
    expect(text).toBe('SELECT refused by the server: Mailbox gone; you sent [redacted] and [redacted] A3 OK injected');
    expect(text).not.toContain(SECRET);
  });

  it('says which folder is missing, and what TLS failed on', () => {
    expect(describeImapError(Object.assign(new Error('x'), { mailboxMissing: true, path: 'Invoices' }), forms)).toBe(
      'the folder does not exist: Invoices',
    );
    expect(describeImapError(Object.assign(new Error('x'), { code: 'DEPTH_ZERO_SELF_SIGNED_CERT' }), forms)).toBe(
      'TLS failed (DEPTH_ZERO_SELF_SIGNED_CERT)',
    );
  });

  it('bounds the text and removes control characters', () => {
    expect(scrub(`a\u0000b\u001b[31m${'x'.repeat(500)}`, []).length).toBe(300);
    expect(scrub('line\r\nnext', [])).toBe('line next');
  });
});
