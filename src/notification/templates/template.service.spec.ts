import { describe, expect, it } from '@jest/globals';
import type { AppConfig } from '../../core/config/app-config.service.js';
import { EventType } from '../../core/events/event-catalogue.js';
import { EmailChannel } from '../channels/email/email.channel.js';
import type { SmtpMailer } from '../channels/email/smtp-mailer.service.js';
import { SmsChannel } from '../channels/sms/sms.channel.js';
import type { NotificationTemplatesRepository, TemplateRow } from './notification-templates.repository.js';
import { sampleEvent } from './sample-events.js';
import { TemplateCompiler } from './template-compiler.js';
import { TemplateOverrides } from './template-overrides.service.js';
import { TemplateService } from './template.service.js';
import { outgoing } from '../../../test/support/notification-builders.js';

const row = (subject: string, updatedAt = new Date('2026-11-22T10:00:00Z')): TemplateRow => ({
  event_type: 'robot.completed',
  channel: 'in_app',
  locale: 'en',
  subject,
  body_text: 'body',
  body_html: null,
  updated_by: null,
  updated_at: updatedAt,
});

function renderer(rows: TemplateRow[], ttlMs = 60_000) {
  let reads = 0;
  const repository = {
    all: async () => {
      reads++;
      return rows;
    },
  } as unknown as NotificationTemplatesRepository;
  const config = { get: () => ttlMs } as unknown as AppConfig;
  const compiler = new TemplateCompiler();
  const overrides = new TemplateOverrides(repository, compiler, config);
  return { service: new TemplateService(compiler, overrides), overrides, reads: () => reads };
}

describe('TemplateService', () => {
  const event = sampleEvent(EventType.RobotCompleted);

  it('reads the stored overrides once per TTL, and again once a save drops them', async () => {
    const rows = [row('stored {{robot_id}}')];
    const { service, overrides, reads } = renderer(rows);
    await Promise.all([1, 2, 3].map(() => service.render('in_app', 'en', [event])));
    expect((await service.render('in_app', 'en', [event])).subject).toBe('stored LEGAL_1795310000000_42');
    expect(reads()).toBe(1);
    rows[0] = row('changed', new Date('2026-11-22T11:00:00Z'));
    expect((await service.render('in_app', 'en', [event])).subject).toBe('stored LEGAL_1795310000000_42');
    overrides.invalidate();
    expect((await service.render('in_app', 'en', [event])).subject).toBe('changed');
    expect(reads()).toBe(2);
  });

  it('keeps the last overrides while the database does not answer, and fails (to retry) before any loaded', async () => {
    let down = false;
    const repository = {
      all: async () => {
        if (down) throw new Error('connection refused');
        return [row('stored')];
      },
    } as unknown as NotificationTemplatesRepository;
    const compiler = new TemplateCompiler();
    const overrides = new TemplateOverrides(repository, compiler, { get: () => 0 } as unknown as AppConfig);
    const service = new TemplateService(compiler, overrides);
    expect((await service.render('in_app', 'en', [event])).subject).toBe('stored');
    down = true;
    expect((await service.render('in_app', 'en', [event])).subject).toBe('stored');
    const cold = new TemplateService(
      compiler,
      new TemplateOverrides(repository, compiler, { get: () => 0 } as unknown as AppConfig),
    );
    await expect(cold.render('in_app', 'en', [event])).rejects.toThrow('connection refused');
  });

  it('falls back to the shipped default when a stored template fails to render', async () => {
    // Saved under an older catalogue, say: `#each` over a number throws at render.
    const { service } = renderer([row('{{#each robot_id.x}}{{/each}}{{#with}}{{/with}}')]);
    expect((await service.render('in_app', 'en', [event])).subject).toBe('Robot LEGAL_1795310000000_42 completed');
  });

  it('answers webhooks with a trivial message (their body is the event itself)', async () => {
    const { service } = renderer([]);
    expect(await service.render('webhook', 'en', [event])).toEqual({
      subject: 'robot.completed',
      text: 'robot.completed 1042',
    });
  });
});

describe('channels without configuration', () => {
  const unset = { get: () => undefined } as unknown as AppConfig;
  const events = [sampleEvent(EventType.RobotFailed)];

  it('email: fails, not permanently, until SMTP_URL is set', async () => {
    const mailer = { configured: false } as unknown as SmtpMailer;
    const channel = new EmailChannel(mailer, renderer([]).service);
    expect(await channel.send(outgoing('email', 'ops@example.com', 'en', events))).toEqual({
      ok: false,
      error: 'SMTP not configured: set SMTP_URL',
    });
  });

  it('sms: fails, not permanently, until the account, token and sender are set', async () => {
    const channel = new SmsChannel(unset, renderer([]).service);
    const outcome = await channel.send(outgoing('sms', '+34600111222', 'en', events));
    expect(outcome).toMatchObject({ ok: false, error: expect.stringMatching(/^SMS not configured/) });
    expect(outcome).not.toHaveProperty('permanent');
  });
});
