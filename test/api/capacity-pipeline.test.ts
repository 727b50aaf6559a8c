import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { capacityView } from '../../src/modules/delivery/capacity/capacity.service.ts';
import { type Client, createTestApp, type TestApp } from '../helpers/test-app.ts';

/**
 * The pipeline the capacity plan counts: each open deal weighed by the CRM's own probability when its file gave one
 * (else its stage's), and deals still open long past their close date left out and listed as stale, unless the
 * workspace counts them.
 */

let t: TestApp;
let ws: string;
let admin: Client;

const addDays = (from: string, n: number) =>
  new Date(Date.parse(`${from}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
// The day every plan here starts from (asOf), whatever the machine's day.
const now = () => '2026-11-20';

type Line = {
  name: string;
  probability: number;
  probabilitySource: string;
  stale: boolean;
  counted: boolean;
  weightedHours: number;
  expectedStart: string;
  closeDate: string | null;
};

const upload = async (csv: string, query = '') => {
  const res = await admin.request({
    method: 'POST',
    url: `/api/v1/imports/deals${query}`,
    headers: { 'content-type': 'text/csv' },
    payload: csv,
  });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
};
const plan = async (query = '') => {
  const res = await admin.request({
    method: 'GET',
    url: `/api/v1/delivery/capacity?asOf=${now()}${query.replace('?', '&')}`,
  });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as {
    pipeline: Line[];
    rows: Array<{ pipelineDemandHours: number }>;
    stale: { treatment: string; afterDays: number; deals: number };
  };
};
const line = (p: { pipeline: Line[] }, name: string) => p.pipeline.find((l) => l.name === name) as Line;
const pipelineHours = (p: { rows: Array<{ pipelineDemandHours: number }> }) =>
  p.rows.reduce((s, r) => s + r.pipelineDemandHours, 0);

beforeAll(async () => {
  t = await createTestApp();
  ws = await t.workspace('capacity');
  admin = await t.login((await t.user(ws, 'admin')).email);
  expect(
    (await admin.request({ method: 'POST', url: '/api/v1/accounts', payload: { name: 'Hooli', segment: 'smb' } }))
      .statusCode,
  ).toBe(201);
  expect(
    (
      await admin.request({
        method: 'POST',
        url: '/api/v1/resources',
        payload: { name: 'Cara', role: 'consultant', weeklyCapacityHours: 40 },
      })
    ).statusCode,
  ).toBe(201);
});
afterAll(async () => t?.close());

describe('the pipeline capacity counts', () => {
  it('weighs an open deal by the probability its CRM gave it, and leaves deals long past their close date out as stale', async () => {
    const today = now();
    // A Salesforce Opportunity export: Probability is a percent. The second deal's close date passed over a year ago.
    const opportunities = [
      'Id,Name,Account.Name,StageName,Probability,CloseDate,IsClosed,IsWon',
      `006A1,Hooli expansion,Hooli,Negotiation/Review,80,${addDays(today, 30)},false,false`,
      `006A2,Hooli pilot 2024,Hooli,Prospecting,10,${addDays(today, -400)},false,false`,
      `006A3,Hooli add-on,Hooli,Negotiation/Review,,${addDays(today, 14)},false,false`,
    ].join('\n');
    expect(await upload(opportunities)).toMatchObject({ format: 'salesforce', created: 3, rejected: 0 });
    expect(await upload(opportunities), 'the same file again').toMatchObject({ created: 0, unchanged: 3 });

    const p = await plan();
    expect(line(p, 'Hooli expansion')).toMatchObject({
      probability: 0.8,
      probabilitySource: 'deal',
      stale: false,
      counted: true,
    });
    expect(line(p, 'Hooli expansion').weightedHours).toBeGreaterThan(0);
    expect(line(p, 'Hooli add-on').probabilitySource, 'no probability in its row: its stage’s').not.toBe('deal');
    expect(line(p, 'Hooli pilot 2024')).toMatchObject({
      probability: 0.1,
      stale: true,
      counted: false,
      weightedHours: 0,
      closeDate: addDays(today, -400),
    });
    expect(p.stale).toEqual({ treatment: 'exclude', afterDays: 0, deals: 1 });
    const counted = p.pipeline.filter((l) => l.counted).reduce((s, l) => s + l.weightedHours, 0);
    expect(pipelineHours(p)).toBeCloseTo(counted, 0);

    // Counted from today when the request (or the workspace) says so.
    const all = await plan('?staleDeals=count_from_today');
    expect(line(all, 'Hooli pilot 2024')).toMatchObject({ stale: true, counted: true, expectedStart: today });
    expect(pipelineHours(all)).toBeGreaterThan(pipelineHours(p));
    const put = await admin.request({
      method: 'PUT',
      url: '/api/v1/delivery/capacity-settings',
      payload: { bufferPct: 0.15, weeks: 12, staleDeals: 'count_from_today' },
    });
    expect(put.statusCode, put.body).toBe(200);
    expect((await plan()).stale).toMatchObject({ treatment: 'count_from_today', deals: 1 });
    const bad = await admin.request({
      method: 'PUT',
      url: '/api/v1/delivery/capacity-settings',
      payload: { bufferPct: 0.15, weeks: 12, staleDeals: 'maybe' },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].field).toBe('body.staleDeals');
    // A workspace that saved its settings before stale deals existed keeps reading them, stale deals excluded.
    expect(
      (
        await admin.request({
          method: 'PUT',
          url: '/api/v1/delivery/capacity-settings',
          payload: { bufferPct: 0.15, weeks: 12 },
        })
      ).json(),
    ).toMatchObject({ staleDeals: 'exclude', staleAfterDays: 0 });
  });

  it('judges staleness on the day it is asked, with the workspace’s grace days', async () => {
    const base = { weeks: 4, bufferPct: 0.15, staleDeals: 'exclude' as const };
    const closeDate = (
      await t.ctx.db
        .selectFrom('deals')
        .select('close_date')
        .where('external_id', '=', '006A1')
        .executeTakeFirstOrThrow()
    ).close_date as string;
    const onClose = await capacityView(t.ctx.db, ws, { ...base, today: closeDate, staleAfterDays: 0 });
    expect(onClose.pipeline.find((l) => l.name === 'Hooli expansion')).toMatchObject({ stale: false, counted: true });
    const dayAfter = await capacityView(t.ctx.db, ws, { ...base, today: addDays(closeDate, 1), staleAfterDays: 0 });
    expect(dayAfter.pipeline.find((l) => l.name === 'Hooli expansion')).toMatchObject({ stale: true, counted: false });
    const grace = await capacityView(t.ctx.db, ws, { ...base, today: addDays(closeDate, 30), staleAfterDays: 30 });
    expect(grace.pipeline.find((l) => l.name === 'Hooli expansion')).toMatchObject({ stale: false, counted: true });
    expect(
      (await capacityView(t.ctx.db, ws, { ...base, today: addDays(closeDate, 31), staleAfterDays: 30 })).pipeline.find(
        (l) => l.name === 'Hooli expansion',
      )?.stale,
    ).toBe(true);
  });

  it('reads HubSpot’s probability as a share of one, and a mapped column as the file writes it', async () => {
    const today = now();
    const hubspot = [
      'Record ID,Deal Name,Deal Stage,Associated Company,Close Date,Deal probability',
      `H-1,Hooli renewal,appointmentscheduled,Hooli,${addDays(today, 20)},0.35`,
    ].join('\n');
    expect(await upload(hubspot)).toMatchObject({ format: 'hubspot-export', created: 1 });
    const mapping = encodeURIComponent(
      JSON.stringify({
        Id: 'external_id',
        Title: 'name',
        Stage: 'stage',
        Chance: 'probability',
        Close: 'close_date',
        Customer: 'account',
      }),
    );
    const mapped = [
      'Id,Title,Stage,Chance,Close,Customer',
      `M-1,Hooli services,Proposal,40%,${addDays(today, 10)},Hooli`,
      `M-2,Hooli training,Proposal,0.25,${addDays(today, 10)},Hooli`,
      `M-3,Hooli audit,Proposal,140,${addDays(today, 10)},Hooli`,
    ].join('\n');
    const preview = await admin.request({
      method: 'POST',
      url: `/api/v1/imports/deals/preview?mapping=${mapping}`,
      headers: { 'content-type': 'text/csv' },
      payload: mapped,
    });
    expect(preview.json().rows[0].values, 'the preview shows the probability as Baton reads it').toMatchObject({
      probability: 40,
    });
    const report = await upload(mapped, `?mapping=${mapping}`);
    expect(report).toMatchObject({ created: 2, rejected: 1 });
    expect(report.errors[0]).toMatchObject({ row: 3, field: 'probability' });
    const p = await plan();
    expect(line(p, 'Hooli renewal')).toMatchObject({ probability: 0.35, probabilitySource: 'deal' });
    expect(line(p, 'Hooli services')).toMatchObject({ probability: 0.4, probabilitySource: 'deal' });
    expect(line(p, 'Hooli training')).toMatchObject({ probability: 0.25, probabilitySource: 'deal' });
  });
});
