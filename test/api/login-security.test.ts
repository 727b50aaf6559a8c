import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR } from '../../src/platform/auth/principal.ts';
import { attemptLogin } from '../../src/platform/auth/session.service.ts';
import { createPasswordLink, previewPasswordLink } from '../../src/platform/identity/login.service.ts';
import { createTestApp, TEST_PASSWORD, type TestApp } from '../helpers/test-app.ts';

let t: TestApp;
let ws: string;

beforeAll(async () => {
  t = await createTestApp();
  ws = await t.workspace('acme');
});
afterAll(async () => t?.close());

const signIn = (email: string, password: string, ip = '10.0.0.1', workspace?: string) =>
  t.inject({ method: 'POST', url: '/api/v1/session', payload: { email, password, workspace }, remoteAddress: ip });

describe('my account', () => {
  it('changes my own password with the current one; my other sessions end, this one stays', async () => {
    const { email } = await t.user(ws, 'csm');
    const here = await t.login(email);
    const elsewhere = await t.login(email);
    const wrong = await here.request({
      method: 'PUT',
      url: '/api/v1/me/password',
      payload: { currentPassword: 'not-my-password', newPassword: 'a-brand-new-password' },
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().errors[0].field).toBe('body.currentPassword');
    const short = await here.request({
      method: 'PUT',
      url: '/api/v1/me/password',
      payload: { currentPassword: TEST_PASSWORD, newPassword: 'short' },
    });
    expect(short.statusCode).toBe(400);
    expect(short.json().errors[0].field).toBe('body.newPassword');
    await expect(t.login(email, { password: 'a-brand-new-password' })).rejects.toThrow(/401/);

    const ok = await here.request({
      method: 'PUT',
      url: '/api/v1/me/password',
      payload: { currentPassword: TEST_PASSWORD, newPassword: 'a-brand-new-password' },
    });
    expect(ok.statusCode, ok.body).toBe(204);
    expect((await here.request({ method: 'GET', url: '/api/v1/session' })).statusCode).toBe(200);
    expect((await elsewhere.request({ method: 'GET', url: '/api/v1/session' })).statusCode).toBe(401);
    await expect(t.login(email)).rejects.toThrow(/401/);
    expect((await t.login(email, { password: 'a-brand-new-password' })).cookie).toBeTruthy();
    const audit = await t.ctx.db
      .selectFrom('audit_log')
      .select(['action', 'after_json'])
      .where('workspace_id', '=', ws)
      .where('action', '=', 'user.password.change')
      .execute();
    expect(audit).toHaveLength(1);
    expect(JSON.stringify(audit)).not.toContain('a-brand-new-password');
  });

  it('renames myself, and only myself', async () => {
    const { email, userId } = await t.user(ws, 'viewer');
    const me = await t.login(email);
    const res = await me.request({ method: 'PATCH', url: '/api/v1/me', payload: { name: '  Ana Silva ' } });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ id: userId, email, name: 'Ana Silva' });
    expect((await me.request({ method: 'GET', url: '/api/v1/session' })).json().user.name).toBe('Ana Silva');
    expect(
      (await me.request({ method: 'PATCH', url: '/api/v1/me', payload: { name: 'x', email: 'other@example.com' } }))
        .statusCode,
    ).toBe(400);
  });

  it('is a person’s: an API key has no password to change', async () => {
    const key = await t.apiKey(ws, 'admin');
    const res = await t.inject({
      method: 'PUT',
      url: '/api/v1/me/password',
      headers: { authorization: `Bearer ${key}` },
      payload: { currentPassword: 'x', newPassword: 'a-long-password' },
    });
    expect(res.statusCode).toBe(403);
    expect(
      (
        await t.inject({ method: 'GET', url: '/api/v1/invitations/mine', headers: { authorization: `Bearer ${key}` } })
      ).json(),
    ).toEqual({ items: [] });
  });
});

describe('set-password links (the instance operator’s reset)', () => {
  it('sets the password once through the link, ends every session, and expires after 7 days', async () => {
    const { email } = await t.user(ws, 'delivery');
    const session = await t.login(email);
    const now = new Date();
    const { token, expiresAt } = await t.ctx.db
      .transaction()
      .execute((trx) => createPasswordLink(trx, SYSTEM_ACTOR, email, now));
    expect(Date.parse(expiresAt) - now.getTime()).toBe(7 * 86_400_000);
    await expect(previewPasswordLink(t.ctx.db, token, new Date(Date.parse(expiresAt) + 1000))).rejects.toThrow(
      /expired/,
    );
    const stored = await t.ctx.db.selectFrom('password_links').selectAll().execute();
    expect(JSON.stringify(stored)).not.toContain(token);
    // The password stays until the person chooses a new one.
    expect((await t.login(email)).cookie).toBeTruthy();

    const preview = await t.inject({ method: 'POST', url: '/api/v1/password-links/preview', payload: { token } });
    expect(preview.json()).toMatchObject({ email, expiresAt });
    const set = await t.inject({
      method: 'POST',
      url: '/api/v1/password-links/redeem',
      payload: { token, password: 'chosen-by-me-123' },
    });
    expect(set.statusCode, set.body).toBe(200);
    expect((await session.request({ method: 'GET', url: '/api/v1/session' })).statusCode).toBe(401);
    expect((await t.login(email, { password: 'chosen-by-me-123' })).cookie).toBeTruthy();
    const again = await t.inject({
      method: 'POST',
      url: '/api/v1/password-links/redeem',
      payload: { token, password: 'someone-else-123' },
    });
    expect(again.statusCode).toBe(403);
    expect(
      (
        await t.inject({
          method: 'POST',
          url: '/api/v1/password-links/redeem',
          payload: { token: 'not-a-token', password: 'someone-else-123' },
        })
      ).statusCode,
    ).toBe(404);
  });
});

describe('sign-in throttling per account and per address', () => {
  it('after 5 failures for an email refuses further attempts, the right password too, with Retry-After', async () => {
    const { email } = await t.user(ws, 'sales');
    const statuses: number[] = [];
    // Each from another address: the account's count is what locks.
    for (let i = 0; i < 5; i++) statuses.push((await signIn(email, 'wrong-password', `10.1.0.${i}`)).statusCode);
    expect(statuses).toEqual([401, 401, 401, 401, 401]);
    const locked = await signIn(email, TEST_PASSWORD, '10.1.0.99');
    expect(locked.statusCode).toBe(429);
    expect(locked.headers['content-type']).toContain('application/problem+json');
    expect(Number(locked.headers['retry-after'])).toBeGreaterThan(50);
    expect(locked.json().detail).toMatch(/too many failed sign-ins for this email/);
    // Another account is not affected.
    expect((await signIn((await t.user(ws, 'viewer')).email, TEST_PASSWORD, '10.1.0.98')).statusCode).toBe(204);
  });

  it('locks an email without a login exactly the same way, so a lockout says nothing about who has one', async () => {
    const answers: Array<[number, string]> = [];
    for (let i = 0; i < 6; i++) {
      const res = await signIn('nobody-here@example.com', 'wrong-password', `10.2.0.${i}`);
      answers.push([res.statusCode, res.json().detail]);
    }
    const { email } = await t.user(ws, 'support');
    const real: Array<[number, string]> = [];
    for (let i = 0; i < 6; i++) {
      const res = await signIn(email, 'wrong-password', `10.3.0.${i}`);
      real.push([res.statusCode, res.json().detail]);
    }
    expect(answers.map(([s]) => s)).toEqual([401, 401, 401, 401, 401, 429]);
    expect(real.map(([s]) => s)).toEqual(answers.map(([s]) => s));
    expect(real.map(([, d]) => d.replace(/\d+ seconds/, 'N'))).toEqual(
      answers.map(([, d]) => d.replace(/\d+ seconds/, 'N')),
    );
  });

  it('grows the window with each failure after it, and a correct password once it is over clears it', async () => {
    const { email } = await t.user(ws, 'leader');
    const t0 = new Date('2030-01-01T09:00:00Z');
    const at = (ms: number) => new Date(t0.getTime() + ms);
    const attempt = (password: string, when: Date) =>
      t.ctx.db
        .transaction()
        .execute((trx) => attemptLogin(trx, { email, password, ip: '10.4.0.1', ttlHours: 1, now: when }));
    for (let i = 0; i < 5; i++) expect((await attempt('wrong-password', at(i * 1000))).ok).toBe(false);
    const locked = await attempt(TEST_PASSWORD, at(30_000));
    expect(locked.ok ? null : locked.error).toMatchObject({ code: 'rate_limited', retryAfterSeconds: 34 });
    // The first window (a minute) is over: one more failure locks for two minutes.
    const sixth = await attempt('wrong-password', at(65_000));
    expect(sixth.ok ? null : sixth.error.code).toBe('unauthenticated');
    const still = await attempt(TEST_PASSWORD, at(65_000 + 119_000));
    expect(still.ok ? null : still.error).toMatchObject({ code: 'rate_limited', retryAfterSeconds: 1 });
    // Over: the right password signs in and clears the count; one failure later does not lock.
    expect((await attempt(TEST_PASSWORD, at(65_000 + 121_000))).ok).toBe(true);
    expect(
      await t.ctx.db.selectFrom('login_failures').selectAll().where('key', '=', `account:${email}`).execute(),
    ).toEqual([]);
    expect((await attempt('wrong-password', at(200_000))).ok).toBe(false);
    expect((await attempt(TEST_PASSWORD, at(201_000))).ok).toBe(true);
  });

  it('refuses an address after many failures across accounts, and forgets an old run', async () => {
    const t0 = new Date('2030-02-01T09:00:00Z');
    const attempt = (email: string, password: string, when: Date) =>
      t.ctx.db
        .transaction()
        .execute((trx) => attemptLogin(trx, { email, password, ip: '10.5.0.1', ttlHours: 1, now: when }));
    for (let i = 0; i < 50; i++)
      await attempt(`spray-${i}@example.com`, 'Winter2030!', new Date(t0.getTime() + i * 100));
    const { email } = await t.user(ws, 'viewer');
    const refused = await attempt(email, TEST_PASSWORD, new Date(t0.getTime() + 10_000));
    expect(refused.ok ? null : refused.error.message).toMatch(/from this address/);
    // Two hours later the run is over and forgotten.
    expect((await attempt(email, TEST_PASSWORD, new Date(t0.getTime() + 2 * 3_600_000))).ok).toBe(true);
    const row = await t.ctx.db
      .selectFrom('login_failures')
      .selectAll()
      .where('key', '=', 'address:10.5.0.1')
      .executeTakeFirstOrThrow();
    expect(row.failures).toBe(50);
    await attempt('spray-x@example.com', 'Summer2030!', new Date(t0.getTime() + 3 * 3_600_000));
    expect(
      (
        await t.ctx.db
          .selectFrom('login_failures')
          .selectAll()
          .where('key', '=', 'address:10.5.0.1')
          .executeTakeFirstOrThrow()
      ).failures,
    ).toBe(1);
  });

  it('counts wrong passwords given through an invitation link like failed sign-ins', async () => {
    const victim = await t.user(await t.workspace('victims'), 'admin');
    const attacker = await t.login((await t.user(ws, 'admin')).email, { workspace: 'acme' });
    const link = (
      await attacker.request({ method: 'POST', url: '/api/v1/users', payload: { email: victim.email, role: 'viewer' } })
    ).json().link as string;
    const token = link.split('#')[1];
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) {
      statuses.push(
        (
          await t.inject({
            method: 'POST',
            url: '/api/v1/invitation-links/redeem',
            payload: { token, password: `guess-number-${i}` },
            remoteAddress: `10.7.0.${i}`,
          })
        ).statusCode,
      );
    }
    expect(statuses).toEqual([409, 409, 409, 409, 409, 429]);
    expect((await signIn(victim.email, TEST_PASSWORD, '10.7.1.1')).statusCode).toBe(429);
    const audited = await t.ctx.db
      .selectFrom('audit_log')
      .select('workspace_id')
      .where('action', '=', 'session.login_failed')
      .where('actor_label', '=', victim.email)
      .execute();
    // In the victim's own workspace, not the inviting one.
    expect(new Set(audited.map((a) => a.workspace_id)).has(ws)).toBe(false);
    expect(audited.length).toBeGreaterThanOrEqual(5);
  });

  it('audits refused sign-ins in the workspace named (else the account’s own), without telling the caller whether the account exists', async () => {
    const { email, userId } = await t.user(ws, 'csm');
    const known = await signIn(email, 'wrong-password', '10.6.0.1', 'acme');
    const unknown = await signIn('ghost@example.com', 'wrong-password', '10.6.0.1', 'acme');
    const noSuchWorkspace = await signIn(email, 'wrong-password', '10.6.0.1', 'no-such-ws');
    expect([known.statusCode, unknown.statusCode, noSuchWorkspace.statusCode]).toEqual([401, 401, 401]);
    expect(known.json().detail).toBe(unknown.json().detail);
    const entries = await t.ctx.db
      .selectFrom('audit_log')
      .select(['actor_id', 'actor_label', 'entity_id', 'after_json'])
      .where('workspace_id', '=', ws)
      .where('action', '=', 'session.login_failed')
      .where('after_json', 'like', '%10.6.0.1%')
      .orderBy('at')
      .execute();
    // Named: recorded there; a workspace that does not exist: recorded in the account's own workspaces.
    expect(entries).toHaveLength(3);
    expect(entries[0]).toMatchObject({ actor_id: userId, entity_id: userId, actor_label: email });
    expect(JSON.parse(entries[0]?.after_json as string)).toMatchObject({
      email,
      reason: 'wrong email or password',
      ip: '10.6.0.1',
    });
    expect(entries[1]).toMatchObject({ actor_id: null, entity_id: null, actor_label: 'ghost@example.com' });
    expect(entries[2]).toMatchObject({ actor_id: userId, actor_label: email });
    expect(JSON.stringify(entries)).not.toContain('wrong-password');
  });
});
