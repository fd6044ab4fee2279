import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { splitMbox, type MboxEntry } from './mbox.js';

async function* chunksOf(data: Buffer, size: number): AsyncGenerator<Buffer> {
  for (let i = 0; i < data.length; i += size) yield data.subarray(i, i + size);
}

async function split(data: Buffer, max: number, chunkSize = data.length || 1): Promise<MboxEntry[]> {
  const entries: MboxEntry[] = [];
  for await (const entry of splitMbox(chunksOf(data, chunkSize), max)) entries.push(entry);
  return entries;
}

const text = (entry: MboxEntry) => ('raw' in entry ? entry.raw.toString('latin1') : entry);

const MBOX = Buffer.from(
  [
    'From alice@example.com Mon Mar  4 10:00:00 2024\n',
    'From: alice@example.com\nSubject: one\n\n',
    'First body line.\n',
    '>From the start of a line, escaped once.\n',
    '>>From escaped twice.\n',
    '> From is a quote, not an escape.\n',
    '\n',
    'From the team, a paragraph after a blank line that nobody escaped.\n',
    '\n',
    'From - Tue Mar  5 11:00:00 2024\r\n',
    'From: bob@example.com\r\nSubject: two\r\n\r\nA CRLF message.\r\n',
    '\r\n',
    'From big@example.com Wed Mar  6 12:00:00 2024\n',
    `From: big@example.com\nSubject: three\n\n${'x'.repeat(5000)}\n`,
    '\n',
    'From carol@example.com Thu Mar  7 13:00:00 2024\n',
    'From: carol@example.com\nSubject: four\n\nLast one, no newline at the end',
  ].join(''),
  'latin1',
);

describe('splitMbox', () => {
  it('splits on From lines, undoes >From escaping, keeps CRLF, and reports a message over the cap', async () => {
    const entries = await split(MBOX, 1000);
    expect(entries.map(text)).toEqual([
      'From: alice@example.com\nSubject: one\n\nFirst body line.\nFrom the start of a line, escaped once.\n' +
        '>From escaped twice.\n> From is a quote, not an escape.\n\n' +
        'From the team, a paragraph after a blank line that nobody escaped.\n',
      'From: bob@example.com\r\nSubject: two\r\n\r\nA CRLF message.\r\n',
      { index: 2, tooLarge: true, size: expect.any(Number) },
      'From: carol@example.com\nSubject: four\n\nLast one, no newline at the end',
    ]);
    expect(entries.map((e) => e.index)).toEqual([0, 1, 2, 3]);
    expect((entries[2] as { size: number }).size).toBeGreaterThan(5000);
  });

  it('gives the same messages however the stream is chunked', async () => {
    const whole = (await split(MBOX, 1000)).map(text);
    for (const size of [1, 2, 3, 7, 64, 1000]) expect((await split(MBOX, 1000, size)).map(text)).toEqual(whole);
  });

  it('passes a line longer than any separator through as it streams, and answers nothing for empty input', async () => {
    const long = `From a@b Mon Mar  4 10:00:00 2024\nSubject: long\n\n${'y'.repeat(10_000)}\n>From still unescaped after it\n`;
    const [entry] = await split(Buffer.from(long), 100_000, 333);
    expect(text(entry)).toBe(`Subject: long\n\n${'y'.repeat(10_000)}\nFrom still unescaped after it\n`);
    expect(await split(Buffer.alloc(0), 1000)).toEqual([]);
  });

  it('gives back every mikel/mail fixture byte for byte from an mboxrd file of them all', async () => {
    const dir = 'test/fixtures/mime/mikel-mail';
    const files = readdirSync(dir, { recursive: true, encoding: 'utf8' })
      .filter((name) => name.endsWith('.eml') && statSync(join(dir, name)).isFile())
      .sort();
    const originals = files.map((name) => {
      const raw = readFileSync(join(dir, name));
      // An mbox message ends with a newline before the blank separator line.
      return raw.length > 0 && raw[raw.length - 1] === 0x0a ? raw : Buffer.concat([raw, Buffer.from('\n')]);
    });
    const mbox = Buffer.concat(
      originals.flatMap((raw) => [
        Buffer.from('From MAILER-DAEMON Fri Jul  8 12:08:34 2011\n'),
        Buffer.from(raw.toString('latin1').replace(/^(>*From )/gm, '>$1'), 'latin1'),
        Buffer.from('\n'),
      ]),
    );
    const entries = await split(mbox, 1024 * 1024, 4096);
    expect(entries).toHaveLength(originals.length);
    entries.forEach((entry, i) => {
      expect('raw' in entry && entry.raw.equals(originals[i])).toBe(true);
    });
  });
});
