import { describe, expect, it } from '@jest/globals';
import { htmlToText } from './html-text.js';

describe('htmlToText', () => {
  it('drops scripts, styles, comments and handlers with their content, keeping the words', () => {
    const html = `<!DOCTYPE html><html><head><title>Ignored</title>
      <style type="text/css">p { color: red } .x:before { content: "styled" }</style>
      <script>document.write("scripted"); if (a < b && c > d) alert(1)</script></head>
      <body onload="steal()"><!-- a comment with <b>tags</b> -->
      <p onclick="alert('x')">Hola <b>mundo</b></p><img src=x onerror="alert(1)">
      <a href="javascript:alert(1)" title="a > b">click</a><SCRIPT type=module>evil()</SCRIPT >
      <svg><script>svgEvil()</script><text>drawn</text></svg><noscript>no js</noscript></body></html>`;
    const text = htmlToText(html);
    expect(text).toBe('Hola mundo\nclick no js');
    for (const word of ['Ignored', 'styled', 'scripted', 'alert', 'steal', 'comment', 'evil', 'drawn', '<', '>']) {
      expect(text).not.toContain(word);
    }
  });

  it('decodes entities once, named, decimal and hex, and leaves unknown ones as written', () => {
    expect(htmlToText('<p>caf&eacute; &amp;lt; &#8364;5 &#x41;&#65; &Ntilde;and&uacute; &bogus; &nbsp;x&#0;</p>')).toBe(
      'café &lt; €5 AA Ñandú &bogus; x\ufffd',
    );
    // An encoded tag is text a person reads, not markup: it comes out as the characters.
    expect(htmlToText('&lt;script&gt;alert(1)&lt;/script&gt;')).toBe('<script>alert(1)</script>');
  });

  it('collapses whitespace like a browser and breaks lines at blocks', () => {
    const html = '<div>  one\n\n  two </div><p>three</p><br><br><br><br><table><tr><td>a</td><td>b</td></tr></table>';
    expect(htmlToText(html)).toBe('one two\n\nthree\n\na b');
  });

  it('treats a lone < as text and survives markup that never ends', () => {
    expect(htmlToText('1 < 2 and 3 > 2')).toBe('1 < 2 and 3 > 2');
    expect(htmlToText('before<!-- never closed')).toBe('before');
    expect(htmlToText('before<a title="never closed>after')).toBe('before');
    expect(htmlToText('before<script>never closed')).toBe('before');
    expect(htmlToText("<p class=a'b>quote in an unquoted value</p>")).toBe('quote in an unquoted value');
    expect(htmlToText('')).toBe('');
  });

  it('stays linear on hostile input', () => {
    const hostile = '<a '.repeat(50_000) + '<!--'.repeat(50_000) + '&'.repeat(50_000) + '<script>'.repeat(20_000);
    const started = Date.now();
    htmlToText(hostile);
    htmlToText('<div>'.repeat(100_000) + 'deep' + '</div>'.repeat(100_000));
    // Generous: a quadratic pass over these would take minutes, a linear one milliseconds.
    expect(Date.now() - started).toBeLessThan(5_000);
  });
});
