import type { NotificationLocale } from '../../channels/notification-channel.js';
import { DIGEST_TEMPLATE, GENERIC_TEMPLATE } from '../template-context.js';
import type { EventCopy, LocaleCopy, LocaleFrame } from './event-copy.js';
import { EN, EN_FRAME } from './en.js';
import { ES, ES_FRAME } from './es.js';

/** The channels whose messages are rendered from templates (a webhook sends the event itself). */
export const RENDERED_CHANNELS = ['email', 'sms', 'in_app'] as const;
export type RenderedChannel = (typeof RENDERED_CHANNELS)[number];

/** One template as stored and served: Handlebars sources; `html` only for email. */
export interface TemplateSource {
  subject: string;
  text: string;
  html: string | null;
}

const COPY: Record<NotificationLocale, { copy: LocaleCopy; frame: LocaleFrame }> = {
  en: { copy: EN, frame: EN_FRAME },
  es: { copy: ES, frame: ES_FRAME },
};

const paragraphs = (lines: readonly string[]) => lines.map((line) => `<p>${line}</p>`).join('\n');

function emailHtml(locale: NotificationLocale, title: string, content: string, footer: string): string {
  return [
    '<!DOCTYPE html>',
    `<html lang="${locale}"><head><meta charset="utf-8"><title>${title}</title></head>`,
    '<body style="font-family: -apple-system, Segoe UI, Roboto, sans-serif; color: #1f2933; line-height: 1.5">',
    `<h2 style="font-size: 18px">${title}</h2>`,
    content,
    `<p style="color: #7b8794; font-size: 12px">${footer}</p>`,
    '</body></html>',
  ].join('\n');
}

function eventTemplate(channel: RenderedChannel, locale: NotificationLocale, copy: EventCopy): TemplateSource {
  const { footer } = COPY[locale].frame;
  const body = copy.body.join('\n');
  switch (channel) {
    case 'email':
      return {
        subject: copy.title,
        text: `${body}\n\n-- \n${footer}\n`,
        html: emailHtml(locale, copy.title, paragraphs(copy.body), footer),
      };
    case 'sms':
      return { subject: copy.title, text: copy.sms, html: null };
    case 'in_app':
      return { subject: copy.title, text: body, html: null };
  }
}

function digestTemplate(channel: RenderedChannel, locale: NotificationLocale): TemplateSource {
  const { title, intro, sms } = COPY[locale].frame.digest;
  const lines = '{{#each events}}- {{formatDate timestamp "time"}} {{line}}\n{{/each}}';
  switch (channel) {
    case 'email':
      return {
        subject: title,
        text: `${intro}\n\n${lines}\n-- \nbotfleet\n`,
        html: emailHtml(
          locale,
          title,
          `<p>${intro}</p>\n<ul>{{#each events}}<li>{{formatDate timestamp "time"}} {{line}}</li>{{/each}}</ul>`,
          'botfleet',
        ),
      };
    case 'sms':
      return { subject: title, text: sms, html: null };
    case 'in_app':
      return { subject: title, text: `${intro}\n${lines}`, html: null };
  }
}

/**
 * The shipped template for (event type, channel, locale): the type's own, the digest, or the
 * generic default (`*`); null for a type with no copy of its own (the generic one then serves).
 */
export function shippedTemplate(
  type: string,
  channel: RenderedChannel,
  locale: NotificationLocale,
): TemplateSource | null {
  if (type === DIGEST_TEMPLATE) return digestTemplate(channel, locale);
  const copy = Object.hasOwn(COPY[locale].copy, type) ? COPY[locale].copy[type] : undefined;
  return copy ? eventTemplate(channel, locale, copy) : null;
}

export function genericTemplate(channel: RenderedChannel, locale: NotificationLocale): TemplateSource {
  return eventTemplate(channel, locale, COPY[locale].copy[GENERIC_TEMPLATE]);
}
