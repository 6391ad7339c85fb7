import sanitizeHtml from 'sanitize-html';

/**
 * The allowlist every stored HTML body goes through (on save, on import, in the demo generator): what an
 * editor may format — headings, paragraphs, lists, tables, emphasis, quotes, links, our own images, figures —
 * and nothing that can run code or restyle the page. Anything else is dropped, keeping its text (for a
 * handful of tags whose content is never text, such as script, style and svg, the content goes too).
 */
const ALLOWED_TAGS = [
  'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'p', 'br', 'hr',
  'ul', 'ol', 'li',
  'table', 'caption', 'thead', 'tbody', 'tfoot', 'tr', 'th', 'td',
  'strong', 'em', 'u', 's', 'sub', 'sup', 'blockquote',
  'a', 'img', 'figure', 'figcaption',
];

/** Only our own files: `/files/<id>` or another relative URL; never a remote host, `data:` or `javascript:`. */
function isOwnImageSource(src: string): boolean {
  const trimmed = src.trim();
  if (trimmed === '' || trimmed.startsWith('//') || trimmed.startsWith('\\')) return false;
  // A scheme (anything before the first ':' that comes before any '/', '?' or '#') makes it absolute.
  return !/^[^/?#]*:/.test(trimmed);
}

const BODY_OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: ALLOWED_TAGS,
  allowedAttributes: {
    a: ['href', 'title', 'rel'],
    img: ['src', 'alt', 'title', 'width', 'height'],
    td: ['colspan', 'rowspan'],
    th: ['colspan', 'rowspan', 'scope'],
    ol: ['start'],
  },
  allowedSchemes: ['http', 'https', 'mailto'],
  // Images: relative only (our /files/<id>); sanitize-html treats a URL without scheme as relative.
  allowedSchemesByTag: { img: [] },
  allowedSchemesAppliedToAttributes: ['href', 'src'],
  allowProtocolRelative: false,
  disallowedTagsMode: 'discard',
  // Content of these never reaches the page, not even as text.
  nonTextTags: ['script', 'style', 'textarea', 'option', 'noscript', 'svg', 'math', 'iframe', 'object', 'embed', 'template', 'title', 'head'],
  transformTags: {
    b: 'strong',
    i: 'em',
    strike: 's',
    // Links never give the opened page a handle on ours; the editor's own rel is replaced.
    a: (tagName, attribs) => ({ tagName, attribs: { ...attribs, rel: 'noopener' } }),
  },
  exclusiveFilter: (frame) =>
    (frame.tag === 'img' && !isOwnImageSource(frame.attribs.src ?? ''))
    || (frame.tag === 'a' && !frame.attribs.href && !frame.text.trim()),
  // Numbers only for sizes and spans: nothing an attacker can smuggle a unit or expression through.
  allowedClasses: {},
  allowedStyles: {},
  parser: { lowerCaseTags: true, lowerCaseAttributeNames: true, decodeEntities: true },
};

const NUMERIC_ATTRIBUTES = new Set(['width', 'height', 'colspan', 'rowspan', 'start']);

/** Sanitises an HTML body with the allowlist; idempotent, so sanitising stored HTML again changes nothing. */
export function sanitizeBody(html: string): string {
  const clean = sanitizeHtml(html, {
    ...BODY_OPTIONS,
    transformTags: {
      ...BODY_OPTIONS.transformTags,
      '*': (tagName, attribs) => ({ tagName, attribs: numericOnly(attribs) }),
    },
  });
  return clean.trim();
}

function numericOnly(attribs: sanitizeHtml.Attributes): sanitizeHtml.Attributes {
  const out: sanitizeHtml.Attributes = {};
  for (const [name, value] of Object.entries(attribs)) {
    if (NUMERIC_ATTRIBUTES.has(name) && !/^\d{1,4}$/.test(value.trim())) continue;
    out[name] = value;
  }
  return out;
}

const BLOCK_END = /<\/(?:p|h[1-6]|li|tr|blockquote|figure|figcaption|caption|table|ul|ol)>|<br\s*\/?>|<hr\s*\/?>/g;
const CELL_END = /<\/(?:td|th)>/g;

/**
 * Plain text of an HTML body: block elements end a line, table cells are separated by a space, entities
 * are decoded. Summaries, similarity and the search index read it.
 */
export function htmlToText(html: string): string {
  // Sanitised output is well formed and escapes only & < > (and " inside attributes), so after it a tag is
  // exactly `<…>` and four entities are all that is left to decode.
  const clean = sanitizeBody(html)
    .replace(/[ \t\r\n\f]+/g, ' ')
    .replace(BLOCK_END, '\n')
    .replace(CELL_END, ' ')
    .replace(/<[^>]*>/g, '')
    .replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&');
  // Only ASCII spaces are trimmed: full-width spaces (U+3000) indent Chinese paragraphs on purpose.
  return clean.split('\n').map((line) => line.replace(/ {2,}/g, ' ').replace(/^ +| +$/g, '')).filter((line) => line !== '').join('\n');
}
