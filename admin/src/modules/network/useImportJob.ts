import { useCallback, useEffect, useState } from 'react';
import { isAbortError } from '../../core/api/ApiError';
import { importApi } from './importApi';
import { isBusy, type ImportJob, type ImportSummary } from './importTypes';

/** How often a running import is asked for its progress. */
export const POLL_MS = 500;

/**
 * The import job being worked on: set it from an upload or commit answer, and while it is validating or
 * committing it is polled every ~500 ms until it settles. A failed poll is kept in `error` and polling stops.
 */
export function useImportJob() {
  const [job, setJob] = useState<ImportJob | null>(null);
  const [error, setError] = useState<unknown>(null);
  const busy = job !== null && isBusy(job.status);
  const id = job?.id;

  useEffect(() => {
    if (!busy || !id) return;
    const controller = new AbortController();
    const timer = window.setTimeout(() => {
      importApi.get(id, controller.signal).then(setJob, (failure: unknown) => {
        if (!isAbortError(failure) && !controller.signal.aborted) setError(failure);
      });
    }, POLL_MS);
    return () => {
      window.clearTimeout(timer);
      controller.abort();
    };
  }, [busy, id, job]);

  /** Upload and commit answer with the job's summary only: its errors come with the next poll. */
  const start = useCallback((next: ImportSummary & { errors?: ImportJob['errors'] } | null) => {
    setError(null);
    setJob(next ? { ...next, errors: next.errors ?? [] } : null);
  }, []);

  return { job, error, start };
}
