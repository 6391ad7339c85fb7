import { ApiError } from './ApiError';
import type { Problem } from './types';

export const API_BASE = '/api/v1';

type QueryValue = string | number | boolean | null | undefined;
export type Query = Record<string, QueryValue>;

export interface RequestOptions {
  query?: Query;
  body?: unknown;
  signal?: AbortSignal;
  /**
   * Whether a 401 answer ends the session in the UI (redirect to login). Off for calls where 401 means
   * "wrong credentials" rather than "not signed in".
   */
  sessionGuard?: boolean;
}

// The CSRF token lives in memory only; it comes from the login and /auth/me answers.
let csrfToken: string | null = null;
let unauthorizedHandler: (() => void) | null = null;

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

export function setUnauthorizedHandler(handler: (() => void) | null): void {
  unauthorizedHandler = handler;
}

function buildUrl(path: string, query?: Query): string {
  const url = `${API_BASE}${path}`;
  if (!query) return url;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    params.set(key, String(value));
  }
  const qs = params.toString();
  return qs ? `${url}?${qs}` : url;
}

function asProblem(value: unknown): Problem | null {
  return value && typeof value === 'object' ? (value as Problem) : null;
}

async function readBody(response: Response): Promise<unknown> {
  if (response.status === 204) return undefined;
  const type = response.headers.get('content-type') ?? '';
  if (!type.includes('json')) return undefined;
  try {
    return await response.json();
  } catch {
    return undefined;
  }
}

export async function request<T>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
  const { query, body, signal, sessionGuard = true } = options;
  const headers: Record<string, string> = { Accept: 'application/json' };
  const init: RequestInit = { method, headers, signal, credentials: 'same-origin', cache: 'no-store' };

  if (method !== 'GET' && method !== 'HEAD') {
    if (csrfToken) headers['X-CSRF-Token'] = csrfToken;
    if (body instanceof FormData) {
      // Uploads (multipart): the browser sets the content type with its boundary.
      init.body = body;
    } else {
      headers['Content-Type'] = 'application/json';
      // Always send a JSON body: a JSON content type with an empty body is a 400 on the server.
      init.body = JSON.stringify(body ?? {});
    }
  }

  let response: Response;
  try {
    response = await fetch(buildUrl(path, query), init);
  } catch (error) {
    if (signal?.aborted) throw error;
    throw new ApiError(0, null, error instanceof Error ? error.message : 'network error');
  }

  const data = await readBody(response);
  if (!response.ok) {
    if (response.status === 401 && sessionGuard) unauthorizedHandler?.();
    throw new ApiError(response.status, asProblem(data));
  }
  return data as T;
}

export const api = {
  get: <T>(path: string, options?: Omit<RequestOptions, 'body'>) => request<T>('GET', path, options),
  post: <T>(path: string, body?: unknown, options?: RequestOptions) => request<T>('POST', path, { ...options, body }),
  put: <T>(path: string, body?: unknown, options?: RequestOptions) => request<T>('PUT', path, { ...options, body }),
  patch: <T>(path: string, body?: unknown, options?: RequestOptions) => request<T>('PATCH', path, { ...options, body }),
  delete: <T>(path: string, options?: RequestOptions) => request<T>('DELETE', path, options),
};
