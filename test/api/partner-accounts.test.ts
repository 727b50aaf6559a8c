import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { raiseSignal } from '../../src/modules/signals/signal.service.ts';
import { type Client, createTestApp, type TestApp } from '../helpers/test-app.ts';

/**
 * A project given to a partner firm opens its account's record to the firm: its users read the account and
 * its stakeholders while the project is theirs, and nothing more — no write, no other account.
 */

let t: TestApp;
let admin: Client;
let partner: Client;
const firm = { mine: '', other: '' };
const accounts = { delivered: '', otherFirms: '', assigned: '', untouched: '' };
let project = '';
let workspace = '';

beforeAll(async () => {
  t = await createTestApp();
  const a = await t.workspace('alpha');
  workspace = a;
  admin = await t.login((await t.user(a, 'admin')).email);
  firm.mine = await t.partner(a, 'Acme Partners');
  firm.other = await t.partner(a, 'Other Partners');
  partner = await t.login((await t.user(a, 'partner', { partnerId: firm.mine })).email);

  const account = async (name: string, partnerId: string | null = null) => {
    const res = await admin.request({
      method: 'POST',
      url: '/api/v1/accounts',
      payload: { name, segment: 'mid_market', partnerId },
    });
    if (res.statusCode !== 201) throw new Error(res.body);
    return res.json().id as string;
  };
  accounts.delivered = await account('Delivered Corp');
  accounts.otherFirms = await account('Other Firm Corp');
  accounts.assigned = await account('Assigned Corp', firm.mine);
  accounts.untouched = await account('Untouched Corp');
  await admin.request({
    method: 'POST',
    url: `/api/v1/accounts/${accounts.delivered}/contacts`,
    payload: { name: 'Dana Champion', role: 'champion', email: 'dana@delivered.example' },
  });

  const start = async (accountId: string, partnerId: string) => {
    const res = await admin.request({
      method: 'POST',
      url: '/api/v1/projects',
      payload: { accountId, name: 'Rollout', partnerId },
    });
    if (res.statusCode !== 201) throw new Error(res.body);
    return res.json().id as string;
  };
  project = await start(accounts.delivered, firm.mine);
  await start(accounts.otherFirms, firm.other);

  // Before any change, the workspace's admin and the firm are asked the same way below.
  expect((await admin.request({ method: 'GET', url: `/api/v1/accounts/${accounts.delivered}` })).statusCode).toBe(200);
});

afterAll(async () => {
  await t?.close();
});

describe('a partner user and the account of a project its firm delivers', () => {
  it('reads the account with its stakeholders', async () => {
    const res = await partner.request({ method: 'GET', url: `/api/v1/accounts/${accounts.delivered}` });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      id: accounts.delivered,
      name: 'Delivered Corp',
      contacts: [{ name: 'Dana Champion', role: 'champion' }],
    });
  });

  it('finds it in the account list, beside the accounts assigned to the firm, and no other', async () => {
    const res = await partner.request({ method: 'GET', url: '/api/v1/accounts' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().items.map((a: { name: string }) => a.name)).toEqual(['Assigned Corp', 'Delivered Corp']);
    expect(res.json().total).toBe(2);
  });

  it('sees the account named on its project', async () => {
    const res = await partner.request({ method: 'GET', url: `/api/v1/projects/${project}` });
    expect(res.statusCode, res.body).toBe(200);
    expect(JSON.stringify(res.json())).toContain('Delivered Corp');
  });

  it('cannot write it', async () => {
    const writes = [
      { method: 'PATCH', url: `/api/v1/accounts/${accounts.delivered}`, payload: { name: 'Hijacked' } },
      {
        method: 'POST',
        url: `/api/v1/accounts/${accounts.delivered}/contacts`,
        payload: { name: 'Mallory', role: 'champion' },
      },
      {
        method: 'POST',
        url: `/api/v1/accounts/${accounts.delivered}/ownership-handoffs`,
        payload: { toRole: 'csm', toUserId: 'x' },
      },
      { method: 'PUT', url: `/api/v1/usage/accounts/${accounts.delivered}/seats`, payload: { seats: 10 } },
      {
        method: 'POST',
        url: '/api/v1/commitments',
        payload: { accountId: accounts.delivered, what: 'SSO', toName: 'CTO', words: 'by Q3' },
      },
    ];
    for (const w of writes) {
      const res = await partner.request({ method: w.method as 'POST', url: w.url, payload: w.payload });
      expect(res.statusCode, `${w.method} ${w.url} ${res.body}`).toBe(403);
    }
    const after = await admin.request({ method: 'GET', url: `/api/v1/accounts/${accounts.delivered}` });
    expect(after.json()).toMatchObject({ name: 'Delivered Corp', contacts: [{ name: 'Dana Champion' }] });
  });

  it('reads neither its ownership nor its signals, which are the account team’s', async () => {
    await raiseSignal(t.ctx.db, {
      workspaceId: workspace,
      kind: 'adoption.declining_usage',
      accountId: accounts.delivered,
      severity: 'warning',
      subjectType: 'account',
      subjectId: accounts.delivered,
      title: 'Usage is declining',
      evidence: {},
    });
    const adminSignals = await admin.request({ method: 'GET', url: `/api/v1/signals?accountId=${accounts.delivered}` });
    expect(adminSignals.json().items.map((s: { title: string }) => s.title)).toContain('Usage is declining');
    const signals = await partner.request({ method: 'GET', url: `/api/v1/signals?accountId=${accounts.delivered}` });
    expect(signals.statusCode, signals.body).toBe(200);
    expect(signals.json().items).toEqual([]);
    expect(
      (await partner.request({ method: 'GET', url: `/api/v1/accounts/${accounts.delivered}/ownership` })).statusCode,
    ).toBe(404);
  });

  it('still cannot open accounts its firm delivers nothing for', async () => {
    for (const id of [accounts.otherFirms, accounts.untouched]) {
      const res = await partner.request({ method: 'GET', url: `/api/v1/accounts/${id}` });
      expect(res.statusCode, res.body).toBe(404);
    }
  });

  it('loses the account when the project goes to another firm', async () => {
    const moved = await admin.request({
      method: 'PATCH',
      url: `/api/v1/projects/${project}`,
      payload: { partnerId: firm.other },
    });
    expect(moved.statusCode, moved.body).toBe(200);
    expect((await partner.request({ method: 'GET', url: `/api/v1/accounts/${accounts.delivered}` })).statusCode).toBe(
      404,
    );
    const list = await partner.request({ method: 'GET', url: '/api/v1/accounts' });
    expect(list.json().items.map((a: { name: string }) => a.name)).toEqual(['Assigned Corp']);
    const back = await admin.request({
      method: 'PATCH',
      url: `/api/v1/projects/${project}`,
      payload: { partnerId: firm.mine },
    });
    expect(back.statusCode, back.body).toBe(200);
    expect((await partner.request({ method: 'GET', url: `/api/v1/accounts/${accounts.delivered}` })).statusCode).toBe(
      200,
    );
  });
});
