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
export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => ESCAPES[c]);
}

/** Marks trusted, already-escaped markup. Never pass user input here. */
export function raw(html: string): SafeHtml {
  return new SafeHtml(html);
}

const VOID_TAGS = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr']);

type Child = SafeHtml | string | number | boolean | null | undefined | Child[];
type Props = Record<string, unknown> & { children?: Child };
type Component = (props: Props) => SafeHtml;

function renderChildren(children: Child[], out: string[]) {
  for (const child of children) {
    if (child === null || child === undefined || child === false || child === true) continue;
    if (Array.isArray(child)) renderChildren(child, out);
    else if (child instanceof SafeHtml) out.push(child.html);
    else out.push(escapeHtml(String(child)));
  }
}

export function h(tag: string | Component, props: Props | null, ...children: Child[]): SafeHtml {
  if (typeof tag === 'function') return tag({ ...(props ?? {}), children: children.length === 1 ? children[0] : children });
  const out: string[] = ['<', tag];
  for (const [name, value] of Object.entries(props ?? {})) {
    if (value === null || value === undefined || value === false || name === 'children') continue;
    const attr = name === 'className' ? 'class' : name === 'htmlFor' ? 'for' : name;
    if (value === true) out.push(' ', attr);
    else out.push(' ', attr, '="', escapeHtml(String(value)), '"');
  }
  out.push('>');
  if (VOID_TAGS.has(tag)) return new SafeHtml(out.join(''));
  renderChildren(children, out);
  out.push('</', tag, '>');
  return new SafeHtml(out.join(''));
}

export function Fragment(props: Props): SafeHtml {
  const out: string[] = [];
  renderChildren([props.children ?? null], out);
  return new SafeHtml(out.join(''));
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
