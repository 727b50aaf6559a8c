import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSurvey } from '../helpers/fixtures/index.ts';
import { type Client, createTestApp, type TestApp } from '../helpers/test-app.ts';

/**
 * Health follows delivery and usage within seconds: a slip recorded through the API and a batch of usage events
 * through the ingest endpoint each rescore their account when the due jobs run, and no other account.
 */

/** The server's clock, moved an hour on by each test (the same day: no forecast slides); never the machine's. */
let now = new Date('2026-03-02T08:00:00.000Z');
const TODAY = '2026-03-02';
const hourLater = () => (now = new Date(now.getTime() + 3_600_000));

let t: TestApp;
let ws: string;
let admin: Client;
let ingestKey: string;

interface Score {
  scoredAt: string;
  score: number | null;
  components: { dimensions: Array<{ dimension: string; points: number | null }> };
}

beforeAll(async () => {
  t = await createTestApp({}, { now: () => now });
  ws = await t.workspace('fresh-health');
  admin = await t.login((await t.user(ws, 'admin')).email);
  ingestKey = await t.apiKey(ws, 'ingest');
});
afterAll(async () => t?.close());

/** Runs every due job on the server's clock; none may fail. */
const runJobs = async () => expect(await t.runJobs({ now })).toEqual([]);

const currentScore = async (accountId: string): Promise<Score> => {
  const res = await admin.request({ method: 'GET', url: `/api/v1/health/accounts/${accountId}/score` });
  expect(res.statusCode, res.body).toBe(200);
  const current = (res.json() as { current: Score | null }).current;
  expect(current).not.toBeNull();
  return current as Score;
};
const points = (s: Score, dimension: string) => s.components.dimensions.find((d) => d.dimension === dimension)?.points;

/** An account with licensed seats and a project promised far ahead of its forecast, scored once. */
async function account(name: string) {
  const res = await admin.request({ method: 'POST', url: '/api/v1/accounts', payload: { name, segment: 'smb' } });
  expect(res.statusCode, res.body).toBe(201);
  const id = res.json().id as string;
  const seats = await admin.request({
    method: 'PUT',
    url: `/api/v1/usage/accounts/${id}/seats`,
    payload: { seats: 10 },
  });
  expect(seats.statusCode, seats.body).toBe(200);
  const project = await admin.request({
    method: 'POST',
    url: '/api/v1/projects',
    payload: { accountId: id, promisedGoLive: '2026-12-01' },
  });
  expect(project.statusCode, project.body).toBe(201);
  return { id, projectId: project.json().id as string };
}

/**
 * A survey answer written beneath the API (no event): an account rescored for any reason now scores lower on
 * sentiment, so a rescoring of the wrong account shows.
 */
const quietDetractor = (accountId: string) =>
  buildSurvey(t.ctx.db, ws, accountId, { kind: 'nps', score: 0, responded_at: now.toISOString() });

describe('health freshness', () => {
  let a: { id: string; projectId: string };
  let b: { id: string; projectId: string };

  beforeAll(async () => {
    a = await account('Alder Logistics');
    b = await account('Birchwood Foods');
    const recompute = await admin.request({ method: 'POST', url: '/api/v1/health/scores/recompute' });
    expect(recompute.statusCode, recompute.body).toBe(202);
    await runJobs();
  });

  it('rescores the account of a slip recorded through the API, and no other', async () => {
    const before = await currentScore(a.id);
    expect(points(before, 'delivery')).toBe(100);
    const other = await currentScore(b.id);
    await quietDetractor(b.id);
    hourLater();

    const res = await admin.request({
      method: 'POST',
      url: `/api/v1/projects/${a.projectId}/slips`,
      payload: { expectedOn: '2027-02-15', reason: { code: 'customer_delay', note: 'their data team moved on' } },
    });
    expect(res.statusCode, res.body).toBe(201);
    // the forecast still follows the plan: the slip alone says the go-live is expected later
    expect(res.json().forecastGoLive < '2026-12-01').toBe(true);
    await runJobs();

    const after = await currentScore(a.id);
    expect(after.scoredAt).toBe(now.toISOString());
    expect(points(after, 'delivery')).toBeLessThan(100);
    expect(after.score).toBeLessThan(before.score as number);
    expect((await currentScore(b.id)).scoredAt).toBe(other.scoredAt);
  });

  it('rescores the accounts of an ingested usage batch, once each, and no other', async () => {
    const before = await currentScore(a.id);
    // no usage yet: adoption has no data
    expect(points(before, 'adoption') ?? null).toBeNull();
    const other = await currentScore(b.id);
    await quietDetractor(b.id);
    hourLater();

    const batch = Array.from({ length: 12 }, (_, i) => ({
      type: 'track',
      messageId: `fresh-${i}`,
      userId: `alder-user-${i % 6}`,
      event: 'Report Published',
      timestamp: `${TODAY}T0${i % 9}:00:00.000Z`,
      context: { groupId: a.id },
    }));
    const res = await t.inject({
      method: 'POST',
      url: '/v1/batch',
      headers: { authorization: `Basic ${Buffer.from(`${ingestKey}:`).toString('base64')}` },
      payload: { batch },
    });
    expect(res.statusCode, res.body).toBe(200);
    const waiting = await t.ctx.db
      .selectFrom('jobs')
      .select('payload')
      .where('workspace_id', '=', ws)
      .where('type', '=', 'health.score-accounts')
      .where('status', '=', 'queued')
      .execute();
    // one rescoring for the batch, naming its account once
    expect(waiting.map((j) => JSON.parse(j.payload))).toEqual([{ accountIds: [a.id] }]);
    await runJobs();

    const after = await currentScore(a.id);
    expect(after.scoredAt).toBe(now.toISOString());
    // 6 of 10 seats active in 30 days
    expect(points(after, 'adoption')).toBeGreaterThan(0);
    expect((await currentScore(b.id)).scoredAt).toBe(other.scoredAt);
  });

  it('folds changes made before the rescoring runs into the one rescoring waiting', async () => {
    for (const accountId of [a.id, b.id, a.id]) {
      const res = await admin.request({
        method: 'POST',
        url: '/api/v1/relationship/surveys',
        payload: { accountId, kind: 'csat', score: 4, respondedAt: now.toISOString() },
      });
      expect(res.statusCode, res.body).toBe(201);
    }
    const waiting = await t.ctx.db
      .selectFrom('jobs')
      .select('payload')
      .where('workspace_id', '=', ws)
      .where('type', '=', 'health.score-accounts')
      .where('status', '=', 'queued')
      .execute();
    expect(waiting.map((j) => JSON.parse(j.payload))).toEqual([{ accountIds: [a.id, b.id] }]);
    await runJobs();
  });
});
