import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, type TestApp } from '../helpers/test-app.ts';

/** The customer portal: a link opens one project, with no login; it cannot be forged, bent to another project, or used once expired or revoked. */

let t: TestApp;
let ws: string;
let admin: Client;
let project: {
  id: string;
  tasks: Array<{ id: string; key: string; customerOwned: boolean; state: string }>;
  forecastGoLive: string;
};
let other: { id: string; tasks: Array<{ id: string; key: string; customerOwned: boolean }> };

const addDays = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);
const key = (p: typeof project | typeof other, k: string) => p.tasks.find((x) => x.key === k)!.id;

beforeAll(async () => {
  t = await createTestApp();
  ws = await t.workspace('portal-co');
  admin = await t.login((await t.user(ws, 'admin')).email);
  const account = (
    await admin.request({ method: 'POST', url: '/api/v1/accounts', payload: { name: 'Initech', segment: 'smb' } })
  ).json().id;
  project = (
    await admin.request({
      method: 'POST',
      url: '/api/v1/projects',
      payload: { accountId: account, promisedGoLive: addDays(90) },
    })
  ).json();
  other = (
    await admin.request({
      method: 'POST',
      url: '/api/v1/projects',
      payload: { accountId: account, name: 'Other', promisedGoLive: addDays(90) },
    })
  ).json();
  await admin.request({ method: 'POST', url: `/api/v1/projects/${project.id}/kickoff`, payload: {} });
  await admin.request({
    method: 'PATCH',
    url: `/api/v1/projects/${project.id}/tasks/${key(project, 'welcome-call')}`,
    payload: { state: 'done' },
  });
});
afterAll(() => t?.close());

const makeLink = async (projectId: string, label = 'Customer team') => {
  const res = await admin.request({
    method: 'POST',
    url: `/api/v1/projects/${projectId}/portal-links`,
    payload: { label, expiresInDays: 14 },
  });
  expect(res.statusCode).toBe(201);
  return res.json() as { id: string; url: string; status: string; expiresAt: string };
};
const tokenOf = (url: string) => url.replace('/portal/', '');

describe('portal links', () => {
  it('show the customer the plan without people, hours or money, and take their own tasks', async () => {
    const link = await makeLink(project.id);
    expect(link.status).toBe('active');
    const token = tokenOf(link.url);
    const view = await t.inject({ method: 'GET', url: `/api/portal/${token}` });
    expect(view.statusCode).toBe(200);
    const body = view.json();
    expect(body.project).toMatchObject({ name: expect.stringContaining('Initech'), status: 'active' });
    expect(JSON.stringify(body)).not.toMatch(/effortHours|remainingHours|assignee|costRate|servicesFee/);
    const before = (await admin.request({ method: 'GET', url: `/api/v1/projects/${project.id}` })).json();

    // Their task done: its forecast (and so the plan's) moves to today.
    const done = await t.inject({
      method: 'PATCH',
      url: `/api/portal/${token}/tasks/${key(project, 'name-admin')}`,
      payload: { state: 'done', by: 'Peter Gibbons' },
    });
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json().tasks.find((x: { id: string }) => x.id === key(project, 'name-admin')).state).toBe('done');
    const after = (await admin.request({ method: 'GET', url: `/api/v1/projects/${project.id}` })).json();
    expect(after.forecastGoLive).not.toBe(before.forecastGoLive);
    expect(
      after.events.find(
        (e: { kind: string; actorKind: string }) => e.kind === 'task_updated' && e.actorKind === 'customer',
      ),
    ).toMatchObject({ actor: 'Peter Gibbons' });

    const comment = await t.inject({
      method: 'POST',
      url: `/api/portal/${token}/comments`,
      payload: { text: 'Admin named: Milton.', by: 'Peter Gibbons' },
    });
    expect(comment.statusCode).toBe(204);
    const timeline = (await admin.request({ method: 'GET', url: `/api/v1/projects/${project.id}/timeline` })).json()
      .items;
    expect(timeline[0]).toMatchObject({
      kind: 'comment',
      actorKind: 'customer',
      actor: 'Peter Gibbons',
      detail: { text: 'Admin named: Milton.' },
    });
    const links = (await admin.request({ method: 'GET', url: `/api/v1/projects/${project.id}/portal-links` })).json()
      .items;
    expect(links[0].lastUsedAt).not.toBeNull();
  });

  it('never reach another project nor the team’s tasks', async () => {
    const token = tokenOf((await makeLink(project.id)).url);
    const foreign = await t.inject({
      method: 'PATCH',
      url: `/api/portal/${token}/tasks/${key(other, 'name-admin')}`,
      payload: { state: 'done', by: 'Mallory' },
    });
    expect(foreign.statusCode).toBe(404);
    const ours = await t.inject({
      method: 'PATCH',
      url: `/api/portal/${token}/tasks/${key(project, 'workspace-setup')}`,
      payload: { state: 'done', by: 'Mallory' },
    });
    expect(ours.statusCode).toBe(403);
    const otherTask = (await admin.request({ method: 'GET', url: `/api/v1/projects/${other.id}` }))
      .json()
      .tasks.find((x: { key: string }) => x.key === 'name-admin');
    expect(otherTask.state).toBe('todo');
    const noName = await t.inject({
      method: 'POST',
      url: `/api/portal/${token}/comments`,
      payload: { text: 'hi', by: '' },
    });
    expect(noName.statusCode).toBe(400);
    expect(noName.json().errors[0].field).toContain('by');
  });

  it('refuse tampered, revoked and expired links, each saying so', async () => {
    const link = await makeLink(project.id);
    const token = tokenOf(link.url);
    const [l, s] = token.split('.');
    const otherLink = await makeLink(other.id);
    const [ol] = tokenOf(otherLink.url).split('.');
    for (const bad of [`${l}.${s!.slice(0, -2)}xx`, `${ol}.${s}`, 'garbage', `${l}`]) {
      const res = await t.inject({ method: 'GET', url: `/api/portal/${encodeURIComponent(bad)}` });
      expect(res.statusCode, bad).toBe(401);
      expect(res.json().detail).toMatch(/not valid/);
    }
    expect(
      (await admin.request({ method: 'DELETE', url: `/api/v1/projects/${project.id}/portal-links/${link.id}` }))
        .statusCode,
    ).toBe(204);
    const revoked = await t.inject({ method: 'GET', url: `/api/portal/${token}` });
    expect(revoked.statusCode).toBe(403);
    expect(revoked.json().detail).toMatch(/revoked/);

    const expiring = await makeLink(project.id);
    await t.ctx.db
      .updateTable('portal_links')
      .set({ expires_at: '2026-01-01T00:00:00.000Z' })
      .where('id', '=', expiring.id)
      .execute();
    const expired = await t.inject({
      method: 'PATCH',
      url: `/api/portal/${tokenOf(expiring.url)}/tasks/${key(project, 'check-data')}`,
      payload: { state: 'done', by: 'x' },
    });
    expect(expired.statusCode).toBe(403);
    expect(expired.json().detail).toMatch(/expired on 2026-01-01/);
    const statuses = (await admin.request({ method: 'GET', url: `/api/v1/projects/${project.id}/portal-links` }))
      .json()
      .items.map((x: { id: string; status: string; url: string | null }) => [x.id, x.status, x.url]);
    expect(statuses).toEqual(
      expect.arrayContaining([
        [link.id, 'revoked', null],
        [expiring.id, 'expired', null],
      ]),
    );
  });
});
