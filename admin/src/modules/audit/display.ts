/** Long ids (UUIDs) are cut to their first 8 characters for the table; the detail row shows them whole. */
export function shortId(id: string): string {
  return id.length > 12 ? `${id.slice(0, 8)}…` : id;
}

export function targetText(entry: { targetType: string | null; targetId: unknown }): string {
  if (!entry.targetType) return '';
  return entry.targetId === null || entry.targetId === undefined
    ? entry.targetType
    : `${entry.targetType} #${String(entry.targetId)}`;
}

/** A scope as the audit API gives it: a name, an object with a name, or nothing. */
export function scopeText(scope: unknown): string {
  if (scope === null || scope === undefined || scope === '') return '';
  if (typeof scope === 'string' || typeof scope === 'number') return String(scope);
  if (typeof scope === 'object') {
    const s = scope as { name?: unknown; type?: unknown; id?: unknown };
    if (typeof s.name === 'string' && s.name) return s.name;
    if (s.type !== undefined) return `${String(s.type)}${s.id !== undefined && s.id !== null ? `:${String(s.id)}` : ''}`;
  }
  return JSON.stringify(scope);
}
