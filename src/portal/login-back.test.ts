import { describe, expect, it } from 'vitest';
import { afterLoginPath, loginHref } from './login-back.js';

describe('afterLoginPath', () => {
  it('returns to a same-site page, query included', () => {
    expect(afterLoginPath('/surveys/abc')).toBe('/surveys/abc');
    expect(afterLoginPath('/classes?town=329901101000&seats=1')).toBe('/classes?town=329901101000&seats=1');
    expect(afterLoginPath('/c/notices/%E9%80%9A%E7%9F%A5')).toBe('/c/notices/%E9%80%9A%E7%9F%A5');
  });

  it.each([
    ['an absolute URL', 'https://evil.example/'],
    ['a scheme-relative URL', '//evil.example'],
    ['a backslash after the slash', '/\\evil.example'],
    ['javascript:', 'javascript:alert(1)'],
    ['a relative path', 'surveys/abc'],
    ['a tab that browsers strip', '/\t/evil.example'],
    ['a newline (header injection)', '/a\r\nSet-Cookie: x=1'],
    ['raw non-ASCII text', '/课程'],
    ['an empty value', ''],
    ['the login page itself', '/login?back=/x'],
    ['the sign-up page', '/register'],
  ])('refuses %s and goes to the account page', (_, back) => {
    expect(afterLoginPath(back)).toBe('/account');
  });

  it('goes to the account page when there is no back at all', () => {
    expect(afterLoginPath(undefined)).toBe('/account');
    expect(afterLoginPath(['/a', '/b'])).toBe('/account');
  });
});

describe('loginHref', () => {
  it('carries the current path, encoded, and round-trips through afterLoginPath', () => {
    const href = loginHref('/classes/abc?x=1&y=2');
    expect(href).toBe('/login?back=%2Fclasses%2Fabc%3Fx%3D1%26y%3D2');
    const back = new URL(href, 'http://localhost').searchParams.get('back');
    expect(afterLoginPath(back)).toBe('/classes/abc?x=1&y=2');
  });
});
