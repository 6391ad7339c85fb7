import { describe, expect, it } from 'vitest';
import { htmlToText, sanitizeBody } from './sanitize-html.js';

/** Nothing that runs code, loads a foreign resource or restyles the page may survive. */
function expectInert(html: string) {
  const tags = [...html.matchAll(/<([a-zA-Z][a-zA-Z0-9]*)((?:\s+[^\s=>/]+(?:="[^"]*")?)*)\s*\/?>/g)];
  const allowed = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'p', 'br', 'hr', 'ul', 'ol', 'li', 'table', 'caption', 'thead', 'tbody',
    'tfoot', 'tr', 'th', 'td', 'strong', 'em', 'u', 's', 'sub', 'sup', 'blockquote', 'a', 'img', 'figure', 'figcaption']);
  for (const [, name, attrs] of tags) {
    expect(allowed.has(name), `tag <${name}>`).toBe(true);
    for (const [, attr, value = ''] of attrs.matchAll(/\s+([^\s=>/]+)(?:="([^"]*)")?/g)) {
      expect(['href', 'src', 'alt', 'title', 'rel', 'width', 'height', 'colspan', 'rowspan', 'scope', 'start'], `attribute ${attr}`).toContain(attr);
      if (attr === 'href') expect(value).toMatch(/^(https?:|mailto:|\/(?!\/)|[^:]*$)/i);
      if (attr === 'src') expect(value).toMatch(/^(\/(?!\/)|[^:/][^:]*$)/);
    }
  }
  // Every `<` left is a tag we checked, or escaped text.
  expect(html.replace(/<\/?[a-z0-9]+(?:\s+[^\s=>/]+(?:="[^"]*")?)*\s*\/?>/g, '')).not.toContain('<');
}

const XSS_VECTORS: [string, string][] = [
  ['script tag', '<p>a</p><script>alert(1)</script>'],
  ['script upper case', '<SCRIPT SRC=//evil.example/x.js></SCRIPT>'],
  ['script split by null', '<scr\u0000ipt>alert(1)</scr\u0000ipt>'],
  ['unclosed script', '<script>alert(1)'],
  ['onerror on img', '<img src="/files/abc" onerror="alert(1)">'],
  ['onclick on p', '<p onclick="alert(1)">x</p>'],
  ['onmouseover unquoted', '<a href="/a/1" onmouseover=alert(1)>x</a>'],
  ['handler with slash separator', '<img/src="/files/a"/onerror=alert(1)>'],
  ['body onload', '<body onload=alert(1)>x</body>'],
  ['javascript href', '<a href="javascript:alert(1)">x</a>'],
  ['javascript upper case', '<a href="JaVaScRiPt:alert(1)">x</a>'],
  ['javascript with leading space', '<a href="  javascript:alert(1)">x</a>'],
  ['javascript with tab inside', '<a href="java\tscript:alert(1)">x</a>'],
  ['javascript with newline inside', '<a href="java\nscript:alert(1)">x</a>'],
  ['javascript entity encoded', '<a href="&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1)">x</a>'],
  ['javascript hex entities', '<a href="&#x6A;avascript&#x3A;alert(1)">x</a>'],
  ['javascript entity tab', '<a href="jav&#x09;ascript:alert(1)">x</a>'],
  ['javascript named entity colon', '<a href="javascript&colon;alert(1)">x</a>'],
  ['vbscript', '<a href="vbscript:msgbox(1)">x</a>'],
  ['data url link', '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">x</a>'],
  ['data url image', '<img src="data:image/svg+xml;base64,PHN2Zz48L3N2Zz4=">'],
  ['data url image upper case', '<img src="DATA:image/png;base64,AAAA">'],
  ['javascript image', '<img src="javascript:alert(1)">'],
  ['remote image', '<img src="https://evil.example/track.gif">'],
  ['protocol-relative image', '<img src="//evil.example/track.gif">'],
  ['svg with script', '<svg><script>alert(1)</script></svg>'],
  ['svg onload', '<svg onload="alert(1)"><circle r="1"/></svg>'],
  ['svg animate href', '<svg><a xlink:href="javascript:alert(1)"><text>x</text></a></svg>'],
  ['math with href', '<math><mtext><a href="javascript:alert(1)">x</a></mtext></math>'],
  ['style attribute', '<p style="background:url(javascript:alert(1))">x</p>'],
  ['style expression', '<p style="width:expression(alert(1))">x</p>'],
  ['style element', '<style>body{display:none}</style><p>x</p>'],
  ['link stylesheet', '<link rel="stylesheet" href="https://evil.example/x.css">'],
  ['iframe', '<iframe src="https://evil.example"></iframe>'],
  ['iframe srcdoc', '<iframe srcdoc="<script>alert(1)</script>"></iframe>'],
  ['object', '<object data="https://evil.example/x.swf"></object>'],
  ['embed', '<embed src="https://evil.example/x.swf">'],
  ['form action', '<form action="https://evil.example"><input name="p"></form>'],
  ['button formaction', '<button formaction="javascript:alert(1)">x</button>'],
  ['meta refresh', '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">'],
  ['base href', '<base href="https://evil.example/">'],
  ['template', '<template><script>alert(1)</script></template>'],
  ['comment trick', '<!--<script>alert(1)</script>--><p>x</p>'],
  ['attribute breaking quote', '<a href="/a/1" title="x&quot; onclick=&quot;alert(1)">x</a>'],
  ['malformed nesting', '<p><a href="/a/1"<script>alert(1)</script>>x</a></p>'],
  ['noscript escape', '<noscript><p title="</noscript><img src=x onerror=alert(1)>"></noscript>'],
];

describe('sanitizeBody', () => {
  it.each(XSS_VECTORS)('neutralises %s', (_name, html) => {
    const clean = sanitizeBody(html);
    expectInert(clean);
    expect(sanitizeBody(clean)).toBe(clean);
  });

  it('keeps the formatting an editor needs', () => {
    const html = '<h2>一、总体要求</h2><p>正文<strong>加粗</strong><em>斜体</em><u>下划线</u>H<sub>2</sub>O m<sup>2</sup></p>'
      + '<ol start="3"><li>甲</li></ol><ul><li>乙</li></ul><blockquote>引文</blockquote>'
      + '<table><thead><tr><th colspan="2">表头</th></tr></thead><tbody><tr><td rowspan="2">1</td><td>2</td></tr></tbody></table>'
      + '<figure><img src="/files/0191aa00-0000-7000-8000-000000000001" alt="图"><figcaption>图一</figcaption></figure>';
    expect(sanitizeBody(html)).toBe(html.replace('alt="图">', 'alt="图" />'));
  });

  it('allows http, https, mailto and relative links and marks them rel=noopener', () => {
    expect(sanitizeBody('<a href="https://www.gov.cn/" target="_blank" rel="opener">国务院</a>')).toBe('<a href="https://www.gov.cn/" rel="noopener">国务院</a>');
    expect(sanitizeBody('<a href="mailto:jyj@example.cn">信箱</a>')).toBe('<a href="mailto:jyj@example.cn" rel="noopener">信箱</a>');
    expect(sanitizeBody('<a href="/a/123">相关</a>')).toBe('<a href="/a/123" rel="noopener">相关</a>');
    expect(sanitizeBody('<a href="ftp://x.example/">x</a>')).toBe('<a rel="noopener">x</a>');
  });

  it('drops non-numeric sizes and spans, and <b>/<i> become <strong>/<em>', () => {
    expect(sanitizeBody('<td colspan="2;x">a</td>')).not.toContain('colspan');
    expect(sanitizeBody('<table><tr><td colspan="2;x">a</td></tr></table>')).toBe('<table><tr><td>a</td></tr></table>');
    expect(sanitizeBody('<b>粗</b><i>斜</i>')).toBe('<strong>粗</strong><em>斜</em>');
  });

  it('keeps Moodle\'s test string as text: < > & &lt; &gt; &amp; \' \\\' 碁 \\ \\\\', () => {
    const text = '< > & &lt; &gt; &amp; \' \\\' 碁 \\ \\\\';
    const escaped = text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
    const clean = sanitizeBody(`<p>${escaped}</p>`);
    expect(clean).toBe(`<p>${escaped}</p>`);
    expect(htmlToText(clean)).toBe(text);
    expect(sanitizeBody(clean)).toBe(clean);
  });
});

describe('htmlToText', () => {
  it('ends a line at every block element and decodes entities', () => {
    const html = '<h2>一、总则</h2><p>第一段，\n  续行。</p><ul><li>甲</li><li>乙</li></ul><p>A &amp; B<br>下一行</p>'
      + '<table><tr><td>单元1</td><td>单元2</td></tr></table>';
    expect(htmlToText(html)).toBe('一、总则\n第一段， 续行。\n甲\n乙\nA & B\n下一行\n单元1 单元2');
  });

  it('keeps full-width spaces used for indentation and drops script text', () => {
    expect(htmlToText('<p>\u3000\u3000正文</p><script>var x = 1;</script>')).toBe('\u3000\u3000正文');
  });
});
