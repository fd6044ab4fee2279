import { describe, expect, it } from '@jest/globals';
import { stripHtml } from './strip-html.js';

describe('stripHtml', () => {
  it('removes scripts with their content, and every tag', () => {
    expect(stripHtml('Parse <b>invoice</b><script>alert(1)</script> page 2')).toBe('Parse invoice page 2');
    expect(stripHtml('<img src=x onerror=alert(1)>done')).toBe('done');
    expect(stripHtml('<style>body{}</style><!-- note -->text')).toBe('text');
  });

  it('removes an unclosed tag or script to the end', () => {
    expect(stripHtml('ok <img src=x onerror=alert(1)')).toBe('ok');
    expect(stripHtml('ok <script>alert(1)')).toBe('ok');
  });

  it('cannot be tricked into assembling a tag from pieces', () => {
    expect(stripHtml('<scr<b>ipt>alert(1)</scr</b>ipt>')).not.toMatch(/<\s*script/i);
  });

  it('keeps plain text verbatim, comparisons and entities included', () => {
    expect(stripHtml(`R&D: a < b, b > c; it's "quoted"; DROP TABLE robots;--`)).toBe(
      `R&D: a < b, b > c; it's "quoted"; DROP TABLE robots;--`,
    );
  });
});
