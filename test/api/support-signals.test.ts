import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildAccount } from '../helpers/fixtures/index.ts';
import { type Client, createTestApp, type TestApp } from '../helpers/test-app.ts';

const NOW = new Date('2026-11-20T12:00:00.000Z');
let t: TestApp;

beforeAll(async () => {
  t = await createTestApp({}, { now: () => NOW });
});
afterAll(async () => t?.close());

/** Tickets of Northwind in Baton's names, `howTo` of them how-to questions, one a day from 1 Nov. */
const csv = (from: number, howTo: number, other: number) =>
  [
    'external_id,subject,category,status,organization,created_at',
    ...Array.from({ length: howTo + other }, (_, i) =>
      [
        `T${from + i}`,
        i < howTo ? 'How do I export a report' : 'Export fails with an error',
        i < howTo ? 'how_to' : 'bug',
        'open',
        'Northwind Traders',
        `2026-11-${String((i % 19) + 1).padStart(2, '0')}T09:00:00Z`,
      ].join(','),
    ),
  ].join('\n');

const importTickets = async (agent: Client, body: string) => {
  const res = await agent.request({
    method: 'POST',
    url: '/api/v1/imports/tickets',
    headers: { 'content-type': 'text/csv' },
    payload: body,
  });
  expect(res.json(), res.body).toMatchObject({ rejected: 0 });
};

const supportSignals = async (viewer: Client, accountId: string) =>
  (await viewer.request({ method: 'GET', url: `/api/v1/signals?account=${accountId}&stage=support_overload` })).json()
    .items as Array<{ kind: string; evidence: Record<string, unknown>; explanation: string }>;

describe('support-overload signals', () => {
  it(
    'raises "mostly how-to" after an import, with its sentence, and resolves it when the questions stop ' +
      'dominating',
    async () => {
      const ws = await t.workspace('support-signals');
      const agent = await t.login((await t.user(ws, 'support')).email);
      const viewer = await t.login((await t.user(ws, 'viewer')).email);
      const account = await buildAccount(t.ctx.db, ws, { name: 'Northwind Traders', domain: 'northwind.example' });

      await importTickets(agent, csv(0, 7, 3));
      const queued = await t.ctx.db
        .selectFrom('jobs')
        .select('payload')
        .where('workspace_id', '=', ws)
        .where('type', '=', 'support.signals')
        .execute();
      expect(queued.map((j) => JSON.parse(j.payload))).toEqual([{ workspaceId: ws, accountIds: [account.id] }]);
      expect((await t.runJobs({ now: NOW })).filter((j) => j.last_error)).toEqual([]);
      const [signal] = await supportSignals(viewer, account.id);
      expect(signal?.kind).toBe('support.how_to_heavy');
      expect(signal?.evidence).toMatchObject({ tickets: 10, howTo: 7, share: 0.7, lookbackDays: 60 });
      expect(signal?.explanation).toBe(
        '7 of the 10 tickets opened in the 60 days to 20 Nov 2026 ask how to do something: ' +
          '70 % (a warning above 50 %).',
      );

      await importTickets(agent, csv(100, 0, 8));
      expect((await t.runJobs({ now: NOW })).filter((j) => j.last_error)).toEqual([]);
      expect(await supportSignals(viewer, account.id)).toEqual([]);
    },
  );

  it('declares its thresholds among the signal rules, each rule with its switch', async () => {
    const ws = await t.workspace('support-signal-rules');
    const admin = await t.login((await t.user(ws, 'admin')).email);
    const sets = (await admin.request({ method: 'GET', url: '/api/v1/signal-rules' })).json().items as Array<{
      settingKey: string;
      module: string;
      rules: Array<{ key: string; stage: string; enabled: boolean; fields: Array<{ name: string; value: number }> }>;
    }>;
    const set = sets.find((s) => s.settingKey === 'support.signals');
    expect(set?.module).toBe('support');
    expect(set?.rules.map((r) => [r.key, r.stage, r.enabled])).toEqual([
      ['surgeAfterGoLive', 'support_overload', true],
      ['howToHeavy', 'support_overload', true],
    ]);
    expect(set?.rules[1]?.fields).toMatchObject([
      { name: 'lookbackDays', value: 60 },
      { name: 'minShare', value: 0.5 },
      { name: 'minTickets', value: 6 },
    ]);
  });
});
