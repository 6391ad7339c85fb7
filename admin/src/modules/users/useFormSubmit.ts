import type { FormInstance } from 'antd';
import { useCallback, useState } from 'react';
import { applyFieldErrors } from '../../core/api/fieldErrors';
import { useProblemText } from '../../core/api/useProblemText';
import { useLang } from '../../core/i18n/useT';

/**
 * Runs a form's save call: tracks the pending state and, on failure, puts the server's field errors on the
 * fields and the rest into `error` (a message to show above the form). `knownFields` must be a constant.
 */
export function useFormSubmit(form: FormInstance, knownFields: readonly string[]) {
  const { lang } = useLang();
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
      const { matched, unmatched } = applyFieldErrors(form, failure, lang, knownFields);
      setError(matched > 0 && unmatched.length === 0 ? null : [problemText(failure, false), ...unmatched].join(' '));
      return undefined;
    } finally {
      setSubmitting(false);
    }
    },
    [form, knownFields, lang, problemText],
  );
  const clearError = useCallback(() => setError(null), []);

  return { run, submitting, error, clearError };
}
