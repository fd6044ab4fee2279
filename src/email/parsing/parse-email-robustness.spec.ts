import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { EmailRefusal, type EmailLimits, type ParseOutcome } from '../email.types.js';
import { parseEmail } from './parse-email.js';

const ROOT = 'test/fixtures/mime';
const LIMITS: EmailLimits = { maxBytes: 25 * 1024 * 1024, maxAttachments: 50, maxAttachmentBytes: 10 * 1024 * 1024 };
// Far above any parse here (milliseconds each): reaching it means a hang, not a slow machine.
const HANG_MS = 15_000;

function messagesUnder(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) return messagesUnder(path);
      return /\.(eml|txt)$/.test(name) && name !== 'LICENSE' ? [path] : [];
    });
}

const FIXTURES = messagesUnder(ROOT).map((path) => ({ name: relative(ROOT, path), raw: readFileSync(path) }));

/** Parses with a watchdog: a parse that never settles fails the test instead of stalling it. */
async function parseWithin(raw: Buffer): Promise<ParseOutcome> {
  let timer: NodeJS.Timeout | undefined;
  const hang = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no outcome within ${HANG_MS} ms`)), HANG_MS);
  });
  try {
    return await Promise.race([parseEmail(raw, LIMITS), hang]);
  } finally {
    clearTimeout(timer);
  }
}

// eslint-disable-next-line no-control-regex -- control characters are what is checked for
const CONTROL = /[\u0000-\u001f\u007f]/;
// eslint-disable-next-line no-control-regex -- the text keeps tab and newline only
const TEXT_CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f]/;

/** What every outcome promises, whatever the input was. */
function expectSafe(outcome: ParseOutcome, raw: Buffer): void {
  if (!outcome.ok) {
    expect(Object.values(EmailRefusal)).toContain(outcome.refusal);
    expect(outcome.reason).toMatch(/^[^\n]{1,200}$/);
    expect(outcome.size_bytes).toBe(raw.length);
    return;
  }
  const email = outcome.email;
  for (const id of [email.message_id, email.thread_id, email.in_reply_to]) {
    if (id !== null) expect(id.length <= 998 && !/[\s<>]/.test(id) && !CONTROL.test(id)).toBe(true);
  }
  for (const who of [email.from, ...email.to, ...email.cc]) {
    if (who === null) continue;
    expect(who.address).toBe(who.address.toLowerCase());
    expect(who.address).toContain('@');
    if (who.name !== null) expect(CONTROL.test(who.name)).toBe(false);
  }
  if (email.subject !== null) expect(email.subject.length <= 998 * 2 && !CONTROL.test(email.subject)).toBe(true);
  if (email.sent_at !== null) expect(Number.isNaN(email.sent_at.getTime())).toBe(false);
  expect(TEXT_CONTROL.test(email.text) || email.text.includes('\r')).toBe(false);
  email.attachments.forEach((a, i) => {
    expect(a.position).toBe(i);
    if (a.filename !== null) {
      expect(Array.from(a.filename).length).toBeLessThanOrEqual(255);
      expect(/[/\\]/.test(a.filename) || CONTROL.test(a.filename)).toBe(false);
    }
    expect(a.media_type).toMatch(/^[a-z0-9][^/\s;]*\/[^/\s;]+$/);
    expect(a.sha256).toMatch(/^[0-9a-f]{64}$/);
    if (a.content === null) expect(a.skipped).toBe('too_large');
    else expect(a.content.length).toBe(a.size_bytes);
  });
  expect(email.content_sha256).toMatch(/^[0-9a-f]{64}$/);
  expect(email.size_bytes).toBe(raw.length);
}

/** mulberry32: a small seeded PRNG, so a failing mutation can be replayed from its number. */
function prng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Mutation = (raw: Buffer, rnd: () => number) => Buffer;
const at = (rnd: () => number, n: number) => Math.floor(rnd() * n);
const insert = (raw: Buffer, pos: number, bytes: Buffer) =>
  Buffer.concat([raw.subarray(0, pos), bytes, raw.subarray(pos)]);
const INVALID_UTF8 = [
  [0xc3, 0x28],
  [0xff, 0xfe],
  [0xed, 0xa0, 0x80],
  [0xf8, 0x88, 0x80, 0x80, 0x80],
  [0xe2, 0x82],
];

const MUTATIONS: Record<string, Mutation> = {
  flipBytes: (raw, rnd) => {
    const copy = Buffer.from(raw);
    for (let i = 0, n = 1 + at(rnd, 20); i < n && copy.length > 0; i++) copy[at(rnd, copy.length)] ^= 1 + at(rnd, 255);
    return copy;
  },
  truncate: (raw, rnd) => raw.subarray(0, at(rnd, raw.length + 1)),
  duplicateHeader: (raw, rnd) => {
    const headEnd = raw.indexOf('\n\n') > 0 ? raw.indexOf('\n\n') : raw.indexOf('\r\n\r\n');
    const lines = raw
      .subarray(0, headEnd < 0 ? raw.length : headEnd)
      .toString('latin1')
      .split('\n');
    const line = Buffer.from(`${lines[at(rnd, lines.length)].replace(/\r$/, '')}\r\n`, 'latin1');
    return insert(raw, 0, Buffer.concat(Array.from({ length: 1 + at(rnd, 200) }, () => line)));
  },
  corruptBoundary: (raw, rnd) => {
    const text = raw.toString('latin1');
    const boundary = /boundary="?([^";\r\n]+)/i.exec(text)?.[1];
    if (boundary === undefined) return MUTATIONS.flipBytes(raw, rnd);
    const choice = at(rnd, 3);
    const replaced =
      choice === 0
        ? text.replace(`--${boundary}--`, '') // the closing delimiter gone
        : choice === 1
          ? text.split(`--${boundary}`).join(`--${boundary.slice(0, -1)}`) // every delimiter wrong
          : text.replace(/boundary="?[^";\r\n]+"?/i, 'boundary=""'); // the parameter emptied
    return Buffer.from(replaced, 'latin1');
  },
  insertNuls: (raw, rnd) => insert(raw, at(rnd, raw.length + 1), Buffer.alloc(1 + at(rnd, 64), 0)),
  invalidUtf8: (raw, rnd) => {
    let out = raw;
    for (let i = 0, n = 1 + at(rnd, 10); i < n; i++)
      out = insert(out, at(rnd, out.length + 1), Buffer.from(INVALID_UTF8[at(rnd, INVALID_UTF8.length)]));
    return out;
  },
  dropHeaderEnd: (raw) => Buffer.from(raw.toString('latin1').replace(/\r?\n\r?\n/, '\n'), 'latin1'),
  lineEndings: (raw, rnd) => {
    const text = raw.toString('latin1');
    const choice = at(rnd, 3);
    const out =
      choice === 0
        ? text.replace(/\r\n/g, '\n')
        : choice === 1
          ? text.replace(/\r?\n/g, '\r\n')
          : text.replace(/\r?\n/g, '\r');
    return Buffer.from(out, 'latin1');
  },
  longHeader: (raw, rnd) => insert(raw, 0, Buffer.from(`X-Long: ${'a'.repeat(1 + at(rnd, 200_000))}\r\n`)),
  encodedWords: (raw) =>
    insert(raw, 0, Buffer.from('Subject: =?utf-8?B?////?= =?x-unknown?Q?=FF=00?= =?utf-8?Q?a=?=\r\n')),
};
const NAMES = Object.keys(MUTATIONS);

describe('parseEmail on real and broken messages', () => {
  const consoleSpies: ReturnType<typeof jest.spyOn>[] = [];
  beforeAll(() => {
    for (const method of ['log', 'info', 'warn', 'error', 'debug'] as const) {
      consoleSpies.push(jest.spyOn(console, method).mockImplementation(() => undefined));
    }
  });
  afterAll(() => consoleSpies.forEach((spy) => spy.mockRestore()));

  it('parses or refuses every fixture with a reason, silently, and keeps every promise', async () => {
    expect(FIXTURES.length).toBeGreaterThanOrEqual(140);
    const outcomes: Record<string, number> = {};
    const refusals: string[] = [];
    for (const { name, raw } of FIXTURES) {
      const outcome = await parseWithin(raw);
      expectSafe(outcome, raw);
      const key = outcome.ok ? 'ok' : outcome.refusal;
      outcomes[key] = (outcomes[key] ?? 0) + 1;
      if (!outcome.ok) refusals.push(`${name}: ${outcome.refusal}`);
    }
    // The one fixture without a header block: a digest part that starts with its body.
    expect(refusals).toEqual(['cpython/msg_19.txt: not_an_email']);
    expect(outcomes.ok).toBe(FIXTURES.length - 1);
    for (const spy of consoleSpies) expect(spy).not.toHaveBeenCalled();
  });

  it('survives 300 seeded mutations of the fixtures: never throws, always an outcome, no hang', async () => {
    const rnd = prng(20240305);
    const seen: Record<string, number> = {};
    for (let i = 0; i < 300; i++) {
      const fixture = FIXTURES[at(rnd, FIXTURES.length)];
      let raw: Buffer = fixture.raw;
      const applied: string[] = [];
      for (let j = 0, n = 1 + at(rnd, 3); j < n; j++) {
        const name = NAMES[at(rnd, NAMES.length)];
        applied.push(name);
        raw = MUTATIONS[name](raw, rnd);
      }
      const outcome = await parseWithin(raw).catch((error: unknown) => {
        throw new Error(`mutation ${i} (${applied.join('+')} of ${fixture.name}) threw: ${String(error)}`);
      });
      expectSafe(outcome, raw);
      const key = outcome.ok ? 'ok' : outcome.refusal;
      seen[key] = (seen[key] ?? 0) + 1;
    }
    expect(Object.values(seen).reduce((a, b) => a + b, 0)).toBe(300);
    // Most broken mail is still mail: the parser degrades, it does not give up.
    expect(seen.ok).toBeGreaterThan(150);
    for (const spy of consoleSpies) expect(spy).not.toHaveBeenCalled();
  });
});
