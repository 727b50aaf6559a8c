import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, type TestApp } from '../helpers/test-app.ts';

/**
 * The project routes read "today" from the server's clock, never from the machine's: a server whose clock says
 * 14 May 2031 accepts its projects, dates their kickoff and plans their work and the capacity queue on that day.
 */

const DAY = '2031-05-14';

let t: TestApp;
let admin: Client;
let accountId: string;

const start = async (payload: Record<string, unknown>) =>
  admin.request({ method: 'POST', url: '/api/v1/projects', payload: { accountId, ...payload } });

beforeAll(async () => {
  t = await createTestApp({}, { now: () => new Date(`${DAY}T15:00:00Z`) });
  const ws = await t.workspace('clock-delivery');
  admin = await t.login((await t.user(ws, 'admin')).email);
  accountId = (
    await admin.request({ method: 'POST', url: '/api/v1/accounts', payload: { name: 'Initech', segment: 'smb' } })
  ).json().id;
});
afterAll(() => t?.close());

describe('the project routes on the server’s day', () => {
  it('accept a project on that day, plan it from that day, and refuse a signature after it', async () => {
    const tooLate = await start({ signedOn: '2031-05-15' });
    expect(tooLate.statusCode).toBe(400);
    expect(tooLate.json().errors[0]).toMatchObject({
      field: 'body.signedOn',
      message: `is in the future (today is ${DAY})`,
    });

    const res = await start({ signedOn: '2031-05-10' });
    expect(res.statusCode, res.body).toBe(201);
    const p = res.json();
    expect(p.acceptedOn).toBe(DAY);
    const starts = (p.tasks as Array<{ forecastStart: string | null }>).map((x) => x.forecastStart);
    expect(starts.every((s) => s !== null && s >= DAY)).toBe(true);
    expect(p.forecastGoLive > DAY).toBe(true);
  });

  it('date a kickoff given no day on that day, and refuse one after it', async () => {
    const p = (await start({})).json();
    const tooLate = await admin.request({
      method: 'POST',
      url: `/api/v1/projects/${p.id}/kickoff`,
      payload: { on: '2031-05-15' },
    });
    expect(tooLate.statusCode).toBe(400);
    expect(tooLate.json().errors[0].field).toBe('body.on');

    const res = await admin.request({ method: 'POST', url: `/api/v1/projects/${p.id}/kickoff`, payload: {} });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: 'active', kickoffOn: DAY });
  });

  it('count a queued project’s wait up to that day', async () => {
    const p = (await start({ signedOn: '2031-05-04', name: 'Initech — waiting' })).json();
    const res = await admin.request({ method: 'GET', url: '/api/v1/delivery/capacity' });
    expect(res.statusCode, res.body).toBe(200);
    const queued = (res.json().queue as Array<{ projectId: string; waitDays: number }>).find(
      (q) => q.projectId === p.id,
    );
    expect(queued?.waitDays).toBe(10);
  });
});
