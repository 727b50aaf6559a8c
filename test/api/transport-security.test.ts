import { afterAll, describe, expect, it } from 'vitest';
import { createTestApp, TEST_PASSWORD, type TestApp } from '../helpers/test-app.ts';

/**
 * The session cookie's Secure flag and Strict-Transport-Security, as a browser receives them: from a public HTTPS
 * address, over HTTPS a trusted proxy vouches for, and never on plain local HTTP (where a Secure cookie would not
 * come back and sign-in would fail).
 */
const apps: TestApp[] = [];
afterAll(async () => {
  for (const app of apps) await app.close();
});

interface Signed {
  cookie: string;
  hsts: string | undefined;
}

/** A Baton with `env`, one member, and a sign-in sent with `headers` from `remoteAddress`. */
async function signIn(
  env: Record<string, string>,
  request: { headers?: Record<string, string>; remoteAddress?: string } = {},
): Promise<Signed> {
  const t = await createTestApp(env);
  apps.push(t);
  const { email } = await t.user(await t.workspace('acme'), 'admin');
  const res = await t.inject({
    method: 'POST',
    url: '/api/v1/session',
    payload: { email, password: TEST_PASSWORD },
    headers: request.headers,
    remoteAddress: request.remoteAddress,
  });
  expect(res.statusCode, res.body).toBe(204);
  const hsts = res.headers['strict-transport-security'];
  return { cookie: String(res.headers['set-cookie']), hsts: typeof hsts === 'string' ? hsts : undefined };
}

const secure = (cookie: string) => /;\s*Secure(;|$)/i.test(cookie);

describe('session cookie and HSTS', () => {
  it('on plain local HTTP: a cookie without Secure, no HSTS', async () => {
    const { cookie, hsts } = await signIn({});
    expect(cookie).toMatch(/^baton_session=[^;]+;.*HttpOnly/);
    expect(secure(cookie)).toBe(false);
    expect(hsts).toBeUndefined();
  });

  it('with an https:// BATON_PUBLIC_URL: Secure and HSTS, even on a request that says nothing of HTTPS', async () => {
    const { cookie, hsts } = await signIn({ BATON_PUBLIC_URL: 'https://baton.example.com' });
    expect(secure(cookie)).toBe(true);
    expect(hsts).toMatch(/max-age=\d+/);
  });

  it('an http:// BATON_PUBLIC_URL turns on neither', async () => {
    const { cookie, hsts } = await signIn({ BATON_PUBLIC_URL: 'http://baton.lan:3000' });
    expect(secure(cookie)).toBe(false);
    expect(hsts).toBeUndefined();
  });

  it('behind a proxy on this machine (trusted by default), X-Forwarded-Proto: https makes the cookie Secure', async () => {
    const { cookie, hsts } = await signIn(
      {},
      { headers: { 'x-forwarded-proto': 'https' }, remoteAddress: '127.0.0.1' },
    );
    expect(secure(cookie)).toBe(true);
    expect(hsts).toBeUndefined();
  });

  it('X-Forwarded-Proto from a peer that is not trusted is not believed', async () => {
    expect(
      secure((await signIn({}, { headers: { 'x-forwarded-proto': 'https' }, remoteAddress: '203.0.113.7' })).cookie),
    ).toBe(false);
    expect(
      secure(
        (
          await signIn(
            { BATON_TRUST_PROXY: 'false' },
            { headers: { 'x-forwarded-proto': 'https' }, remoteAddress: '127.0.0.1' },
          )
        ).cookie,
      ),
    ).toBe(false);
  });

  it('BATON_TRUST_PROXY names the proxies believed: a subnet', async () => {
    const env = { BATON_TRUST_PROXY: '10.0.0.0/8' };
    expect(
      secure((await signIn(env, { headers: { 'x-forwarded-proto': 'https' }, remoteAddress: '10.1.2.3' })).cookie),
    ).toBe(true);
    expect(
      secure((await signIn(env, { headers: { 'x-forwarded-proto': 'https' }, remoteAddress: '127.0.0.1' })).cookie),
    ).toBe(false);
  });

  it('BATON_SECURE_COOKIES overrides: false turns both off under an https:// public URL, true turns both on', async () => {
    const off = await signIn(
      { BATON_PUBLIC_URL: 'https://baton.example.com', BATON_SECURE_COOKIES: 'false' },
      { headers: { 'x-forwarded-proto': 'https' } },
    );
    expect(secure(off.cookie)).toBe(false);
    expect(off.hsts).toBeUndefined();
    const on = await signIn({ BATON_SECURE_COOKIES: 'true' });
    expect(secure(on.cookie)).toBe(true);
    expect(on.hsts).toMatch(/max-age=\d+/);
  });
});

describe('signing out', () => {
  /** Signs in under `env`, signs out, and returns the Set-Cookie of both answers. */
  async function signInAndOut(
    env: Record<string, string>,
    request: { headers?: Record<string, string>; remoteAddress?: string } = {},
  ) {
    const t = await createTestApp(env);
    apps.push(t);
    const { email } = await t.user(await t.workspace('acme'), 'admin');
    const signedIn = await t.inject({
      method: 'POST',
      url: '/api/v1/session',
      payload: { email, password: TEST_PASSWORD },
      ...request,
    });
    expect(signedIn.statusCode, signedIn.body).toBe(204);
    const cookie = String(signedIn.headers['set-cookie']).split(';')[0] as string;
    const session = await t.inject({
      method: 'GET',
      url: '/api/v1/session',
      headers: { ...request.headers, cookie },
      remoteAddress: request.remoteAddress,
    });
    const out = await t.inject({
      method: 'DELETE',
      url: '/api/v1/session',
      headers: { ...request.headers, cookie, 'x-csrf-token': session.json().csrfToken },
      remoteAddress: request.remoteAddress,
    });
    expect(out.statusCode, out.body).toBe(204);
    expect((await t.inject({ method: 'GET', url: '/api/v1/session', headers: { cookie } })).statusCode).toBe(401);
    return { set: String(signedIn.headers['set-cookie']), cleared: String(out.headers['set-cookie']) };
  }

  /** A Set-Cookie's attributes but its value and lifetime, in order of name. */
  const attributes = (cookie: string) =>
    cookie
      .split(';')
      .slice(1)
      .map((a) => a.trim())
      .filter((a) => !/^(max-age|expires)=/i.test(a))
      .map((a) => a.toLowerCase())
      .sort();

  it('under an https:// public URL, clears the cookie with the attributes it was set with: Secure, HttpOnly, SameSite=Lax, Path=/', async () => {
    const { set, cleared } = await signInAndOut({ BATON_PUBLIC_URL: 'https://baton.example.com' });
    expect(cleared).toMatch(/^baton_session=;/);
    expect(cleared).toMatch(/Expires=Thu, 01 Jan 1970/);
    expect(attributes(cleared)).toEqual(['httponly', 'path=/', 'samesite=lax', 'secure']);
    expect(attributes(cleared)).toEqual(attributes(set));
  });

  it('over HTTPS a trusted proxy vouches for, and on plain local HTTP, the same as when set', async () => {
    const proxied = await signInAndOut({}, { headers: { 'x-forwarded-proto': 'https' }, remoteAddress: '127.0.0.1' });
    expect(attributes(proxied.cleared)).toEqual(['httponly', 'path=/', 'samesite=lax', 'secure']);
    const plain = await signInAndOut({});
    expect(attributes(plain.cleared)).toEqual(['httponly', 'path=/', 'samesite=lax']);
    expect(attributes(plain.cleared)).toEqual(attributes(plain.set));
  });
});
