import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, type TestApp } from '../helpers/test-app.ts';

/** Rework recorded with its cause reaches the economics: hours and cost by cause, per project and in total. */

let t: TestApp;
let admin: Client;

const today = () => new Date().toISOString().slice(0, 10);

beforeAll(async () => {
  t = await createTestApp();
  const ws = await t.workspace('rework');
  admin = await t.login((await t.user(ws, 'admin')).email);
});
afterAll(() => t?.close());

describe('rework by cause', () => {
  it('shows recorded rework hours and cost by cause on the project’s and the workspace’s economics', async () => {
    const accountId = (
      await admin.request({ method: 'POST', url: '/api/v1/accounts', payload: { name: 'Umbrella', segment: 'smb' } })
    ).json().id;
    const ana = (
      await admin.request({
        method: 'POST',
        url: '/api/v1/resources',
        payload: { name: 'Ana', role: 'consultant', weeklyCapacityHours: 40, costRate: 50, billRate: 150 },
      })
    ).json().id;
    const p = (
      await admin.request({
        method: 'POST',
        url: '/api/v1/projects',
        payload: { accountId, promisedGoLive: '2099-01-01' },
      })
    ).json();
    await admin.request({ method: 'POST', url: `/api/v1/projects/${p.id}/kickoff`, payload: {} });
    const task = p.tasks.find((x: { customerOwned: boolean }) => !x.customerOwned);
    await admin.request({
      method: 'PATCH',
      url: `/api/v1/projects/${p.id}/tasks/${task.id}`,
      payload: { assigneeId: ana },
    });
    expect(
      (
        await admin.request({
          method: 'POST',
          url: '/api/v1/time-entries',
          payload: { projectId: p.id, resourceId: ana, date: today(), hours: 4 },
        })
      ).statusCode,
    ).toBe(201);

    const before = (await admin.request({ method: 'GET', url: `/api/v1/projects/${p.id}/economics` })).json();
    expect(before.rework).toMatchObject({ byCause: [], recordedHours: 0, recordedCost: 0 });

    for (const body of [
      { taskId: task.id, hours: 3, cause: 'defect' },
      { hours: 2, cause: 'defect' },
      { hours: 5, cause: 'customer_data', note: 'Their export had duplicates' },
    ]) {
      expect(
        (await admin.request({ method: 'POST', url: `/api/v1/projects/${p.id}/rework`, payload: body })).statusCode,
      ).toBe(201);
    }
    const econ = (await admin.request({ method: 'GET', url: `/api/v1/projects/${p.id}/economics` })).json();
    // Ana's rate for the rework on her task; the project's average hour (4 h logged at 50) for the rest.
    expect(econ.rework.byCause).toEqual([
      { cause: 'customer_data', records: 1, hours: 5, cost: 250 },
      { cause: 'defect', records: 2, hours: 5, cost: 250 },
    ]);
    expect(econ.rework).toMatchObject({ recordedHours: 10, recordedCost: 500 });
    const all = (await admin.request({ method: 'GET', url: '/api/v1/delivery/economics' })).json();
    expect(all.totals.reworkByCause).toEqual(econ.rework.byCause);
  });
});
