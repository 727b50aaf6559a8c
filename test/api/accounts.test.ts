import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/test-app.ts';

let t: TestApp;
let slugs = 0;

/**
 * A workspace of its own with five accounts (Charlie Health enterprise, the others smb; Bravo Retail with the partner
 * firm Bridge Consulting), its admin and a user of the firm.
 */
async function setUp() {
  const ws = await t.workspace(`acme-${++slugs}`);
  const admin = await t.login((await t.user(ws, 'admin')).email);
  const partnerId = await t.partner(ws, 'Bridge Consulting');
  const partnerClient = await t.login((await t.user(ws, 'partner', { partnerId })).email);
  const names = ['Delta Foods', 'alpha Logistics', 'Charlie Health', 'Bravo Retail', 'Echo Energy'];
  for (const name of names) {
    const res = await admin.request({
      method: 'POST',
      url: '/api/v1/accounts',
      payload: {
        name,
        segment: name.startsWith('Charlie') ? 'enterprise' : 'smb',
        partnerId: name.startsWith('B') ? partnerId : null,
      },
    });
    expect(res.statusCode).toBe(201);
  }
  return { ws, admin, partnerClient };
}

/** Echo Energy goes live, and a sixth account, Foxtrot Media, is made. */
async function liveAndNewAccount({ admin }: Awaited<ReturnType<typeof setUp>>): Promise<void> {
  const id = (await admin.request({ method: 'GET', url: '/api/v1/accounts?q=Echo' })).json().items[0].id;
  const live = await admin.request({
    method: 'PATCH',
    url: `/api/v1/accounts/${id}`,
    payload: { lifecyclePhase: 'live' },
  });
  expect(live.statusCode).toBe(200);
  const created = await admin.request({
    method: 'POST',
    url: '/api/v1/accounts',
    payload: { name: 'Foxtrot Media', segment: 'smb' },
  });
  expect(created.statusCode).toBe(201);
}

beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

describe('accounts', () => {
  it('pages through accounts by name with an opaque cursor', async () => {
    const { admin } = await setUp();
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const url: string = `/api/v1/accounts?limit=2${cursor ? `&cursor=${cursor}` : ''}`;
      const page = (await admin.request({ method: 'GET', url })).json();
      expect(page.items.length).toBeLessThanOrEqual(2);
      expect(page.total).toBe(5);
      seen.push(...page.items.map((a: { name: string }) => a.name));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual(['Bravo Retail', 'Charlie Health', 'Delta Foods', 'Echo Energy', 'alpha Logistics']);
  });

  it('filters by segment and by part of the name, ignoring case', async () => {
    const { admin } = await setUp();
    const enterprise = (await admin.request({ method: 'GET', url: '/api/v1/accounts?segment=enterprise' })).json();
    expect(enterprise.items.map((a: { name: string }) => a.name)).toEqual(['Charlie Health']);
    const q = (await admin.request({ method: 'GET', url: '/api/v1/accounts?q=ALPHA' })).json();
    expect(q.items.map((a: { name: string }) => a.name)).toEqual(['alpha Logistics']);
  });

  it('counts in total the accounts the filters pass, over every page, not the whole workspace', async () => {
    const { admin, partnerClient } = await setUp();
    const none = (await admin.request({ method: 'GET', url: '/api/v1/accounts?q=zzzz' })).json();
    expect(none).toMatchObject({ items: [], total: 0 });
    const smb = (await admin.request({ method: 'GET', url: '/api/v1/accounts?segment=smb&limit=2' })).json();
    expect(smb.items).toHaveLength(2);
    expect(smb.total).toBe(4);
    const partnerQ = (await partnerClient.request({ method: 'GET', url: '/api/v1/accounts?q=zzzz' })).json();
    expect(partnerQ.total).toBe(0);
  });

  it('shows partner users only their firm’s accounts, and 404 for the others', async () => {
    const { admin, partnerClient } = await setUp();
    const page = (await partnerClient.request({ method: 'GET', url: '/api/v1/accounts' })).json();
    expect(page.items.map((a: { name: string }) => a.name)).toEqual(['Bravo Retail']);
    expect(page.total).toBe(1);
    const foreign = (await admin.request({ method: 'GET', url: '/api/v1/accounts?q=Delta' })).json().items[0];
    expect((await partnerClient.request({ method: 'GET', url: `/api/v1/accounts/${foreign.id}` })).statusCode).toBe(
      404,
    );
  });

  it('refuses an owner who is not a member of the workspace, naming the field', async () => {
    const { admin } = await setUp();
    const res = await admin.request({
      method: 'POST',
      url: '/api/v1/accounts',
      payload: { name: 'Ghost Co', segment: 'smb', csmUserId: 'nobody' },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0].field).toBe('body.csmUserId');
    expect((await admin.request({ method: 'GET', url: '/api/v1/accounts?q=Ghost' })).json().items).toHaveLength(0);
  });

  it('updates with If-Match and refuses a stale version with 412', async () => {
    const { admin } = await setUp();
    const id = (await admin.request({ method: 'GET', url: '/api/v1/accounts?q=Echo' })).json().items[0].id;
    const read = await admin.request({ method: 'GET', url: `/api/v1/accounts/${id}` });
    const etag = read.headers.etag as string;
    const first = await admin.request({
      method: 'PATCH',
      url: `/api/v1/accounts/${id}`,
      payload: { lifecyclePhase: 'live' },
      headers: { 'if-match': etag },
    });
    expect(first.statusCode).toBe(200);
    expect(first.headers.etag).not.toBe(etag);
    const stale = await admin.request({
      method: 'PATCH',
      url: `/api/v1/accounts/${id}`,
      payload: { lifecyclePhase: 'churned' },
      headers: { 'if-match': etag },
    });
    expect(stale.statusCode).toBe(412);
    expect((await admin.request({ method: 'GET', url: `/api/v1/accounts/${id}` })).json().lifecyclePhase).toBe('live');
  });

  it('records a renewal date, and refuses one that is not a real date naming the field', async () => {
    const { admin } = await setUp();
    const id = (await admin.request({ method: 'GET', url: '/api/v1/accounts?q=Charlie' })).json().items[0].id;
    const ok = await admin.request({
      method: 'PATCH',
      url: `/api/v1/accounts/${id}`,
      payload: { renewalDate: '2027-03-31' },
    });
    expect(ok.json().renewalDate).toBe('2027-03-31');
    for (const renewalDate of ['2027-02-30', '31/03/2027']) {
      const bad = await admin.request({ method: 'PATCH', url: `/api/v1/accounts/${id}`, payload: { renewalDate } });
      expect(bad.statusCode, renewalDate).toBe(400);
      expect(bad.json().errors[0].field).toBe('body.renewalDate');
    }
    expect((await admin.request({ method: 'GET', url: `/api/v1/accounts/${id}` })).json().renewalDate).toBe(
      '2027-03-31',
    );
  });

  it('adds stakeholders and returns them with the account', async () => {
    const { admin } = await setUp();
    const id = (await admin.request({ method: 'GET', url: '/api/v1/accounts?q=Charlie' })).json().items[0].id;
    const res = await admin.request({
      method: 'POST',
      url: `/api/v1/accounts/${id}/contacts`,
      payload: { name: 'Dana Reyes', email: 'Dana@Charlie.example', role: 'executive_sponsor', title: 'COO' },
    });
    expect(res.statusCode).toBe(201);
    const account = (await admin.request({ method: 'GET', url: `/api/v1/accounts/${id}` })).json();
    expect(account.contacts).toEqual([
      expect.objectContaining({ name: 'Dana Reyes', email: 'dana@charlie.example', role: 'executive_sponsor' }),
    ]);
  });

  it('replays a retried create with the same Idempotency-Key instead of creating twice', async () => {
    const { admin } = await setUp();
    const send = (name: string) =>
      admin.request({
        method: 'POST',
        url: '/api/v1/accounts',
        payload: { name, segment: 'smb' },
        headers: { 'idempotency-key': 'create-foxtrot-1' },
      });
    const first = await send('Foxtrot Media');
    const again = await send('Foxtrot Media');
    expect(first.statusCode).toBe(201);
    expect(again.statusCode).toBe(201);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.json().id).toBe(first.json().id);
    expect((await admin.request({ method: 'GET', url: '/api/v1/accounts?q=Foxtrot' })).json().items).toHaveLength(1);
    const reused = await send('Golf Media');
    expect(reused.statusCode).toBe(409);
  });

  it('records every write in the audit log with before and after', async () => {
    const w = await setUp();
    const { admin } = w;
    await liveAndNewAccount(w);
    const log = (await admin.request({ method: 'GET', url: '/api/v1/audit-log?entityType=account&limit=100' })).json();
    type Entry = { action: string; before: { lifecyclePhase: string }; after: { lifecyclePhase: string } };
    const update = log.items.find(
      (e: Entry) => e.action === 'account.update' && e.before.lifecyclePhase !== e.after.lifecyclePhase,
    );
    expect(update.before.lifecyclePhase).toBe('onboarding');
    expect(update.after.lifecyclePhase).toBe('live');
    expect(update.actor.type).toBe('user');
    expect(update.requestId).toBeTruthy();
    expect(log.items.filter((e: { action: string }) => e.action === 'account.create')).toHaveLength(6);
  });
});
