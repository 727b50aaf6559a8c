import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR } from '../../src/platform/auth/principal.ts';
import { setLoginDisabled } from '../../src/platform/identity/login.service.ts';
import { createTestApp, TEST_PASSWORD, type TestApp } from '../helpers/test-app.ts';

let t: TestApp;
let ws: string;
let adminEmail: string;

beforeAll(async () => {
  t = await createTestApp({ BATON_LOGIN_RATE_LIMIT: '5' });
  ws = await t.workspace('acme');
  adminEmail = (await t.user(ws, 'admin')).email;
});
afterAll(async () => t?.close());

const login = (email: string, password: string, ip = '10.0.0.1') =>
  t.inject({ method: 'POST', url: '/api/v1/session', payload: { email, password }, remoteAddress: ip });

describe('signing in', () => {
  it('sets an HttpOnly, SameSite session cookie and describes the session', async () => {
    const res = await login(adminEmail, TEST_PASSWORD);
    expect(res.statusCode).toBe(204);
    const cookie = String(res.headers['set-cookie']);
    expect(cookie).toMatch(/baton_session=/);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    const session = await t.inject({
      method: 'GET',
      url: '/api/v1/session',
      headers: { cookie: cookie.split(';')[0] as string },
    });
    expect(session.statusCode).toBe(200);
    expect(session.json()).toMatchObject({ user: { email: adminEmail }, role: 'admin', workspace: { slug: 'acme' } });
    expect(session.json().csrfToken).toMatch(/^[\w-]{20,}$/);
  });

  it('answers a wrong password and an unknown user with the same 401', async () => {
    const wrong = await login(adminEmail, 'not-the-password', '10.0.0.2');
    const unknown = await login('nobody@example.com', 'not-the-password', '10.0.0.2');
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json().detail).toBe(unknown.json().detail);
    expect(wrong.headers['set-cookie']).toBeUndefined();
  });

  it('limits login attempts per client address (per minute, right or wrong)', async () => {
    const statuses: number[] = [];
    // Different emails, so that only the address's limit is reached.
    for (let i = 0; i < 7; i++)
      statuses.push((await login(`guess-${i}@example.com`, 'wrong-password', '10.9.9.9')).statusCode);
    expect(statuses.slice(0, 5)).toEqual([401, 401, 401, 401, 401]);
    expect(statuses.slice(5)).toEqual([429, 429]);
    const limited = await login(adminEmail, TEST_PASSWORD, '10.9.9.9');
    expect(limited.statusCode).toBe(429);
    expect(limited.headers['content-type']).toContain('application/problem+json');
    expect((await login(adminEmail, TEST_PASSWORD, '10.1.1.1')).statusCode).toBe(204);
  });

  it('refuses a login the instance operator disabled, and ends its sessions', async () => {
    const { email } = await t.user(ws, 'csm');
    const csm = await t.login(email);
    await t.ctx.db.transaction().execute((trx) => setLoginDisabled(trx, SYSTEM_ACTOR, email, true));
    expect((await csm.request({ method: 'GET', url: '/api/v1/session' })).statusCode).toBe(401);
    expect((await login(email, TEST_PASSWORD, '10.0.0.3')).statusCode).toBe(401);
    await t.ctx.db.transaction().execute((trx) => setLoginDisabled(trx, SYSTEM_ACTOR, email, false));
    expect((await login(email, TEST_PASSWORD, '10.0.0.3')).statusCode).toBe(204);
  });

  it('signs out', async () => {
    const client = await t.login(adminEmail);
    expect((await client.request({ method: 'DELETE', url: '/api/v1/session' })).statusCode).toBe(204);
    expect((await client.request({ method: 'GET', url: '/api/v1/session' })).statusCode).toBe(401);
  });
});

describe('CSRF protection on cookie-authenticated writes', () => {
  it('refuses a write without the X-CSRF-Token header and accepts it with', async () => {
    const client = await t.login(adminEmail);
    const payload = { name: 'No token Inc', segment: 'smb' };
    const without = await t.inject({
      method: 'POST',
      url: '/api/v1/accounts',
      payload,
      headers: { cookie: client.cookie },
    });
    expect(without.statusCode).toBe(403);
    expect(without.json().detail).toMatch(/CSRF/);
    const wrong = await t.inject({
      method: 'POST',
      url: '/api/v1/accounts',
      payload,
      headers: { cookie: client.cookie, 'x-csrf-token': 'x'.repeat(32) },
    });
    expect(wrong.statusCode).toBe(403);
    const list = await client.request({ method: 'GET', url: '/api/v1/accounts?q=No%20token' });
    expect(list.json().items).toHaveLength(0);
    expect((await client.request({ method: 'POST', url: '/api/v1/accounts', payload })).statusCode).toBe(201);
  });

  it('does not ask API-key requests for a CSRF token', async () => {
    const key = await t.apiKey(ws, 'admin');
    const res = await t.inject({
      method: 'POST',
      url: '/api/v1/accounts',
      payload: { name: 'Keyed Ltd', segment: 'smb' },
      headers: { authorization: `Bearer ${key}` },
    });
    expect(res.statusCode).toBe(201);
  });
});

describe('workspace switcher', () => {
  it('moves the session to another workspace of the same person, and not to a foreign one', async () => {
    const other = await t.workspace('other-co');
    const foreign = await t.workspace('foreign');
    const { email } = await t.user(ws, 'csm', { email: 'two-hats@example.com' });
    await t.user(other, 'viewer', { email });
    const client = await t.login(email, { workspace: 'acme' });
    const switched = await client.request({
      method: 'PUT',
      url: '/api/v1/session/workspace',
      payload: { workspaceId: other },
    });
    expect(switched.statusCode).toBe(200);
    expect(switched.json()).toMatchObject({ workspace: { slug: 'other-co' }, role: 'viewer' });
    expect(
      switched
        .json()
        .workspaces.map((w: { slug: string }) => w.slug)
        .sort(),
    ).toEqual(['acme', 'other-co']);
    const denied = await client.request({
      method: 'PUT',
      url: '/api/v1/session/workspace',
      payload: { workspaceId: foreign },
    });
    expect(denied.statusCode).toBe(404);
    expect((await client.request({ method: 'GET', url: '/api/v1/session' })).json().workspace.slug).toBe('other-co');
  });
});
