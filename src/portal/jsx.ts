/**
 * A tiny JSX runtime that renders straight to HTML strings on the server. Text and attribute values
 * are escaped; only SafeHtml (from raw() or another element) passes through unescaped.
 */
export class SafeHtml {
  constructor(public readonly html: string) {}
  toString(): string {
    return this.html;
  }
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const NEEDS_ESCAPE = /[&<>"']/;
export function escapeHtml(value: string): string {
  // Most text has nothing to escape: test once instead of always running the replacement.
  return NEEDS_ESCAPE.test(value) ? value.replace(/[&<>"']/g, (c) => ESCAPES[c]) : value;
}

/** Marks trusted, already-escaped markup. Never pass user input here. */
export function raw(html: string): SafeHtml {
  return new SafeHtml(html);
}

const VOID_TAGS = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr']);

type Child = SafeHtml | string | number | boolean | null | undefined | Child[];
type Props = Record<string, unknown> & { children?: Child };
type Component = (props: Props) => SafeHtml;

// Plain string concatenation: V8 builds ropes, so nesting does not copy the markup below at every level.
function renderChildren(children: Child[]): string {
  let html = '';
  for (const child of children) {
    if (child === null || child === undefined || child === false || child === true) continue;
    if (child instanceof SafeHtml) html += child.html;
    else if (Array.isArray(child)) html += renderChildren(child);
    else html += escapeHtml(String(child));
  }
  return html;
}

export function h(tag: string | Component, props: Props | null, ...children: Child[]): SafeHtml {
  if (typeof tag === 'function') return tag({ ...(props ?? {}), children: children.length === 1 ? children[0] : children });
  let html = '<' + tag;
  if (props) {
    for (const name in props) {
      const value = props[name];
      if (value === null || value === undefined || value === false || name === 'children') continue;
      const attr = name === 'className' ? 'class' : name === 'htmlFor' ? 'for' : name;
      html += value === true ? ' ' + attr : ' ' + attr + '="' + escapeHtml(String(value)) + '"';
    }
  }
  html += '>';
  if (VOID_TAGS.has(tag)) return new SafeHtml(html);
  return new SafeHtml(html + renderChildren(children) + '</' + tag + '>');
}

export function Fragment(props: Props): SafeHtml {
  return new SafeHtml(renderChildren([props.children ?? null]));
}

declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace JSX {
    type Element = SafeHtml;
    interface IntrinsicElements {
      [tag: string]: Record<string, unknown>;
    }
    interface ElementChildrenAttribute {
      children: unknown;
    }
  }
}
