import type { FormInstance } from 'antd';
import { useCallback, useState } from 'react';
import { applyFieldErrors } from './fieldErrors';
import { useProblemText } from './useProblemText';
import type { MessageKey } from '../i18n/catalogs';
import { useLang, useT } from '../i18n/useT';

/** The form's own message for a server field error (by field and code), when it has a more precise one. */
export type FieldErrorKey = (field: string, code: string) => MessageKey | undefined;

/**
 * Runs a form's save call: tracks the pending state and, on failure, puts the server's field errors on the
 * fields and the rest into `error` (a message to show above the form). `knownFields` and `ownKeys` must be
 * constants.
 */
export function useFormSubmit(form: FormInstance, knownFields: readonly string[], ownKeys?: FieldErrorKey) {
  const { lang } = useLang();
  const t = useT();
  const problemText = useProblemText();
  const [submitting, setSubmitting] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const run = useCallback(
    async <T>(action: () => Promise<T>): Promise<T | undefined> => {
    setSubmitting(true);
    setError(null);
    try {
      return await action();
    } catch (failure) {
      // When every reason sits on its field, the fields say it all; otherwise say it above the form too.
      const ownText = ownKeys
        ? (field: string, code: string) => {
            const key = ownKeys(field, code);
            return key ? t(key) : undefined;
          }
        : undefined;
      const { matched, unmatched } = applyFieldErrors(form, failure, lang, knownFields, ownText);
      setError(matched > 0 && unmatched.length === 0 ? null : [problemText(failure, false), ...unmatched].join(' '));
      return undefined;
    } finally {
      setSubmitting(false);
    }
    },
    [form, knownFields, ownKeys, lang, problemText, t],
  );
  const clearError = useCallback(() => setError(null), []);

  return { run, submitting, error, clearError };
}
