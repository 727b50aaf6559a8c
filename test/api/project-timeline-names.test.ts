import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, type TestApp } from '../helpers/test-app.ts';

let t: TestApp;
let admin: Client;
let email: string;
let projectId: string;

beforeAll(async () => {
  t = await createTestApp();
  const ws = await t.workspace('acme');
  const a = await t.user(ws, 'admin');
  email = a.email;
  admin = await t.login(a.email);
  await admin.request({ method: 'PATCH', url: '/api/v1/me', payload: { name: 'Grace Hopper' } });
  const accountId = (
    await admin.request({ method: 'POST', url: '/api/v1/accounts', payload: { name: 'Globex', segment: 'smb' } })
  ).json().id;
  const created = await admin.request({ method: 'POST', url: '/api/v1/projects', payload: { accountId } });
  expect(created.statusCode, created.body).toBe(201);
  projectId = created.json().id;
});
afterAll(() => t?.close());

describe('a project’s timeline', () => {
  it('names people by their name today, not the email they signed in with', async () => {
    const detail = (await admin.request({ method: 'GET', url: `/api/v1/projects/${projectId}` })).json();
    const events = (await admin.request({ method: 'GET', url: `/api/v1/projects/${projectId}/timeline` })).json()
      .items as Array<{ actorKind: string; actor: string }>;
    for (const list of [detail.events as Array<{ actorKind: string; actor: string }>, events]) {
      const byUser = list.filter((e) => e.actorKind === 'user');
      expect(byUser.length).toBeGreaterThan(0);
      for (const e of byUser) expect(e.actor).toBe('Grace Hopper');
      expect(JSON.stringify(list)).not.toContain(email);
    }
  });
});
