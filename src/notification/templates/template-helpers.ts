import Handlebars from 'handlebars';
import { NOTIFICATION_LOCALES, type NotificationLocale } from '../channels/notification-channel.js';

/**
 * The helpers a template may call, beside Handlebars' own (if, unless, each, with, lookup). Each
 * formats for the locale of the message being rendered and never throws: a value of the wrong
 * kind comes out as plain text, so a send never fails on formatting.
 */
export const TEMPLATE_HELPERS = ['formatDate', 'formatNumber', 'percent', 'duration', 'eq', 'default'] as const;
export const BUILT_IN_HELPERS = ['if', 'unless', 'each', 'with', 'lookup'] as const;

type Options = Handlebars.HelperOptions;

const localeOf = (options: Options): NotificationLocale => {
  const locale = (options.data as { root?: { locale?: string } } | undefined)?.root?.locale;
  return (NOTIFICATION_LOCALES as readonly string[]).includes(locale ?? '') ? (locale as NotificationLocale) : 'en';
};

/** A helper's trailing arguments before Handlebars' options object. */
const args = (values: unknown[]): unknown[] => values.slice(0, -1);

// Building an Intl formatter costs far more than formatting with one: one per locale and style.
const formatters = new Map<string, Intl.DateTimeFormat | Intl.NumberFormat>();
function dateFormat(locale: NotificationLocale, style: string): Intl.DateTimeFormat {
  const key = `d|${locale}|${style}`;
  let format = formatters.get(key) as Intl.DateTimeFormat | undefined;
  if (!format) formatters.set(key, (format = new Intl.DateTimeFormat(locale, DATE_STYLES[style])));
  return format;
}
function numberFormat(locale: NotificationLocale, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `n|${locale}|${options.style ?? ''}|${options.maximumFractionDigits ?? ''}`;
  let format = formatters.get(key) as Intl.NumberFormat | undefined;
  if (!format) formatters.set(key, (format = new Intl.NumberFormat(locale, options)));
  return format;
}

const DATE_STYLES: Record<string, Intl.DateTimeFormatOptions> = {
  datetime: { dateStyle: 'medium', timeStyle: 'long', timeZone: 'UTC' },
  date: { dateStyle: 'long', timeZone: 'UTC' },
  time: { timeStyle: 'long', timeZone: 'UTC' },
};

function formatDate(...values: unknown[]): string {
  const options = values.at(-1) as Options;
  const [value, style] = args(values);
  if (value === null || value === undefined || value === '') return '';
  const date = value instanceof Date ? value : new Date(String(value));
  if (Number.isNaN(date.getTime())) return String(value);
  const known = typeof style === 'string' && Object.hasOwn(DATE_STYLES, style) ? style : 'datetime';
  return dateFormat(localeOf(options), known).format(date);
}

const asNumber = (value: unknown): number | null => {
  const n = typeof value === 'number' ? value : typeof value === 'string' && value.trim() ? Number(value) : NaN;
  return Number.isFinite(n) ? n : null;
};

function formatNumber(...values: unknown[]): string {
  const options = values.at(-1) as Options;
  const [value, digits] = args(values);
  const n = asNumber(value);
  if (n === null) return value === null || value === undefined ? '' : String(value);
  const max = typeof digits === 'number' && digits >= 0 && digits <= 6 ? digits : 2;
  return numberFormat(localeOf(options), { maximumFractionDigits: max }).format(n);
}

/** A 0-100 figure (progress_percentage) as a percentage in the locale's way: `40%`, `40 %`. */
function percent(...values: unknown[]): string {
  const options = values.at(-1) as Options;
  const n = asNumber(args(values)[0]);
  if (n === null) return '';
  return numberFormat(localeOf(options), { style: 'percent', maximumFractionDigits: 1 }).format(n / 100);
}

/** Milliseconds as `850 ms`, `12.8 s`, `4 min`, `2 h 5 min` (the units read the same in en and es). */
function duration(...values: unknown[]): string {
  const options = values.at(-1) as Options;
  const ms = asNumber(args(values)[0]);
  if (ms === null) return '';
  const number = (n: number, digits = 0) =>
    numberFormat(localeOf(options), { maximumFractionDigits: digits }).format(n);
  if (ms < 1_000) return `${number(ms)} ms`;
  if (ms < 60_000) return `${number(ms / 1_000, 1)} s`;
  if (ms < 3_600_000) return `${number(Math.round(ms / 60_000))} min`;
  const hours = Math.floor(ms / 3_600_000);
  const minutes = Math.round((ms % 3_600_000) / 60_000);
  return minutes ? `${number(hours)} h ${number(minutes)} min` : `${number(hours)} h`;
}

const eq = (...values: unknown[]): boolean => {
  const [a, b] = args(values);
  return a === b;
};

const fallback = (...values: unknown[]): unknown => {
  const [value, otherwise] = args(values);
  return value === null || value === undefined || value === '' ? otherwise : value;
};

/** A Handlebars environment of its own: nothing registered globally, no partials, only our helpers. */
export function templateEnvironment(): typeof Handlebars {
  const env = Handlebars.create();
  env.registerHelper({ formatDate, formatNumber, percent, duration, eq, default: fallback });
  return env;
}

/** Compile options shared by validation and rendering: unknown helpers do not compile. */
export const KNOWN_HELPERS: Record<string, true> = Object.fromEntries(
  [...TEMPLATE_HELPERS, ...BUILT_IN_HELPERS].map((name) => [name, true]),
);
