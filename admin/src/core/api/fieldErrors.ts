import type { FormInstance } from 'antd';
import type { Lang } from '../i18n/lang';
import { ApiError } from './ApiError';
import { localized } from './problemText';

type NamePath = (string | number)[];

/** `roles/0/scopeId`, `roles.0.scopeId`, `roles[0].scopeId` and `/roles/0/scopeId` all become `['roles', 0, 'scopeId']`. */
export function toNamePath(field: string): NamePath {
  return field
    .split(/[./[\]]+/)
    .filter(Boolean)
    .map((part) => (/^\d+$/.test(part) ? Number(part) : part));
}

export interface AppliedFieldErrors {
  /** How many fields got an error message. */
  matched: number;
  /** Messages that matched no field of `knownFields`, to show elsewhere. */
  unmatched: string[];
}

/** A message of the form's own for a server error (by field and code), instead of the server's words. */
export type FieldErrorText = (field: string, code: string) => string | undefined;

/** Puts the server's per-field errors on the matching form fields. */
export function applyFieldErrors(
  form: FormInstance,
  error: unknown,
  lang: Lang,
  knownFields: readonly string[],
  ownText?: FieldErrorText,
): AppliedFieldErrors {
  if (!(error instanceof ApiError) || !error.problem?.errors?.length) return { matched: 0, unmatched: [] };
  const byField = new Map<string, { name: NamePath; errors: string[] }>();
  const unmatched: string[] = [];
  for (const item of error.problem.errors) {
    const text = ownText?.(item.field ?? '', item.code) ?? localized(item.message, lang) ?? item.code;
    const name = toNamePath(item.field ?? '');
    if (name.length === 0 || !knownFields.includes(String(name[0]))) {
      unmatched.push(text);
      continue;
    }
    const key = name.join('.');
    const entry = byField.get(key) ?? { name, errors: [] };
    entry.errors.push(text);
    byField.set(key, entry);
  }
  form.setFields([...byField.values()]);
  return { matched: byField.size, unmatched };
}
