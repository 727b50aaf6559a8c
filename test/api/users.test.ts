import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, TEST_PASSWORD, type TestApp } from '../helpers/test-app.ts';

let t: TestApp;
let ws: string;
let admin: Client;
let adminId: string;

beforeAll(async () => {
  t = await createTestApp();
  ws = await t.workspace('acme');
  const a = await t.user(ws, 'admin');
  adminId = a.userId;
  admin = await t.login(a.email);
});
afterAll(async () => t?.close());

describe('members and roles', () => {
  it('adds a person with a password who can then sign in with that role', async () => {
    const res = await admin.request({ method: 'POST', url: '/api/v1/users', payload: { email: 'Nia@Example.com', name: 'Nia Okafor', role: 'csm', password: 'a-long-password' } });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ email: 'nia@example.com', role: 'csm', hasPassword: true });
    const nia = await t.login('nia@example.com', { password: 'a-long-password' });
    expect((await nia.request({ method: 'GET', url: '/api/v1/session' })).json().role).toBe('csm');
  });

  it('refuses a short password and a duplicate member, naming the field', async () => {
    const short = await admin.request({ method: 'POST', url: '/api/v1/users', payload: { email: 'x@example.com', role: 'viewer', password: 'short' } });
    expect(short.statusCode).toBe(400);
    expect(short.json().errors[0].field).toBe('body.password');
    const dup = await admin.request({ method: 'POST', url: '/api/v1/users', payload: { email: 'nia@example.com', role: 'viewer' } });
    expect(dup.statusCode).toBe(409);
    expect((await t.ctx.db.selectFrom('users').selectAll().where('email', '=', 'x@example.com').execute())).toHaveLength(0);
  });

  it('requires a partner firm for the partner role, and only for it', async () => {
    const missing = await admin.request({ method: 'POST', url: '/api/v1/users', payload: { email: 'p@example.com', role: 'partner' } });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().errors[0].field).toBe('partnerId');
    const firm = await admin.request({ method: 'POST', url: '/api/v1/partners', payload: { name: 'Bridge Consulting' } });
    const ok = await admin.request({ method: 'POST', url: '/api/v1/users', payload: { email: 'p@example.com', role: 'partner', partnerId: firm.json().id } });
    expect(ok.statusCode).toBe(201);
    expect(ok.json().partnerName).toBe('Bridge Consulting');
  });

  it('keeps at least one admin', async () => {
    const demote = await admin.request({ method: 'PATCH', url: `/api/v1/users/${adminId}`, payload: { role: 'viewer' } });
    expect(demote.statusCode).toBe(409);
    const remove = await admin.request({ method: 'DELETE', url: `/api/v1/users/${adminId}` });
    expect(remove.statusCode).toBe(409);
  });

  it('changes a role, which takes effect on the next request', async () => {
    const { userId, email } = await t.user(ws, 'viewer');
    const viewer = await t.login(email);
    const payload = { name: 'Promoted Ltd', segment: 'smb' };
    expect((await viewer.request({ method: 'POST', url: '/api/v1/accounts', payload })).statusCode).toBe(403);
    expect((await admin.request({ method: 'PATCH', url: `/api/v1/users/${userId}`, payload: { role: 'sales' } })).statusCode).toBe(200);
    expect((await viewer.request({ method: 'POST', url: '/api/v1/accounts', payload })).statusCode).toBe(201);
  });

  it('removes a member, ending their sessions in that workspace', async () => {
    const { userId, email } = await t.user(ws, 'support');
    const support = await t.login(email);
    expect((await admin.request({ method: 'DELETE', url: `/api/v1/users/${userId}` })).statusCode).toBe(204);
    expect((await support.request({ method: 'GET', url: '/api/v1/accounts' })).statusCode).toBe(401);
    await expect(t.login(email, { password: TEST_PASSWORD })).rejects.toThrow(/403/);
  });
});
