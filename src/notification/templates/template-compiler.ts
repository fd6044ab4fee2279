import { Injectable } from '@nestjs/common';
import type Handlebars from 'handlebars';
import { EventType } from '../../core/events/event-catalogue.js';
import type { NotificationEvent, NotificationLocale } from '../channels/notification-channel.js';
import type { RenderedChannel, TemplateSource } from './defaults/index.js';
import { sampleEvent } from './sample-events.js';
import {
  DIGEST_TEMPLATE,
  eventContext,
  GENERIC_TEMPLATE,
  isCatalogueType,
  type TemplateEventType,
} from './template-context.js';
import { KNOWN_HELPERS, templateEnvironment } from './template-helpers.js';
import { type TemplatePart, TemplateValidator } from './template-validator.js';

type Render = (context: object) => string;

/** A template compiled once: subject and text unescaped (they are not HTML), html auto-escaped. */
export interface CompiledTemplate {
  subject: Render;
  text: Render;
  html: Render | null;
}

const TEXT = { noEscape: true, knownHelpers: KNOWN_HELPERS, knownHelpersOnly: true } as const;
const HTML = { knownHelpers: KNOWN_HELPERS, knownHelpersOnly: true } as const;

@Injectable()
/** Compiles and checks notification templates in one Handlebars environment with botfleet's helpers. */
export class TemplateCompiler {
  private readonly env: typeof Handlebars = templateEnvironment();

  compile(source: TemplateSource): CompiledTemplate {
    return {
      subject: this.env.compile(source.subject, TEXT),
      text: this.env.compile(source.text, TEXT),
      html: source.html === null ? null : this.env.compile(source.html, HTML),
    };
  }

  /**
   * Everything wrong with a template, each naming its part, line and field; empty when it can be
   * saved. A template that passes renders a sample event too, so a helper misused (`{{#if}}` with
   * no argument) is refused here rather than when a message is sent.
   */
  problems(type: TemplateEventType, channel: RenderedChannel, source: TemplateSource): string[] {
    const parts: Array<[TemplatePart, string]> = [
      ['subject', source.subject],
      ['body_text', source.text],
    ];
    const problems: string[] = [];
    if (source.html !== null) {
      if (channel === 'email') parts.push(['body_html', source.html]);
      else problems.push(`body_html: only email templates have an HTML body (this is ${channel})`);
    }
    for (const [part, text] of parts) problems.push(...TemplateValidator.check(this.env, part, type, text));
    if (problems.length > 0) return problems;
    const compiled = this.compile(source);
    const context = sampleContext(type, 'en');
    for (const [part, render] of [
      ['subject', compiled.subject],
      ['body_text', compiled.text],
      ['body_html', compiled.html],
    ] as const) {
      try {
        render?.(context);
      } catch (error) {
        const message = error instanceof Error ? error.message.split('\n')[0] : String(error);
        problems.push(`${part}: fails on a sample ${type} event: ${message.slice(0, 200)}`);
      }
    }
    return problems;
  }
}

/** Events a digest preview lists. */
export const DIGEST_SAMPLE_TYPES = [EventType.RobotCompleted, EventType.RobotFailed, EventType.AlertFired] as const;

/** The render context of a sample event of this type (every field set), or of a sample digest. */
export function sampleContext(type: TemplateEventType, locale: NotificationLocale): object {
  if (type === DIGEST_TEMPLATE) {
    const events = DIGEST_SAMPLE_TYPES.map((t, i) => sampleEvent(t, undefined, 1042 + i));
    return {
      count: events.length,
      locale,
      events: events.map((e) => ({ ...eventContext(e, locale).event, ...subjectOf(e), line: e.type })),
    };
  }
  const event = sampleEvent(isCatalogueType(type) ? type : EventType.RobotCompleted);
  if (type === GENERIC_TEMPLATE) event.data = { robot_id: event.robot_id, module_name: event.module_name };
  return eventContext(event, locale);
}

const subjectOf = (event: NotificationEvent) => ({ robot_id: event.robot_id, module_name: event.module_name });
