import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DealRecord } from '../../src/modules/deals/deal.ts';
import { DEFAULT_GUARD } from '../../src/modules/deals/deal.ts';
import { applyDealBatch } from '../../src/modules/deals/deal.service.ts';
import { StageMap } from '../../src/modules/deals/stage-mapping.ts';
import { type Client, createTestApp, type TestApp } from '../helpers/test-app.ts';

let t: TestApp;
let ws: string;
let admin: Client;
let leader: Client;
let sales: Client;
let salesUserId: string;
let csm: Client;
let viewer: Client;
let delivery: Client;
let northwind: string;
let globex: string;
let dana: string;
let northwindDeal: string;
let globexDeal: string;
let betaDeal: string;
let betaAccount: string;

/** A calendar date `days` from today (UTC), as the server counts. */
const day = (days: number): string => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

const deal = (externalId: string, accountName: string): DealRecord => ({
  source: 'csv',
  externalId,
  name: `${accountName} expansion`,
  accountName,
  accountExternalId: null,
  stage: 'won',
  stageCategory: 'won',
  pipeline: null,
  amount: 50000,
  currency: 'USD',
  closeDate: day(-20),
  signedDate: day(-21),
  createdDate: null,
  owner: 'Ana Ruiz',
  products: [],
  partner: null,
});

async function loadDeals(workspaceId: string, records: DealRecord[]): Promise<void> {
  await applyDealBatch(
    t.ctx.db,
    { workspaceId, guard: DEFAULT_GUARD, stages: new StageMap([]), unmappedStages: new Set() },
    records.map((record, i) => ({ row: i + 1, record })),
  );
}

const dealId = async (workspaceId: string, externalId: string) =>
  (
    await t.ctx.db
      .selectFrom('deals')
      .select('id')
      .where('workspace_id', '=', workspaceId)
      .where('external_id', '=', externalId)
      .executeTakeFirstOrThrow()
  ).id;

const countRows = async () =>
  Number(
    (
      await t.ctx.db
        .selectFrom('commitments')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

const fieldsOf = (body: { errors?: Array<{ field: string }> }) => (body.errors ?? []).map((e) => e.field);

beforeAll(async () => {
  t = await createTestApp();
  ws = await t.workspace('acme');
  admin = await t.login((await t.user(ws, 'admin')).email);
  leader = await t.login((await t.user(ws, 'leader')).email);
  const s = await t.user(ws, 'sales');
  salesUserId = s.userId;
  sales = await t.login(s.email);
  csm = await t.login((await t.user(ws, 'csm')).email);
  viewer = await t.login((await t.user(ws, 'viewer')).email);
  delivery = await t.login((await t.user(ws, 'delivery')).email);
  northwind = (
    await admin.request({
      method: 'POST',
      url: '/api/v1/accounts',
      payload: { name: 'Northwind Freight', segment: 'mid_market', renewalDate: day(45) },
    })
  ).json().id;
  globex = (
    await admin.request({ method: 'POST', url: '/api/v1/accounts', payload: { name: 'Globex', segment: 'enterprise' } })
  ).json().id;
  dana = (
    await admin.request({
      method: 'POST',
      url: `/api/v1/accounts/${northwind}/contacts`,
      payload: { name: 'Dana Lee', role: 'champion' },
    })
  ).json().id;
  await loadDeals(ws, [deal('NW-1', 'Northwind Freight'), deal('GX-1', 'Globex')]);
  northwindDeal = await dealId(ws, 'NW-1');
  globexDeal = await dealId(ws, 'GX-1');

  const beta = await t.workspace('beta');
  const betaAdmin = await t.login((await t.user(beta, 'admin')).email);
  betaAccount = (
    await betaAdmin.request({
      method: 'POST',
      url: '/api/v1/accounts',
      payload: { name: 'Northwind Freight', segment: 'smb' },
    })
  ).json().id;
  await loadDeals(beta, [deal('B-1', 'Northwind Freight')]);
  betaDeal = await dealId(beta, 'B-1');
});
afterAll(async () => t?.close());

const record = (client: Client, payload: Record<string, unknown>, headers: Record<string, string> = {}) =>
  client.request({ method: 'POST', url: '/api/v1/commitments', payload, headers });

describe('recording a promise', () => {
  it('records a promise to a contact on a deal, reads its words and starts it as not reviewed, audited', async () => {
    const res = await record(sales, {
      accountId: northwind,
      dealId: northwindDeal,
      what: 'SAML single sign-on',
      toContactId: dana,
      words: 'Committed by Q3',
      dueDate: day(30),
      roadmapItem: 'https://roadmap.example/sso',
    });
    expect(res.statusCode).toBe(201);
    const c = res.json();
    expect(c).toMatchObject({
      accountId: northwind,
      accountName: 'Northwind Freight',
      dealId: northwindDeal,
      dealName: 'Northwind Freight expansion',
      toContactId: dana,
      toName: 'Dana Lee',
      strength: 'firm',
      matchedPhrase: 'Committed',
      status: 'not_reviewed',
      exposed: true,
      overdue: false,
      unscoped: true,
      madeBy: { userId: salesUserId },
      madeOn: day(0),
    });
    expect(c.exposure).toContain('firm');
    const one = (await viewer.request({ method: 'GET', url: `/api/v1/commitments/${c.id}` })).json();
    expect(one.history).toEqual([
      expect.objectContaining({
        from: null,
        to: 'not_reviewed',
        note: null,
        changedBy: expect.objectContaining({ userId: salesUserId }),
      }),
    ]);
    const audit = (
      await admin.request({ method: 'GET', url: `/api/v1/audit-log?entityType=commitment&entityId=${c.id}` })
    ).json();
    expect(audit.items.map((e: { action: string }) => e.action)).toEqual(['commitment.create']);
    expect(audit.items[0].after).toMatchObject({ words: 'Committed by Q3', status: 'not_reviewed' });
  });

  it('records a promise to a named person without a deal; a success manager may record', async () => {
    const res = await record(csm, {
      accountId: globex,
      what: 'Usage export API',
      toName: 'The CFO',
      words: "We're looking at it",
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      toContactId: null,
      toName: 'The CFO',
      strength: 'vague',
      matchedPhrase: 'looking at',
      exposed: false,
      dueDate: null,
    });
  });

  it('replays the answer for a repeated Idempotency-Key instead of recording twice', async () => {
    const payload = { accountId: globex, what: 'Audit log export', toName: 'IT lead', words: 'coming soon' };
    const before = await countRows();
    const first = await record(sales, payload, { 'idempotency-key': 'promise-42' });
    const again = await record(sales, payload, { 'idempotency-key': 'promise-42' });
    expect(first.statusCode).toBe(201);
    expect(again.statusCode).toBe(201);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.json().id).toBe(first.json().id);
    expect(await countRows()).toBe(before + 1);
    const other = await record(sales, { ...payload, what: 'something else' }, { 'idempotency-key': 'promise-42' });
    expect(other.statusCode).toBe(409);
  });

  it.each<[string, Record<string, unknown>, string]>([
    ['an unknown account', { accountId: 'nope' }, 'body.accountId'],
    ['an account of another workspace', { accountId: 'beta-account' }, 'body.accountId'],
    ['a deal of another workspace', { dealId: 'beta-deal' }, 'body.dealId'],
    ['a deal of another account', { dealId: 'globex-deal' }, 'body.dealId'],
    ['a due date that is not a date', { dueDate: '2026-02-30' }, 'body.dueDate'],
    ['a due date in words', { dueDate: 'next week' }, 'body.dueDate'],
    ['no one it was made to', { toName: undefined }, 'body.toName'],
    ['both a contact and a name', { toContactId: 'dana' }, 'body.toName'],
    ['a contact of another account', { toName: undefined, toContactId: 'nobody' }, 'body.toContactId'],
    ['no words', { words: '  ' }, 'body.words'],
    ['a promise made in the future', { madeOn: '2099-01-01' }, 'body.madeOn'],
    ['a maker who is not a member', { madeByUserId: 'ghost' }, 'body.madeByUserId'],
  ])('refuses %s, naming the field, and writes nothing', async (_what, over, field) => {
    const ids: Record<string, string> = {
      'beta-account': betaAccount,
      'beta-deal': betaDeal,
      'globex-deal': globexDeal,
      dana,
    };
    const resolved = Object.fromEntries(
      Object.entries(over).map(([k, v]) => [k, typeof v === 'string' && v in ids ? ids[v] : v]),
    );
    const before = await countRows();
    const res = await record(sales, {
      accountId: northwind,
      what: 'Bulk edit',
      toName: 'Dana',
      words: 'planned',
      ...resolved,
    });
    expect(res.statusCode, res.body).toBe(400);
    expect(fieldsOf(res.json())).toContain(field);
    expect(await countRows()).toBe(before);
  });

  it('lets only the roles that record promises record them', async () => {
    const payload = { accountId: globex, what: 'Dark mode', toName: 'Users', words: 'maybe' };
    expect((await record(viewer, payload)).statusCode).toBe(403);
    expect((await record(delivery, payload)).statusCode).toBe(403);
    expect((await viewer.request({ method: 'GET', url: '/api/v1/commitments' })).statusCode).toBe(200);
  });
});

describe("product's status and its history", () => {
  /** A promise as sales recorded it, not reviewed yet. */
  const promise = async (): Promise<string> =>
    (
      await record(sales, {
        accountId: northwind,
        what: 'Salesforce connector',
        toName: 'Ops team',
        words: 'guaranteed for go-live',
        dueDate: day(60),
      })
    ).json().id;

  /** A promise product has reviewed: planned by a leader, then committed by an admin. */
  async function reviewedPromise(): Promise<string> {
    const id = await promise();
    for (const [client, status, note] of [
      [leader, 'planned', 'In the Q2 plan'],
      [admin, 'committed', 'Staffed'],
    ] as const) {
      const res = await client.request({
        method: 'PUT',
        url: `/api/v1/commitments/${id}/status`,
        payload: { status, note },
      });
      expect(res.json().status).toBe(status);
    }
    return id;
  }

  it('lets reviewers set the status with a note, keeping who, when, from, to and note', async () => {
    const id = await promise();
    expect(
      (await sales.request({ method: 'PUT', url: `/api/v1/commitments/${id}/status`, payload: { status: 'planned' } }))
        .statusCode,
    ).toBe(403);
    const planned = await leader.request({
      method: 'PUT',
      url: `/api/v1/commitments/${id}/status`,
      payload: { status: 'planned', note: 'In the Q2 plan' },
    });
    expect(planned.statusCode).toBe(200);
    expect(planned.json()).toMatchObject({ status: 'planned', exposed: true });
    const committed = await admin.request({
      method: 'PUT',
      url: `/api/v1/commitments/${id}/status`,
      payload: { status: 'committed', note: 'Staffed' },
    });
    expect(committed.json()).toMatchObject({ status: 'committed', exposed: false, exposure: null });
    const history = committed.json().history;
    expect(
      history.map((h: { from: string | null; to: string; note: string | null }) => [h.from, h.to, h.note]),
    ).toEqual([
      [null, 'not_reviewed', null],
      ['not_reviewed', 'planned', 'In the Q2 plan'],
      ['planned', 'committed', 'Staffed'],
    ]);
    expect(history[1].changedBy.label).toMatch(/^leader-/);
    expect(Date.parse(history[2].changedAt)).toBeGreaterThanOrEqual(Date.parse(history[1].changedAt));
    const audit = (
      await admin.request({ method: 'GET', url: `/api/v1/audit-log?entityType=commitment&entityId=${id}` })
    ).json();
    const statusEntries = audit.items.filter((e: { action: string }) => e.action === 'commitment.status');
    expect(statusEntries).toHaveLength(2);
    expect(statusEntries[0]).toMatchObject({
      before: { status: 'planned' },
      after: { status: 'committed', note: 'Staffed' },
    });
  });

  it('changes nothing when the same status comes again without a note', async () => {
    const id = await reviewedPromise();
    const res = await leader.request({
      method: 'PUT',
      url: `/api/v1/commitments/${id}/status`,
      payload: { status: 'committed' },
    });
    expect(res.json().history).toHaveLength(3);
  });

  it('refuses an unknown status, naming the field', async () => {
    const id = await promise();
    const res = await leader.request({
      method: 'PUT',
      url: `/api/v1/commitments/${id}/status`,
      payload: { status: 'done' },
    });
    expect(res.statusCode).toBe(400);
    expect(fieldsOf(res.json())).toEqual(['body.status']);
  });

  it('lets the recorder change what was promised, but after review only a reviewer changes the words or the date', async () => {
    const id = await reviewedPromise();
    const what = await sales.request({
      method: 'PATCH',
      url: `/api/v1/commitments/${id}`,
      payload: { what: 'Salesforce connector (bi-directional)' },
    });
    expect(what.statusCode).toBe(200);
    expect(what.json().what).toBe('Salesforce connector (bi-directional)');
    const words = await sales.request({
      method: 'PATCH',
      url: `/api/v1/commitments/${id}`,
      payload: { words: 'on the roadmap' },
    });
    expect(words.statusCode).toBe(403);
    expect(words.json().detail).toContain('only a reviewer');
    const date = await sales.request({
      method: 'PATCH',
      url: `/api/v1/commitments/${id}`,
      payload: { dueDate: day(300) },
    });
    expect(date.statusCode).toBe(403);
    const byLeader = await leader.request({
      method: 'PATCH',
      url: `/api/v1/commitments/${id}`,
      payload: { words: 'by end of year', dueDate: null },
    });
    expect(byLeader.json()).toMatchObject({
      words: 'by end of year',
      strength: 'firm',
      matchedPhrase: 'by end of year',
      dueDate: null,
      unscoped: true,
    });
    const audit = (
      await admin.request({ method: 'GET', url: `/api/v1/audit-log?entityType=commitment&entityId=${id}` })
    ).json();
    const update = audit.items.find((e: { action: string }) => e.action === 'commitment.update');
    expect(update).toMatchObject({ before: { words: 'guaranteed for go-live' }, after: { words: 'by end of year' } });
    const empty = await leader.request({ method: 'PATCH', url: `/api/v1/commitments/${id}`, payload: {} });
    expect(empty.statusCode).toBe(400);
  });

  it('deletes a promise only while not reviewed; a reviewed one stays (409 with the reason)', async () => {
    const id = await reviewedPromise();
    const reviewed = await sales.request({ method: 'DELETE', url: `/api/v1/commitments/${id}` });
    expect(reviewed.statusCode).toBe(409);
    expect(reviewed.json().detail).toContain('stays in the ledger');
    const mistake = (await record(sales, { accountId: globex, what: 'Typo', toName: 'x', words: 'soon' })).json().id;
    expect((await viewer.request({ method: 'DELETE', url: `/api/v1/commitments/${mistake}` })).statusCode).toBe(403);
    expect((await sales.request({ method: 'DELETE', url: `/api/v1/commitments/${mistake}` })).statusCode).toBe(204);
    expect((await sales.request({ method: 'GET', url: `/api/v1/commitments/${mistake}` })).statusCode).toBe(404);
    const audit = (
      await admin.request({ method: 'GET', url: `/api/v1/audit-log?entityType=commitment&entityId=${mistake}` })
    ).json();
    expect(audit.items[0]).toMatchObject({ action: 'commitment.delete', before: { what: 'Typo' }, after: null });
  });
});

describe('the ledger and the exposure report', () => {
  let ledgerWs: string;
  let lead: Client;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    ledgerWs = await t.workspace('ledger');
    lead = await t.login((await t.user(ledgerWs, 'leader')).email);
    const account = async (name: string, renewalDate: string | null) =>
      (
        await lead.request({ method: 'POST', url: '/api/v1/accounts', payload: { name, segment: 'smb', renewalDate } })
      ).json().id as string;
    const soon = await account('Soon Renewing', day(30));
    const later = await account('Later Renewing', day(400));
    const edge = await account('Edge Renewing', day(180));
    const promises: Array<
      [key: string, accountId: string, words: string, status: string | null, due: string | null, madeOn: string]
    > = [
      ['firmLate', soon, 'committed by Q3', null, day(-10), day(-90)], // exposed, overdue 10, renewing 30
      ['intentOk', soon, 'planned for the next release', 'planned', null, day(-80)], // renewing only
      ['shipped', soon, 'guaranteed', 'shipped', day(-40), day(-70)], // nothing
      ['declined', later, 'coming soon', 'declined', day(-5), day(-60)], // exposed, overdue 5
      ['vague', later, 'on the roadmap', 'not_reviewed', null, day(-50)], // nothing
      ['edge', edge, 'maybe', 'under_consideration', null, day(-40)], // renewing 180
    ];
    for (const [key, accountId, words, status, dueDate, madeOn] of promises) {
      const c = (await record(lead, { accountId, what: key, toName: 'Buyer', words, dueDate, madeOn })).json();
      ids[key] = c.id;
      if (status) await lead.request({ method: 'PUT', url: `/api/v1/commitments/${c.id}/status`, payload: { status } });
    }
  });

  const list = async (qs: string) => {
    const res = await lead.request({ method: 'GET', url: `/api/v1/commitments${qs}` });
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  };
  const keys = (page: { items: Array<{ what: string }> }) => page.items.map((c) => c.what);

  it('lists the most recent promise first, with counts, and pages with a cursor', async () => {
    const all = await list('');
    expect(keys(all)).toEqual(['edge', 'vague', 'declined', 'shipped', 'intentOk', 'firmLate']);
    expect(all).toMatchObject({ total: 6, counts: { all: 6, exposed: 2, overdue: 2 } });
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { items: Array<{ what: string }>; nextCursor: string | null } = await list(
        `?limit=4${cursor ? `&cursor=${cursor}` : ''}`,
      );
      seen.push(...keys(page));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual(keys(all));
  });

  it.each([
    ['?exposed=true', ['declined', 'firmLate']],
    ['?exposed=false', ['edge', 'vague', 'shipped', 'intentOk']],
    ['?overdue=true', ['declined', 'firmLate']],
    ['?status=planned,shipped', ['shipped', 'intentOk']],
    ['?renewingWithinDays=180', ['edge', 'intentOk', 'firmLate']],
    ['?renewingWithinDays=30', ['intentOk', 'firmLate']],
    ['?q=ROADMAP', ['vague']],
    ['?exposed=true&overdue=true&q=committed', ['firmLate']],
  ])('filters %s', async (qs, expected) => {
    const page = await list(qs);
    expect(keys(page)).toEqual(expected);
    expect(page.total).toBe(expected.length);
  });

  it('filters by account', async () => {
    const soon = (await list('?q=firmLate')).items[0].accountId;
    expect(keys(await list(`?account=${soon}`))).toEqual(['shipped', 'intentOk', 'firmLate']);
  });

  it.each([
    ['?status=done', 'querystring.status'],
    ['?exposed=maybe', 'querystring.exposed'],
    ['?renewingWithinDays=-1', 'querystring.renewingWithinDays'],
    ['?cursor=garbage', 'query.cursor'],
  ])('refuses %s, naming the parameter', async (qs, field) => {
    const res = await lead.request({ method: 'GET', url: `/api/v1/commitments${qs}` });
    expect(res.statusCode).toBe(400);
    expect(fieldsOf(res.json())).toContain(field);
  });

  it('reports exposed, overdue and renewing promises with counts, totals and reasons', async () => {
    const res = await lead.request({ method: 'GET', url: '/api/v1/reports/commitment-exposure' });
    expect(res.statusCode).toBe(200);
    const r = res.json();
    expect(r).toMatchObject({
      today: day(0),
      withinDays: 180,
      totals: { commitments: 6, open: 5, listed: 4, accounts: 3 },
    });
    expect(r.exposed).toMatchObject({ count: 2, accounts: 2 });
    expect(r.exposed.rows.map((x: { commitmentId: string }) => x.commitmentId)).toEqual([ids.firmLate, ids.declined]);
    expect(
      r.overdue.rows.map((x: { commitmentId: string; daysOverdue: number }) => [x.commitmentId, x.daysOverdue]),
    ).toEqual([
      [ids.firmLate, 10],
      [ids.declined, 5],
    ]);
    expect(r.overdue.byStatus).toMatchObject({ not_reviewed: 1, declined: 1, planned: 0 });
    expect(
      r.renewing.rows.map((x: { commitmentId: string; daysToRenewal: number }) => [x.commitmentId, x.daysToRenewal]),
    ).toEqual([
      [ids.firmLate, 30],
      [ids.intentOk, 30],
      [ids.edge, 180],
    ]);
    expect(r.renewing.rows[0]).toMatchObject({
      accountName: 'Soon Renewing',
      words: 'committed by Q3',
      status: 'not_reviewed',
      dueDate: day(-10),
      reason: expect.stringContaining('renews on'),
    });
    const narrow = (
      await lead.request({ method: 'GET', url: '/api/v1/reports/commitment-exposure?withinDays=29' })
    ).json();
    expect(narrow.renewing.count).toBe(0);
    expect(narrow.totals.listed).toBe(2);
    const bad = await lead.request({ method: 'GET', url: '/api/v1/reports/commitment-exposure?withinDays=soon' });
    expect(bad.statusCode).toBe(400);
    expect(fieldsOf(bad.json())).toContain('querystring.withinDays');
  });

  it('explains how words are read', async () => {
    const res = await lead.request({
      method: 'GET',
      url: `/api/v1/commitments/classify?words=${encodeURIComponent('not committed, but on the roadmap')}`,
    });
    expect(res.json()).toMatchObject({
      strength: 'vague',
      phrase: 'not committed',
      needs: null,
      matches: [{ phrase: 'not committed' }, { phrase: 'on the roadmap' }],
    });
  });

  it('never shows another workspace’s promises, and keeps partners out of the ledger', async () => {
    expect((await sales.request({ method: 'GET', url: `/api/v1/commitments/${ids.firmLate}` })).statusCode).toBe(404);
    expect(keys(await list(''))).not.toContain('SAML single sign-on');
    const partnerId = await t.partner(ws, 'Bridge Consulting');
    const partner = await t.login((await t.user(ws, 'partner', { partnerId })).email);
    expect((await partner.request({ method: 'GET', url: '/api/v1/commitments' })).statusCode).toBe(403);
    expect((await partner.request({ method: 'GET', url: '/api/v1/reports/commitment-exposure' })).statusCode).toBe(403);
  });
});
