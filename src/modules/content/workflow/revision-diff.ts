import { diffLines, diffWords, type ChangeObject } from 'diff';
import type { ContentRevisionsTable } from '../content-schema.js';
import { htmlToText } from '../items/sanitize-html.js';
import { parseRevisionFields } from '../items/item-snapshot.js';

export interface Segment { type: 'added' | 'removed' | 'unchanged'; text: string }
export interface FieldChange { field: string; from: unknown; to: unknown }

// Chinese has no spaces between words: the ICU word segmenter splits 社区教育工作 into words, so a change
// reads as a replaced word rather than a scatter of characters.
const segmenter = new Intl.Segmenter('zh', { granularity: 'word' });
const DIFF_TIMEOUT_MS = 300;

function toSegments(changes: ChangeObject<string>[]): Segment[] {
  const out: Segment[] = [];
  for (const c of changes) {
    const type = c.added ? 'added' : c.removed ? 'removed' : 'unchanged';
    const last = out[out.length - 1];
    if (last && last.type === type) last.text += c.value;
    else if (c.value !== '') out.push({ type, text: c.value });
  }
  return out;
}

/** Word-level differences; on very different long texts (the word diff gives up) line-level ones. */
export function textDiff(from: string, to: string): Segment[] {
  const words = diffWords(from, to, { intlSegmenter: segmenter, timeout: DIFF_TIMEOUT_MS });
  return toSegments(words ?? diffLines(from, to));
}

const camel = (key: string) => key.replace(/_([a-z])/g, (_m, c: string) => c.toUpperCase());

/** Every field besides title, summary and body whose value differs, official-document fields as `official.<name>`. */
function fieldChanges(from: ContentRevisionsTable, to: ContentRevisionsTable): FieldChange[] {
  const a = parseRevisionFields(from.fields_json);
  const b = parseRevisionFields(to.fields_json);
  const changes: FieldChange[] = [];
  const compare = (prefix: string, x: Record<string, unknown> | null, y: Record<string, unknown> | null) => {
    for (const key of new Set([...Object.keys(x ?? {}), ...Object.keys(y ?? {})])) {
      const before = x?.[key] ?? null;
      const after = y?.[key] ?? null;
      if (JSON.stringify(before) !== JSON.stringify(after)) changes.push({ field: prefix + camel(key), from: before, to: after });
    }
  };
  compare('', a.item as unknown as Record<string, unknown>, b.item as unknown as Record<string, unknown>);
  compare('official.', a.official as unknown as Record<string, unknown> | null, b.official as unknown as Record<string, unknown> | null);
  return changes;
}

/** What changed from one revision to another, for the reviewer. */
export function diffRevisions(from: ContentRevisionsTable, to: ContentRevisionsTable) {
  return {
    from: Number(from.revision),
    to: Number(to.revision),
    title: textDiff(from.title, to.title),
    summary: textDiff(from.summary ?? '', to.summary ?? ''),
    body: textDiff(htmlToText(from.body_html), htmlToText(to.body_html)),
    fields: fieldChanges(from, to),
  };
}
