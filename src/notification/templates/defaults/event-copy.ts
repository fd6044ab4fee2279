/**
 * What the shipped templates say about one event, in one language: a title (email subject, in-app
 * title, the event's line in a digest), a body of short lines (email text and HTML paragraphs,
 * in-app body) and an SMS line. Handlebars sources: `defaults/index.ts` lays them out per channel.
 */
export interface EventCopy {
  title: string;
  body: string[];
  sms: string;
}

/** Keyed by event type; `*` is the generic default for a type without its own copy. */
export type LocaleCopy = Record<string, EventCopy> & { '*': EventCopy };

/** The words around the content, per language. */
export interface LocaleFrame {
  /** The footer under every email and in-app message. */
  footer: string;
  digest: { title: string; intro: string; sms: string };
}
