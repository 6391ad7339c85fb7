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
