import { Injectable, Logger } from '@nestjs/common';
import type {
  ChannelName,
  NotificationEvent,
  NotificationLocale,
  NotificationRenderer,
  RenderedMessage,
} from '../channels/notification-channel.js';
import { NOTIFICATION_LOCALES } from '../channels/notification-channel.js';
import { genericTemplate, type RenderedChannel, shippedTemplate } from './defaults/index.js';
import { htmlFromText, tidyHtml, tidySubject, tidyText } from './message-text.js';
import { type CompiledTemplate, TemplateCompiler } from './template-compiler.js';
import { DIGEST_TEMPLATE, type DigestContext, eventContext, GENERIC_TEMPLATE } from './template-context.js';
import { TemplateOverrides } from './template-overrides.service.js';

/**
 * Renders notifications from Handlebars templates per (event type, channel, locale): a stored
 * override, else the shipped default for the type, else a stored `*` override, else the shipped
 * generic default. Several events render as one digest that lists each event's subject line.
 * Templates compile once; stored ones were validated when saved, and one that still fails to
 * render (it was saved under an older catalogue) falls back to the shipped default, never
 * failing the send.
 */
@Injectable()
export class TemplateService implements NotificationRenderer {
  private readonly logger = new Logger(TemplateService.name);
  private readonly shipped = new Map<string, CompiledTemplate>();

  constructor(
    private readonly compiler: TemplateCompiler,
    private readonly overrides: TemplateOverrides,
  ) {}

  async render(
    channel: ChannelName,
    locale: NotificationLocale,
    events: NotificationEvent[],
  ): Promise<RenderedMessage> {
    const [first] = events;
    if (!first) throw new Error('render needs at least one event');
    if (channel === 'webhook') return { subject: first.type, text: `${first.type} ${first.event_id}` };
    const lang: NotificationLocale = NOTIFICATION_LOCALES.includes(locale) ? locale : 'en';
    if (events.length === 1) return this.renderEvent(channel, lang, first);
    return this.apply(channel, DIGEST_TEMPLATE, lang, await this.digestContext(channel, lang, events));
  }

  /** A template not yet saved, rendered as it would be sent (one event, or the digest of several). */
  async preview(
    channel: RenderedChannel,
    locale: NotificationLocale,
    template: CompiledTemplate,
    events: NotificationEvent[],
  ): Promise<RenderedMessage> {
    const context =
      events.length === 1 ? eventContext(events[0], locale) : await this.digestContext(channel, locale, events);
    return this.run(channel, template, context);
  }

  private async digestContext(
    channel: RenderedChannel,
    locale: NotificationLocale,
    events: NotificationEvent[],
  ): Promise<DigestContext> {
    const lines = await Promise.all(events.map((event) => this.renderEvent(channel, locale, event)));
    return {
      count: events.length,
      locale,
      events: events.map((event, i) => ({
        ...eventContext(event, locale).event,
        robot_id: event.robot_id,
        module_name: event.module_name,
        line: lines[i].subject,
      })),
    };
  }

  private renderEvent(channel: RenderedChannel, locale: NotificationLocale, event: NotificationEvent) {
    return this.apply(channel, event.type, locale, eventContext(event, locale));
  }

  private async apply(
    channel: RenderedChannel,
    type: string,
    locale: NotificationLocale,
    context: object,
  ): Promise<RenderedMessage> {
    const stored =
      (await this.overrides.find(type, channel, locale)) ??
      (shippedTemplate(type, channel, locale) ? null : await this.overrides.find(GENERIC_TEMPLATE, channel, locale));
    if (stored) {
      try {
        return this.run(channel, stored, context);
      } catch (error) {
        this.logger.warn(`The stored ${type} ${channel} ${locale} template failed (${String(error)}): default used`);
      }
    }
    return this.run(channel, this.shippedFor(type, channel, locale), context);
  }

  private run(channel: RenderedChannel, template: CompiledTemplate, context: object): RenderedMessage {
    const subject = tidySubject(template.subject(context));
    const text = tidyText(template.text(context));
    if (channel !== 'email') return { subject, text };
    return { subject, text, html: template.html ? tidyHtml(template.html(context)) : htmlFromText(text) };
  }

  private shippedFor(type: string, channel: RenderedChannel, locale: NotificationLocale): CompiledTemplate {
    const own = shippedTemplate(type, channel, locale);
    const key = `${own ? type : GENERIC_TEMPLATE}|${channel}|${locale}`;
    let compiled = this.shipped.get(key);
    if (!compiled) {
      compiled = this.compiler.compile(own ?? genericTemplate(channel, locale));
      this.shipped.set(key, compiled);
    }
    return compiled;
  }
}
