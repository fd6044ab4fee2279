import { describe, expect, it } from '@jest/globals';
import { EVENT_TYPES, EventType } from '../../core/events/event-catalogue.js';
import { NOTIFICATION_LOCALES } from '../channels/notification-channel.js';
import { genericTemplate, RENDERED_CHANNELS, shippedTemplate, type TemplateSource } from './defaults/index.js';
import { EN } from './defaults/en.js';
import { ES } from './defaults/es.js';
import { sampleContext, TemplateCompiler } from './template-compiler.js';
import { DIGEST_TEMPLATE, GENERIC_TEMPLATE, type TemplateEventType } from './template-context.js';

const compiler = new TemplateCompiler();
const text = (subject: string, body = 'ok', html: string | null = null): TemplateSource => ({
  subject,
  text: body,
  html,
});

describe('template validation at save', () => {
  it('accepts fields the event carries, helpers, blocks and block params', () => {
    const source = text(
      'Robot {{robot_id}} done in {{duration data.processing_time_ms}}',
      [
        '{{#if module_name}}on {{module_name}}{{else}}unassigned{{/if}}',
        '{{formatDate event.timestamp "date"}} {{event.type}} v{{event.version}} #{{event.id}} {{locale}}',
        '{{#with data as |d|}}{{d.processing_time_ms}} {{processing_time_ms}} {{../robot_id}}{{/with}}',
        '{{#if (eq data.robot_type "legal_review")}}legal{{/if}} {{default data.priority "NORMAL"}}',
        '{{@root.robot_id}} {{lookup data "correlation_id"}}',
      ].join('\n'),
    );
    expect(compiler.problems(EventType.RobotCompleted, 'email', source)).toEqual([]);
  });

  it('refuses a data field the event does not have, naming it, its part and its line', () => {
    const problems = compiler.problems(
      EventType.RobotCompleted,
      'email',
      text('Robot {{robot_id}}', 'line one\nfailed with {{data.error_category}}'),
    );
    expect(problems).toEqual([
      expect.stringMatching(
        /^body_text, line 2: unknown field data\.error_category: robot\.completed events carry data\.processing_time_ms/,
      ),
    ]);
  });

  it('refuses an unknown top-level name, and fields below a plain value', () => {
    expect(compiler.problems(EventType.RobotFailed, 'sms', text('{{robot}}'))).toEqual([
      expect.stringMatching(
        /^subject, line 1: unknown name robot: a template may use event, robot_id, module_name, locale, data/,
      ),
    ]);
    expect(compiler.problems(EventType.RobotFailed, 'sms', text('{{robot_id.length}}'))).toEqual([
      expect.stringContaining('unknown field robot_id.length: robot_id is a plain value'),
    ]);
    expect(compiler.problems(EventType.RobotFailed, 'sms', text('{{event.name}}'))).toEqual([
      expect.stringContaining('unknown field event.name: event has id, type, version, timestamp'),
    ]);
  });

  it('checks paths in helper arguments, hash values, sub-expressions and blocks', () => {
    const problems = compiler.problems(
      EventType.ModuleHealthChanged,
      'in_app',
      text(
        '{{formatDate data.when}}',
        '{{#if (eq data.level "x")}}a{{/if}}\n{{#each data.nope}}{{/each}}\n{{formatNumber data.to digits=data.scale}}',
      ),
    );
    expect(problems).toEqual([
      expect.stringMatching(/^subject, line 1: unknown field data\.when/),
      expect.stringMatching(/^body_text, line 1: unknown field data\.level/),
      expect.stringMatching(/^body_text, line 2: unknown field data\.nope/),
      expect.stringMatching(/^body_text, line 3: unknown field data\.scale/),
    ]);
  });

  it('checks the field a lookup names, reporting each problem once', () => {
    expect(
      compiler.problems(EventType.RobotFailed, 'sms', text('{{lookup data "nope"}} {{lookup data.gone "x"}}')),
    ).toEqual([expect.stringContaining('unknown field data.nope'), expect.stringContaining('unknown field data.gone')]);
  });

  it('follows ../ and @root out of a block, and refuses climbing above the root', () => {
    expect(
      compiler.problems(EventType.AlertFired, 'email', text('{{#with data}}{{rule}} {{../nope}}{{/with}}')),
    ).toEqual([expect.stringContaining('unknown name nope')]);
    expect(compiler.problems(EventType.AlertFired, 'email', text('{{../robot_id}}'))).toEqual([
      expect.stringContaining('climbs above'),
    ]);
    expect(compiler.problems(EventType.AlertFired, 'email', text('{{@root.data.rule}} {{@foo}}'))).toEqual([
      expect.stringContaining('unknown variable @foo'),
    ]);
    // Anything below a payload field is the event's own business (alert details are free-form).
    expect(compiler.problems(EventType.AlertFired, 'email', text('{{data.details.window}}'))).toEqual([]);
  });

  it('refuses bad syntax, unknown helpers, partials and unescaped HTML', () => {
    expect(compiler.problems(EventType.RobotFailed, 'email', text('{{#if robot_id}}open'))).toEqual([
      expect.stringMatching(/^subject: does not compile: Parse error on line 1/),
    ]);
    expect(compiler.problems(EventType.RobotFailed, 'email', text('{{shout robot_id}}'))).toEqual([
      expect.stringMatching(/^subject: does not compile: .*unknown helper shout/),
    ]);
    expect(compiler.problems(EventType.RobotFailed, 'email', text('{{> footer}}'))).toEqual([
      expect.stringContaining('partials'),
    ]);
    expect(
      compiler.problems(EventType.RobotFailed, 'email', text('x', 'x', '<b>{{{data.error_category}}}</b>')),
    ).toEqual([expect.stringMatching(/^body_html, line 1: unescaped output/)]);
    expect(compiler.problems(EventType.RobotFailed, 'sms', text('x', 'x', '<b>x</b>'))).toEqual([
      expect.stringContaining('only email templates have an HTML body'),
    ]);
  });

  it('refuses prototype members and Handlebars built-ins that are not ours', () => {
    expect(compiler.problems(EventType.RobotFailed, 'email', text('{{event.constructor}} {{data.__proto__}}'))).toEqual(
      [
        expect.stringContaining('unknown field event.constructor'),
        expect.stringContaining('unknown field data.__proto__'),
      ],
    );
    expect(compiler.problems(EventType.RobotFailed, 'email', text('{{log robot_id}}'))).toEqual([
      expect.stringContaining('unknown helper log'),
    ]);
    expect(
      compiler.problems(EventType.RobotFailed, 'email', text('{{#helperMissing robot_id}}{{/helperMissing}}')),
    ).toEqual([expect.stringContaining('unknown helper helperMissing')]);
  });

  it('refuses templates too big to check cheaply, before parsing them', () => {
    const started = Date.now();
    const deep = `${'{{#if robot_id}}'.repeat(100)}x${'{{/if}}'.repeat(100)}`;
    expect(compiler.problems(EventType.RobotFailed, 'email', text('x', 'x', deep))).toEqual([
      'body_html: blocks nest more than 16 deep',
    ]);
    const wide = '{{robot_id}} '.repeat(7_000);
    expect(compiler.problems(EventType.RobotFailed, 'email', text('x', wide))).toEqual([
      'body_text: 7000 {{ }} expressions, at most 300 are allowed',
    ]);
    expect(Date.now() - started).toBeLessThan(200);
    const fine = `${'{{#if robot_id}}'.repeat(16)}x${'{{/if}}'.repeat(16)}`;
    expect(compiler.problems(EventType.RobotFailed, 'email', text('x', fine))).toEqual([]);
  });

  it('refuses a helper that fails on a sample event (a runtime error caught at save)', () => {
    expect(compiler.problems(EventType.RobotFailed, 'email', text('{{#if}}x{{/if}}'))).toEqual([
      expect.stringMatching(/^subject: fails on a sample robot\.failed event: #if requires exactly one argument/),
    ]);
  });

  it('knows the digest context: count, locale, and each event line', () => {
    expect(
      compiler.problems(
        DIGEST_TEMPLATE,
        'email',
        text('{{count}}', '{{#each events as |e|}}{{e.line}} {{type}} {{@index}}{{/each}}'),
      ),
    ).toEqual([]);
    expect(compiler.problems(DIGEST_TEMPLATE, 'email', text('{{#each events}}{{data}}{{/each}}'))).toEqual([
      expect.stringContaining('unknown name data'),
    ]);
  });
});

describe('shipped defaults', () => {
  const types: TemplateEventType[] = [...EVENT_TYPES, DIGEST_TEMPLATE];
  const keys = types.flatMap((type) =>
    RENDERED_CHANNELS.flatMap((channel) => NOTIFICATION_LOCALES.map((locale) => [type, channel, locale] as const)),
  );

  it.each(keys)('%s %s %s exists and passes validation', (type, channel, locale) => {
    const source = shippedTemplate(type, channel, locale);
    expect(source).not.toBeNull();
    expect(compiler.problems(type, channel, source!)).toEqual([]);
    expect(channel === 'email').toBe(source!.html !== null);
  });

  it('ships the same event types in every locale: the catalogue, and subscription.disabled for the core', () => {
    const known = [...EVENT_TYPES, 'subscription.disabled', GENERIC_TEMPLATE].sort();
    expect(Object.keys(EN).sort()).toEqual([...new Set(known)].sort());
    expect(Object.keys(ES).sort()).toEqual(Object.keys(EN).sort());
  });

  it.each(RENDERED_CHANNELS)('the generic %s default passes validation in every locale', (channel) => {
    for (const locale of NOTIFICATION_LOCALES) {
      expect(compiler.problems(GENERIC_TEMPLATE, channel, genericTemplate(channel, locale))).toEqual([]);
    }
  });

  it('renders a sample in each locale, formatting dates and numbers the local way', () => {
    const en = compiler.compile(shippedTemplate('robot.progress', 'in_app', 'en')!);
    const es = compiler.compile(shippedTemplate('robot.progress', 'in_app', 'es')!);
    expect(en.subject(sampleContext(EventType.RobotProgress, 'en'))).toBe('Robot LEGAL_1795310000000_42: 40%');
    expect(es.subject(sampleContext(EventType.RobotProgress, 'es'))).toBe('Robot LEGAL_1795310000000_42: 40\u00a0%');
    const alert = compiler.compile(shippedTemplate('alert.fired', 'email', 'es')!);
    expect(alert.text(sampleContext(EventType.AlertFired, 'es'))).toContain('22 nov 2026');
  });
});
