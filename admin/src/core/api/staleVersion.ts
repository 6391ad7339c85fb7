import { ApiError } from './ApiError';

/** A 409 on a save that sent `version`: someone else saved in between (or the record changed state). */
export function isStaleVersion(error: unknown): boolean {
  return error instanceof ApiError && error.status === 409;
}
