import type { FormRule as Rule } from 'antd';
import type { MessageKey } from '../../core/i18n/catalogs';
import type { TFunction } from '../../core/i18n/I18nProvider';
import { idNumberProblem, normalizeIdNumber, type IdNumberProblem } from './idNumber';
import type { FieldErrorKey } from '../../core/api/useFormSubmit';

const ID_NUMBER_TEXT: Record<IdNumberProblem | 'taken', MessageKey> = {
  format: 'users.idNumber.format',
  birth_date: 'users.idNumber.birthDate',
  checksum: 'users.idNumber.checksum',
  taken: 'users.idNumber.taken',
};

/** As typed: spaces dropped, `x` shown as `X`. */
export function normalizeIdNumberInput(value: unknown): string {
  return typeof value === 'string' ? normalizeIdNumber(value) : '';
}

/**
 * Checks an (optional) ID number as the server will: format, birth date, GB 11643 check digit. While typing,
 * only a complete number (18 characters) is judged; leaving the field or saving judges whatever is there.
 */
export function idNumberRules(t: TFunction): Rule[] {
  const check = (value: string | undefined, whileTyping: boolean) => {
    const normalized = normalizeIdNumber(value ?? '');
    if (normalized === '' || (whileTyping && normalized.length < 18)) return;
    const problem = idNumberProblem(normalized);
    if (problem) throw new Error(t(ID_NUMBER_TEXT[problem]));
  };
  return [
    { validateTrigger: 'onChange', validator: async (_, value: string | undefined) => check(value, true) },
    { validateTrigger: 'onBlur', validator: async (_, value: string | undefined) => check(value, false) },
  ];
}

/** The server's ID-number codes (`format`, `birth_date`, `checksum`, `taken`) in this form's own words. */
export const personalFieldErrorKey: FieldErrorKey = (field, code) =>
  field === 'idNumber' && code in ID_NUMBER_TEXT ? ID_NUMBER_TEXT[code as keyof typeof ID_NUMBER_TEXT] : undefined;
