import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DealRecord } from '../../src/modules/deals/deal.ts';
import { dealFactory, loadDeals } from '../helpers/deals.ts';
import { createTestApp, type TestApp } from '../helpers/test-app.ts';

let t: TestApp;
let slugs = 0;

const deal = dealFactory({
  source: 'hubspot',
  accountName: 'Contoso Logistics',
  stage: 'closedwon',
  amount: 84000,
  currency: 'EUR',
  closeDate: '2026-11-02',
  signedDate: '2026-11-01',
  createdDate: '2026-07-01',
  owner: 'Ana Ruiz',
});

/** A workspace of its own: an admin, an account executive, delivery and a CSM, and the account the deals name. */
async function setUp() {
  const ws = await t.workspace(`contoso-vendor-${++slugs}`);
  const admin = await t.login((await t.user(ws, 'admin')).email);
  const a = await t.user(ws, 'sales');
  const d = await t.user(ws, 'delivery');
  const csmId = (await t.user(ws, 'csm')).userId;
  const ae = await t.login(a.email);
  const delivery = await t.login(d.email);
  const account = await admin.request({
    method: 'POST',
    url: '/api/v1/accounts',
    payload: { name: 'Contoso Logistics', segment: 'mid_market', aeUserId: a.userId },
  });
  const accountId = account.json().id as string;
  await admin.request({
    method: 'POST',
    url: `/api/v1/accounts/${accountId}/contacts`,
    payload: { name: 'Marta Kowalski', role: 'executive_sponsor', email: 'marta@contoso.example' },
  });
  const load = (records: DealRecord[]) => loadDeals(t, ws, records);

  /** Loads a won deal and confirms it in finance; returns the brief the guard made for it. */
  async function confirmed(externalId: string): Promise<string> {
    await load([deal(externalId)]);
    const d = (await admin.request({ method: 'GET', url: `/api/v1/deals?q=${externalId}` })).json().items[0];
    const res = await admin.request({
      method: 'PUT',
      url: `/api/v1/deals/${d.id}/finance-confirmation`,
      payload: { confirmed: true },
    });
    expect(res.json().journeyState).toBe('confirmed');
    const briefs = (
      await admin.request({ method: 'GET', url: `/api/v1/handoffs?accountId=${accountId}&limit=200` })
    ).json().items;
    return briefs.find((b: { dealId: string }) => b.dealId === d.id).id;
  }

  return { ws, admin, ae, delivery, aeId: a.userId, deliveryId: d.userId, csmId, accountId, load, confirmed };
}
type World = Awaited<ReturnType<typeof setUp>>;

const COMPLETE = {
  painPoints: ['Dispatchers re-key orders from email into three systems'],
  goals: [
    { goal: 'Faster order intake', successCriterion: 'Order entry under 2 minutes for 90 % of orders' },
    { goal: 'Fewer errors', successCriterion: 'Re-keying errors below 1 % by month 3' },
  ],
  technicalEnvironment: 'SAP S/4HANA for finance, a home-grown TMS on PostgreSQL, Azure AD for identity.',
  integrations: [{ system: 'SAP S/4HANA', purpose: 'invoices' }],
  securityCompliance: ['SSO with Azure AD', 'EU data residency'],
  stakeholders: [
    { name: 'Marta Kowalski', role: 'Executive sponsor', email: 'marta@contoso.example' },
    { name: 'Jon Berg', role: 'Champion', email: null },
  ],
  promisedGoLive: '2027-03-01',
  timeline: 'Kickoff in two weeks, pilot depot in January, all depots by March.',
  customerResponsibilities: ['Provide a TMS sandbox', 'Name a project manager'],
  risks: [{ risk: 'TMS team is busy with a migration until December', mitigation: 'Start with the SAP integration' }],
  partnerSwimLanes: [],
};

/** The steps a brief goes through, each from the one before; a test starts from the step it is about. */
async function thinDraft(w: World): Promise<string> {
  const id = await w.confirmed('D-1');
  const read = (await w.ae.request({ method: 'GET', url: `/api/v1/handoffs/${id}` })).json();
  const saved = await w.ae.request({
    method: 'PUT',
    url: `/api/v1/handoffs/${id}/content`,
    payload: {
      content: {
        ...read.content,
        goals: [{ goal: 'Faster order intake', successCriterion: 'faster' }],
        promisedGoLive: '2027-03-01',
      },
    },
  });
  expect(saved.json().completeness).toBe(35);
  return id;
}

async function submittedThin(w: World): Promise<string> {
  const id = await thinDraft(w);
  const res = await w.ae.request({
    method: 'POST',
    url: `/api/v1/handoffs/${id}/submit`,
    payload: { note: 'Customer is in a hurry' },
  });
  expect(res.json().state).toBe('submitted');
  return id;
}

async function returned(w: World): Promise<string> {
  const id = await submittedThin(w);
  const res = await w.delivery.request({
    method: 'POST',
    url: `/api/v1/handoffs/${id}/return`,
    payload: { reasons: ['No measurable success criteria', 'Integrations missing'] },
  });
  expect(res.json().state).toBe('returned');
  return id;
}

async function resubmitted(w: World): Promise<string> {
  const id = await returned(w);
  await w.ae.request({ method: 'PUT', url: `/api/v1/handoffs/${id}/content`, payload: { content: COMPLETE } });
  const res = await w.ae.request({ method: 'POST', url: `/api/v1/handoffs/${id}/submit`, payload: {} });
  expect(res.json().state).toBe('submitted');
  return id;
}

/** Resubmitted, with two clarifications asked (one about a field the brief filled) and the first answered. */
async function clarified(w: World): Promise<string> {
  const id = await resubmitted(w);
  const fresh = await w.delivery.request({
    method: 'POST',
    url: `/api/v1/handoffs/${id}/clarifications`,
    payload: { question: 'Who signs off the pilot?' },
  });
  await w.delivery.request({
    method: 'POST',
    url: `/api/v1/handoffs/${id}/clarifications`,
    payload: { field: 'integrations', question: 'Which ERP do we integrate with?' },
  });
  const answered = await w.ae.request({
    method: 'PUT',
    url: `/api/v1/handoffs/${id}/clarifications/${fresh.json().id}`,
    payload: { answer: 'Marta' },
  });
  expect(answered.statusCode).toBe(200);
  return id;
}

async function accepted(w: World): Promise<string> {
  const id = await clarified(w);
  const res = await w.delivery.request({
    method: 'POST',
    url: `/api/v1/handoffs/${id}/accept`,
    payload: { note: 'Kickoff next Tuesday' },
  });
  expect(res.json().state).toBe('accepted');
  return id;
}

beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

describe('the handoff brief', () => {
  it('is created when a deal passes the closed-won guard, with the CRM’s stakeholders already in it', async () => {
    const { admin, ae, aeId, load, confirmed } = await setUp();
    await load([deal('D-1')]);
    expect((await admin.request({ method: 'GET', url: '/api/v1/handoffs' })).json().items).toHaveLength(0);
    const id = await confirmed('D-1');
    const brief = (await ae.request({ method: 'GET', url: `/api/v1/handoffs/${id}` })).json();
    expect(brief.state).toBe('draft');
    expect(brief.aeUserId).toBe(aeId);
    expect(brief.content.stakeholders).toEqual([
      { name: 'Marta Kowalski', role: 'Executive sponsor', email: 'marta@contoso.example' },
    ]);
    // Only the stakeholders (15 of 100 in the default weights) are filled.
    expect(brief.completeness).toBe(15);
    expect(brief.score.missingRequired).toEqual(['goals', 'promisedGoLive']);
    expect(brief.events).toEqual([expect.objectContaining({ from: null, to: 'draft', actor: 'baton' })]);
  });

  it('scores the brief as the account executive fills it, and refuses a stale or invalid edit naming the field', async () => {
    const { ae, confirmed } = await setUp();
    const id = await confirmed('D-1');
    const read = await ae.request({ method: 'GET', url: `/api/v1/handoffs/${id}` });
    const etag = read.headers.etag as string;
    const thin = {
      ...read.json().content,
      goals: [{ goal: 'Faster order intake', successCriterion: 'faster' }],
      promisedGoLive: '2027-03-01',
    };
    const saved = await ae.request({
      method: 'PUT',
      url: `/api/v1/handoffs/${id}/content`,
      payload: { content: thin },
      headers: { 'if-match': etag },
    });
    expect(saved.statusCode).toBe(200);
    // stakeholders 15 + go-live 10 + goals half of 20 (no measurable criterion) = 35.
    expect(saved.json().completeness).toBe(35);
    expect(saved.json().score.fields.find((f: { field: string }) => f.field === 'goals')).toMatchObject({
      status: 'partial',
      hint: expect.stringMatching(/measurable/),
    });

    const stale = await ae.request({
      method: 'PUT',
      url: `/api/v1/handoffs/${id}/content`,
      payload: { content: COMPLETE },
      headers: { 'if-match': etag },
    });
    expect(stale.statusCode).toBe(412);
    const bad = await ae.request({
      method: 'PUT',
      url: `/api/v1/handoffs/${id}/content`,
      payload: { content: { ...thin, promisedGoLive: '2027-02-30' } },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].field).toBe('body.content.promisedGoLive');
    expect((await ae.request({ method: 'GET', url: `/api/v1/handoffs/${id}` })).json().completeness).toBe(35);
  });

  it('lets only the account executive’s roles write it and only delivery review it', async () => {
    const w = await setUp();
    const { ae, delivery } = w;
    const id = await thinDraft(w);
    expect(
      (await delivery.request({ method: 'PUT', url: `/api/v1/handoffs/${id}/content`, payload: { content: COMPLETE } }))
        .statusCode,
    ).toBe(403);
    expect((await ae.request({ method: 'POST', url: `/api/v1/handoffs/${id}/accept`, payload: {} })).statusCode).toBe(
      403,
    );
  });

  it('refuses submission while a required field is empty', async () => {
    const w = await setUp();
    const { ae } = w;
    const id = await thinDraft(w);
    const read = (await ae.request({ method: 'GET', url: `/api/v1/handoffs/${id}` })).json();
    await ae.request({
      method: 'PUT',
      url: `/api/v1/handoffs/${id}/content`,
      payload: { content: { ...read.content, promisedGoLive: null } },
    });
    const res = await ae.request({ method: 'POST', url: `/api/v1/handoffs/${id}/submit`, payload: {} });
    expect(res.statusCode).toBe(409);
    expect(res.json().detail).toMatch(/Promised go-live/);
    expect((await ae.request({ method: 'GET', url: `/api/v1/handoffs/${id}` })).json().state).toBe('draft');
  });

  it('raises a stage-1 signal when a thin brief is submitted, with the incomplete fields as evidence', async () => {
    const w = await setUp();
    const { ae, delivery, accountId } = w;
    const id = await thinDraft(w);
    const read = (await ae.request({ method: 'GET', url: `/api/v1/handoffs/${id}` })).json();
    await ae.request({
      method: 'PUT',
      url: `/api/v1/handoffs/${id}/content`,
      payload: { content: { ...read.content, promisedGoLive: '2027-03-01' } },
    });
    const res = await ae.request({
      method: 'POST',
      url: `/api/v1/handoffs/${id}/submit`,
      payload: { note: 'Customer is in a hurry' },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().state).toBe('submitted');
    const signals = (await delivery.request({ method: 'GET', url: `/api/v1/signals?subjectId=${id}` })).json().items;
    expect(signals).toHaveLength(1);
    expect(signals[0]).toMatchObject({ kind: 'handoff.thin_brief', stage: 'handoff', severity: 'severe', accountId });
    expect(signals[0].evidence.completeness).toBe(35);
    expect(signals[0].evidence.incomplete.map((f: { field: string }) => f.field)).toContain('Pain points');
    // A submitted brief is with delivery: the account executive cannot change it under their feet.
    expect(
      (await ae.request({ method: 'PUT', url: `/api/v1/handoffs/${id}/content`, payload: { content: COMPLETE } }))
        .statusCode,
    ).toBe(409);
  });

  it('goes back to the account executive with reasons, and a return without one is refused', async () => {
    const w = await setUp();
    const { delivery } = w;
    const id = await submittedThin(w);
    const none = await delivery.request({
      method: 'POST',
      url: `/api/v1/handoffs/${id}/return`,
      payload: { reasons: [] },
    });
    expect(none.statusCode).toBe(400);
    expect(none.json().errors[0].field).toBe('body.reasons');
    const res = await delivery.request({
      method: 'POST',
      url: `/api/v1/handoffs/${id}/return`,
      payload: { reasons: ['No measurable success criteria', 'Integrations missing'] },
    });
    expect(res.json()).toMatchObject({
      state: 'returned',
      returnReasons: ['No measurable success criteria', 'Integrations missing'],
    });
    const queue = (await delivery.request({ method: 'GET', url: '/api/v1/handoffs?state=submitted' })).json();
    expect(queue.items).toHaveLength(0);
    expect(queue.counts.returned).toBe(1);
  });

  it('is fixed and resubmitted complete, which resolves the thin-brief signal', async () => {
    const w = await setUp();
    const { ae, delivery } = w;
    const id = await returned(w);
    const saved = await ae.request({
      method: 'PUT',
      url: `/api/v1/handoffs/${id}/content`,
      payload: { content: COMPLETE },
    });
    expect(saved.json().completeness).toBe(100);
    expect((await ae.request({ method: 'POST', url: `/api/v1/handoffs/${id}/submit`, payload: {} })).json().state).toBe(
      'submitted',
    );
    expect(
      (await delivery.request({ method: 'GET', url: `/api/v1/signals?subjectId=${id}` })).json().items,
    ).toHaveLength(0);
    const resolved = (
      await delivery.request({ method: 'GET', url: `/api/v1/signals?subjectId=${id}&status=resolved` })
    ).json().items;
    expect(resolved[0]).toMatchObject({ kind: 'handoff.thin_brief', resolution: 'resubmitted 100 % complete' });
  });

  it('logs clarifications; one about a field the brief filled is a repeated requirement and raises a signal', async () => {
    const w = await setUp();
    const { ae, delivery, aeId } = w;
    const id = await resubmitted(w);
    const fresh = await delivery.request({
      method: 'POST',
      url: `/api/v1/handoffs/${id}/clarifications`,
      payload: { question: 'Who signs off the pilot?' },
    });
    expect(fresh.statusCode).toBe(201);
    expect(fresh.json().repeated).toBe(false);
    const repeated = await delivery.request({
      method: 'POST',
      url: `/api/v1/handoffs/${id}/clarifications`,
      payload: { field: 'integrations', question: 'Which ERP do we integrate with?' },
    });
    expect(repeated.json()).toMatchObject({ field: 'integrations', repeated: true });
    const signal = (await delivery.request({ method: 'GET', url: `/api/v1/signals?subjectId=${id}` })).json().items[0];
    expect(signal).toMatchObject({ kind: 'handoff.repeated_requirement', severity: 'warning' });
    expect(signal.evidence.latest).toEqual({
      field: 'Integrations',
      question: 'Which ERP do we integrate with?',
      briefSaid: 'SAP S/4HANA: invoices',
    });
    const unknownField = await delivery.request({
      method: 'POST',
      url: `/api/v1/handoffs/${id}/clarifications`,
      payload: { field: 'budget', question: '?' },
    });
    expect(unknownField.statusCode).toBe(400);
    expect(unknownField.json().errors[0].field).toBe('body.field');

    const answered = await ae.request({
      method: 'PUT',
      url: `/api/v1/handoffs/${id}/clarifications/${fresh.json().id}`,
      payload: { answer: 'Marta' },
    });
    expect(answered.json()).toMatchObject({ answer: 'Marta', answeredBy: aeId });
    expect((await ae.request({ method: 'GET', url: `/api/v1/handoffs/${id}` })).json().openClarifications).toBe(1);
  });

  it('lists briefs as each brief shows itself: deal, account, promised go-live and open clarifications', async () => {
    const w = await setUp();
    const { admin } = w;
    const id = await clarified(w);
    const items = (await admin.request({ method: 'GET', url: '/api/v1/handoffs?limit=200' })).json().items as Array<
      Record<string, unknown>
    >;
    expect(items.length).toBeGreaterThan(0);
    expect(items.find((b) => b.id === id)).toMatchObject({
      openClarifications: 1,
      accountName: 'Contoso Logistics',
      promisedGoLive: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
    });
    for (const item of items) {
      const detail = (await admin.request({ method: 'GET', url: `/api/v1/handoffs/${item.id}` })).json();
      expect(Object.fromEntries(Object.keys(item).map((k) => [k, detail[k]]))).toEqual(item);
    }
  });

  it('is accepted by delivery: the account gets its delivery lead and the first ownership handoff is dated', async () => {
    const w = await setUp();
    const { admin, ae, delivery, aeId, deliveryId, accountId } = w;
    const id = await clarified(w);
    const res = await delivery.request({
      method: 'POST',
      url: `/api/v1/handoffs/${id}/accept`,
      payload: { note: 'Kickoff next Tuesday' },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ state: 'accepted', deliveryLeadUserId: deliveryId });
    expect(res.json().events.map((e: { to: string }) => e.to)).toEqual([
      'draft',
      'submitted',
      'returned',
      'submitted',
      'accepted',
    ]);
    // The history names people by their name today, not the email they signed in with.
    await delivery.request({ method: 'PATCH', url: '/api/v1/me', payload: { name: 'Dana Delivery' } });
    const events = (await admin.request({ method: 'GET', url: `/api/v1/handoffs/${id}` })).json().events as Array<{
      to: string;
      actor: string;
    }>;
    expect(events.at(-1)).toMatchObject({ to: 'accepted', actor: 'Dana Delivery' });
    expect(events.some((e) => e.actor.includes('@'))).toBe(false);
    expect(
      (await admin.request({ method: 'GET', url: `/api/v1/accounts/${accountId}` })).json().deliveryLeadUserId,
    ).toBe(deliveryId);
    const ownership = (await admin.request({ method: 'GET', url: `/api/v1/accounts/${accountId}/ownership` })).json();
    expect(ownership.currentRole).toBe('delivery_lead');
    expect(ownership.handoffs).toEqual([
      expect.objectContaining({
        fromRole: 'ae',
        toRole: 'delivery_lead',
        fromUserId: aeId,
        toUserId: deliveryId,
        briefId: id,
      }),
    ]);
    expect(
      (await ae.request({ method: 'PUT', url: `/api/v1/handoffs/${id}/content`, payload: { content: COMPLETE } }))
        .statusCode,
    ).toBe(409);
    expect(
      (await delivery.request({ method: 'POST', url: `/api/v1/handoffs/${id}/accept`, payload: {} })).statusCode,
    ).toBe(409);
    // Delivery starts: one project from the selected playbook, carrying the brief's promise, queued for kickoff.
    const projects = (await admin.request({ method: 'GET', url: `/api/v1/projects?accountId=${accountId}` })).json()
      .items;
    expect(projects).toEqual([
      expect.objectContaining({
        handoffId: id,
        promisedGoLive: '2027-03-01',
        status: 'queued',
        signedOn: '2026-11-01',
        leadUserId: deliveryId,
      }),
    ]);
    expect(projects[0].forecastGoLive).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(projects[0].progress.tasks).toBeGreaterThan(5);
    // The brief names the project it started.
    expect((await admin.request({ method: 'GET', url: `/api/v1/handoffs/${id}` })).json().projectId).toBe(
      projects[0].id,
    );
  });

  it('hands the live customer to success, in the chain’s order only', async () => {
    const w = await setUp();
    const { admin, delivery, csmId, accountId } = w;
    await accepted(w);
    const skip = await admin.request({
      method: 'POST',
      url: `/api/v1/accounts/${accountId}/ownership-handoffs`,
      payload: { toRole: 'account_manager', toUserId: csmId },
    });
    expect(skip.statusCode).toBe(409);
    const nobody = await admin.request({
      method: 'POST',
      url: `/api/v1/accounts/${accountId}/ownership-handoffs`,
      payload: { toRole: 'csm', toUserId: 'nobody' },
    });
    expect(nobody.statusCode).toBe(400);
    expect(nobody.json().errors[0].field).toBe('body.toUserId');
    const ok = await delivery.request({
      method: 'POST',
      url: `/api/v1/accounts/${accountId}/ownership-handoffs`,
      payload: { toRole: 'csm', toUserId: csmId, note: 'Live since 1 March' },
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().currentRole).toBe('csm');
    expect(ok.json().handoffs.map((h: { toRole: string }) => h.toRole)).toEqual(['delivery_lead', 'csm']);
    expect((await admin.request({ method: 'GET', url: `/api/v1/accounts/${accountId}` })).json().csmUserId).toBe(csmId);
  });

  it('records every step in the audit log', async () => {
    const w = await setUp();
    const { admin } = w;
    await accepted(w);
    const log = (
      await admin.request({ method: 'GET', url: '/api/v1/audit-log?entityType=handoff_brief&limit=100' })
    ).json().items;
    const actions = log.map((e: { action: string }) => e.action);
    for (const a of [
      'handoff.update',
      'handoff.submit',
      'handoff.return',
      'handoff.accept',
      'handoff.clarification_ask',
      'handoff.clarification_answer',
    ])
      expect(actions).toContain(a);
  });
});

describe('a won deal reopened in the CRM', () => {
  it('is pulled back: its brief cannot be accepted and a signal says why, until the deal is won again', async () => {
    const { ws, admin, ae, delivery, accountId, load, confirmed } = await setUp();
    const id = await confirmed('D-2');
    await ae.request({ method: 'PUT', url: `/api/v1/handoffs/${id}/content`, payload: { content: COMPLETE } });
    await ae.request({ method: 'POST', url: `/api/v1/handoffs/${id}/submit`, payload: {} });

    await load([deal('D-2', { stage: 'contractsent', stageCategory: 'open' })]);
    const dealId = (await admin.request({ method: 'GET', url: `/api/v1/handoffs/${id}` })).json().dealId;
    expect((await admin.request({ method: 'GET', url: `/api/v1/deals/${dealId}` })).json().journeyState).toBe(
      'reopened',
    );
    const brief = (await admin.request({ method: 'GET', url: `/api/v1/handoffs/${id}` })).json();
    expect(brief.dealReopenedAt).not.toBeNull();
    const signal = (await admin.request({ method: 'GET', url: `/api/v1/signals?subjectId=${dealId}` })).json().items[0];
    expect(signal).toMatchObject({ kind: 'deal.reopened', accountId, severity: 'warning' });
    expect(signal.evidence).toMatchObject({ stageNow: 'contractsent', briefState: 'submitted', amount: 84000 });
    // A partner firm's user sees signals only on the firm's accounts.
    const partnerId = await t.partner(ws, 'Fjord Implementers');
    const partner = await t.login((await t.user(ws, 'partner', { partnerId })).email);
    expect(
      (await partner.request({ method: 'GET', url: `/api/v1/signals?subjectId=${dealId}` })).json().items,
    ).toHaveLength(0);
    await admin.request({ method: 'PATCH', url: `/api/v1/accounts/${accountId}`, payload: { partnerId } });
    expect(
      (await partner.request({ method: 'GET', url: `/api/v1/signals?subjectId=${dealId}` })).json().items,
    ).toHaveLength(1);
    await admin.request({ method: 'PATCH', url: `/api/v1/accounts/${accountId}`, payload: { partnerId: null } });
    const refused = await delivery.request({ method: 'POST', url: `/api/v1/handoffs/${id}/accept`, payload: {} });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().detail).toMatch(/reopened/);

    await load([deal('D-2')]);
    expect(
      (await admin.request({ method: 'GET', url: `/api/v1/signals?subjectId=${dealId}` })).json().items,
    ).toHaveLength(0);
    expect(
      (await delivery.request({ method: 'POST', url: `/api/v1/handoffs/${id}/accept`, payload: {} })).json().state,
    ).toBe('accepted');
    // One brief per deal, whatever the deal went through.
    const all = (await admin.request({ method: 'GET', url: '/api/v1/handoffs?limit=200' })).json().items;
    expect(all.filter((b: { dealId: string }) => b.dealId === dealId)).toHaveLength(1);
    const ofDeal = (await admin.request({ method: 'GET', url: `/api/v1/handoffs?dealId=${dealId}` })).json().items;
    expect(ofDeal.map((b: { id: string }) => b.id)).toEqual([id]);
  });
});

describe('completeness settings', () => {
  it('are per segment, changed by admins only, and validated naming the field', async () => {
    const { admin, ae } = await setUp();
    const current = (await ae.request({ method: 'GET', url: '/api/v1/settings/handoff-completeness' })).json();
    expect(current.threshold).toBe(80);
    expect(
      (await ae.request({ method: 'PUT', url: '/api/v1/settings/handoff-completeness', payload: current })).statusCode,
    ).toBe(403);
    const bad = await admin.request({
      method: 'PUT',
      url: '/api/v1/settings/handoff-completeness',
      payload: { ...current, threshold: 180 },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].field).toBe('body.threshold');
    const changed = await admin.request({
      method: 'PUT',
      url: '/api/v1/settings/handoff-completeness',
      payload: { ...current, threshold: 90 },
    });
    expect(changed.json().threshold).toBe(90);
  });
});
