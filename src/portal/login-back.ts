import { safeBackPath } from './portal-context.js';

const AFTER_LOGIN = '/account';

/**
 * Where the login form sends a person once they are in: the page that asked them to log in, when `back` is a
 * same-site path; otherwise their account. Absolute URLs, `//host`, `/\host`, control characters and anything
 * outside printable ASCII (a browser sends paths percent-encoded; raw text would not fit a Location header) are
 * all refused, and so are the login and sign-up pages themselves.
 */
export function afterLoginPath(back: unknown): string {
  if (typeof back !== 'string' || !/^[\x21-\x7e]+$/.test(back)) return AFTER_LOGIN;
  if (safeBackPath(back) !== back || /^\/(login|register)(?:[/?#]|$)/.test(back)) return AFTER_LOGIN;
  return back;
}

/** The link for pages that ask a visitor to log in first, so they come back to the same page. */
export function loginHref(currentPath: string): string {
  return `/login?back=${encodeURIComponent(currentPath)}`;
}
