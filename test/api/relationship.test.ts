import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildAccount, buildContact } from '../helpers/fixtures/index.ts';
import { type Client, createTestApp, type TestApp } from '../helpers/test-app.ts';

/** The server's clock: "today" for every route of this file. */
const NOW = new Date('2026-03-15T12:00:00.000Z');

let t: TestApp;
let n = 0;

beforeAll(async () => {
  t = await createTestApp({}, { now: () => NOW });
});
afterAll(async () => t?.close());

/** A workspace of its own with a CSM, a viewer, and Northwind (two contacts) and Contoso (one). */
async function setUp() {
  const ws = await t.workspace(`rel-${++n}`);
  const csm = await t.login((await t.user(ws, 'csm')).email);
  const viewer = await t.login((await t.user(ws, 'viewer')).email);
  const northwind = await buildAccount(t.ctx.db, ws, { name: `Northwind ${n}`, domain: `northwind${n}.example` });
  const contoso = await buildAccount(t.ctx.db, ws, { name: `Contoso ${n}`, domain: `contoso${n}.example` });
  const sponsor = await buildContact(t.ctx.db, ws, northwind.id, {
    name: 'Sam Sponsor',
    email: `sam@northwind${n}.example`,
    role: 'executive_sponsor',
    last_touch_at: '2026-01-04T10:00:00.000Z',
  });
  const champion = await buildContact(t.ctx.db, ws, northwind.id, {
    name: 'Cleo Champion',
    email: `cleo@northwind${n}.example`,
    role: 'champion',
  });
  const buyer = await buildContact(t.ctx.db, ws, contoso.id, { name: 'Bo Buyer', email: `bo@contoso${n}.example` });
  return { ws, csm, viewer, northwind, contoso, sponsor, champion, buyer, n };
}

const post = (c: Client, url: string, payload: unknown) =>
  c.request({ method: 'POST', url: `/api/v1/relationship/${url}`, payload: payload as object });
const get = (c: Client, url: string) => c.request({ method: 'GET', url: `/api/v1/relationship/${url}` });
const fields = (res: { json(): { errors?: Array<{ field: string }> } }) =>
  (res.json().errors ?? []).map((e) => e.field).sort();

const surveyCount = async (ws: string) =>
  Number(
    (
      await t.ctx.db
        .selectFrom('relationship_surveys')
        .select((eb) => eb.fn.countAll().as('n'))
        .where('workspace_id', '=', ws)
        .executeTakeFirstOrThrow()
    ).n,
  );

describe('survey answers over HTTP', () => {
  it('records an answer by its contact’s email, finding the account, and lists it', async () => {
    const s = await setUp();
    const res = await post(s.csm, 'surveys', {
      contactEmail: s.sponsor.email,
      kind: 'nps',
      score: 4,
      comment: 'Go-live slipped twice',
      respondedAt: '2026-03-01T09:30:00+01:00',
      milestone: 'Go-live',
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ created: 1, unchanged: 0 });
    expect(res.json().items[0]).toMatchObject({
      accountId: s.northwind.id,
      contactId: s.sponsor.id,
      rating: 'detractor',
      respondedAt: '2026-03-01T08:30:00.000Z',
      milestone: 'Go-live',
      source: 'api',
    });
    const list = await get(s.viewer, `surveys?account=${s.northwind.id}`);
    expect(list.statusCode, list.body).toBe(200);
    expect(list.json().items.map((i: { score: number }) => i.score)).toEqual([4]);
    expect((await get(s.viewer, `surveys?account=${s.contoso.id}`)).json().items).toEqual([]);
  });

  it('refuses a batch with a score out of range or an answer from the future, naming each item, and writes none', async () => {
    const s = await setUp();
    const res = await post(s.csm, 'surveys', {
      items: [
        { accountId: s.northwind.id, kind: 'csat', score: 5, respondedAt: '2026-03-01T00:00:00Z' },
        { accountId: s.northwind.id, kind: 'csat', score: 6, respondedAt: '2026-03-01T00:00:00Z' },
        { accountId: s.northwind.id, kind: 'nps', score: 9, respondedAt: '2026-03-16T00:00:00Z' },
      ],
    });
    expect(res.statusCode, res.body).toBe(400);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(fields(res)).toEqual(['body.items.1.score', 'body.items.2.respondedAt']);
    expect(await surveyCount(s.ws)).toBe(0);
  });

  it('refuses an answer naming no account and no known person, and a contact of another account', async () => {
    const s = await setUp();
    const nobody = await post(s.csm, 'surveys', { kind: 'nps', score: 9, respondedAt: '2026-03-01T00:00:00Z' });
    expect(nobody.statusCode).toBe(400);
    expect(fields(nobody)).toEqual(['body.accountId']);
    const mismatch = await post(s.csm, 'surveys', {
      accountId: s.contoso.id,
      contactId: s.sponsor.id,
      kind: 'nps',
      score: 9,
      respondedAt: '2026-03-01T00:00:00Z',
    });
    expect(mismatch.statusCode).toBe(400);
    expect(fields(mismatch)).toEqual(['body.contactId']);
    const bad = await post(s.csm, 'surveys', {
      accountId: s.northwind.id,
      kind: 'nps',
      score: 9,
      respondedAt: 'yesterday',
    });
    expect(bad.statusCode).toBe(400);
    expect(fields(bad)).toContain('body.respondedAt');
    expect(await surveyCount(s.ws)).toBe(0);
  });

  it('refuses another workspace’s account id, naming the field', async () => {
    const s = await setUp();
    const other = await setUp();
    const res = await post(s.csm, 'surveys', {
      accountId: other.northwind.id,
      kind: 'nps',
      score: 9,
      respondedAt: '2026-03-01T00:00:00Z',
    });
    expect(res.statusCode).toBe(400);
    expect(fields(res)).toEqual(['body.accountId']);
  });

  it('refuses one answer’s fields beside a batch, naming items', async () => {
    const s = await setUp();
    const res = await post(s.csm, 'surveys', {
      kind: 'nps',
      items: [{ accountId: s.northwind.id, kind: 'nps', score: 9, respondedAt: '2026-03-01T00:00:00Z' }],
    });
    expect(res.statusCode).toBe(400);
    expect(fields(res)).toEqual(['body.items']);
    expect(await surveyCount(s.ws)).toBe(0);
  });

  it('changes nothing when the same answer comes again', async () => {
    const s = await setUp();
    const answer = { contactId: s.champion.id, kind: 'nps', score: 10, respondedAt: '2026-02-01T00:00:00Z' };
    expect((await post(s.csm, 'surveys', answer)).json()).toMatchObject({ created: 1 });
    const again = await post(s.csm, 'surveys', answer);
    expect(again.json()).toMatchObject({ created: 0, unchanged: 1 });
    expect(await surveyCount(s.ws)).toBe(1);
  });

  it('refuses writes to a viewer, who may read', async () => {
    const s = await setUp();
    const res = await post(s.viewer, 'surveys', {
      accountId: s.northwind.id,
      kind: 'nps',
      score: 9,
      respondedAt: '2026-03-01T00:00:00Z',
    });
    expect(res.statusCode).toBe(403);
    expect((await get(s.viewer, 'sentiment')).statusCode).toBe(200);
  });
});

describe('sentiment over HTTP', () => {
  it('gives NPS and CSAT per account and for the portfolio over a period, with counts', async () => {
    const s = await setUp();
    const at = '2026-02-10T00:00:00Z';
    const answers = [
      // Northwind NPS: 10, 9 promoters, 7 passive, 3 detractor → (2 − 1) / 4 = 25
      ...[10, 9, 7, 3].map((score) => ({ accountId: s.northwind.id, kind: 'nps', score, respondedAt: at })),
      // Contoso NPS: 0 → −100; CSAT 5, 4, 2 → 66.7
      { accountId: s.contoso.id, kind: 'nps', score: 0, respondedAt: at },
      ...[5, 4, 2].map((score) => ({ accountId: s.contoso.id, kind: 'csat', score, respondedAt: at })),
      // Outside the period
      { accountId: s.contoso.id, kind: 'nps', score: 10, respondedAt: '2025-01-01T00:00:00Z' },
    ];
    // Answers without a contact or id are told apart by their moment.
    const timed = answers.map((a, i) => ({ ...a, respondedAt: a.respondedAt.replace('00:00:00', `00:00:${10 + i}`) }));
    expect((await post(s.csm, 'surveys', { items: timed })).json()).toMatchObject({ created: 9 });
    const res = await get(s.viewer, 'sentiment?from=2026-01-01&to=2026-03-15');
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    // Portfolio: 5 NPS answers, 2 promoters, 2 detractors → 0; CSAT 2 of 3
    expect(body.portfolio.nps).toEqual({ nps: 0, responses: 5, promoters: 2, passives: 1, detractors: 2 });
    expect(body.portfolio.csat).toEqual({ csat: 66.7, responses: 3, satisfied: 2 });
    expect(body.portfolio.sentence).toContain('NPS 0 from 5 answers');
    const byName = new Map(body.accounts.map((a: { account: string }) => [a.account, a]));
    expect(byName.get(s.northwind.name)).toMatchObject({ nps: { nps: 25, responses: 4 }, csat: { csat: null } });
    expect(byName.get(s.contoso.name)).toMatchObject({ nps: { nps: -100 }, csat: { csat: 66.7, responses: 3 } });
    const one = await get(s.viewer, `sentiment?from=2024-01-01&to=2026-03-15&account=${s.contoso.id}`);
    expect(one.json().accounts).toHaveLength(1);
    expect(one.json().portfolio.nps).toMatchObject({ nps: 0, responses: 2 });
  });

  it('refuses a period that ends before it starts, naming the field', async () => {
    const s = await setUp();
    const res = await get(s.viewer, 'sentiment?from=2026-03-01&to=2026-02-01');
    expect(res.statusCode).toBe(400);
    expect(fields(res)).toEqual(['querystring.from']);
    const bad = await get(s.viewer, 'sentiment?to=2026-02-30');
    expect(bad.statusCode).toBe(400);
    expect(fields(bad)).toEqual(['querystring.to']);
  });
});

const lastTouch = async (id: string) =>
  (await t.ctx.db.selectFrom('contacts').select('last_touch_at').where('id', '=', id).executeTakeFirstOrThrow())
    .last_touch_at;

describe('touches over HTTP', () => {
  it('records a meeting with contacts by id and email, moving their last touch forward, never back', async () => {
    const s = await setUp();
    const res = await post(s.csm, 'touches', {
      kind: 'meeting',
      occurredAt: '2026-03-10T15:00:00Z',
      contactIds: [s.sponsor.id],
      emails: [s.champion.email?.toUpperCase()],
      subject: 'QBR',
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().items[0]).toMatchObject({
      accountId: s.northwind.id,
      kind: 'meeting',
      contactIds: expect.arrayContaining([s.sponsor.id, s.champion.id]),
      source: 'api',
    });
    expect(await lastTouch(s.sponsor.id)).toBe('2026-03-10T15:00:00.000Z');
    expect(await lastTouch(s.champion.id)).toBe('2026-03-10T15:00:00.000Z');
    // An older call, recorded later, leaves the newer last touch as it was.
    const older = await post(s.csm, 'touches', {
      kind: 'call',
      occurredAt: '2026-02-01T10:00:00Z',
      contactIds: [s.sponsor.id],
      direction: 'inbound',
    });
    expect(older.statusCode, older.body).toBe(201);
    expect(await lastTouch(s.sponsor.id)).toBe('2026-03-10T15:00:00.000Z');
    const list = await get(s.viewer, `touches?account=${s.northwind.id}`);
    expect(list.json().items.map((i: { kind: string }) => i.kind)).toEqual(['meeting', 'call']);
  });

  it('attaches an unknown person to the account their email domain names, and refuses an unknown domain', async () => {
    const s = await setUp();
    const known = await post(s.csm, 'touches', {
      kind: 'email',
      occurredAt: '2026-03-02T08:00:00Z',
      emails: [`new.person@contoso${s.n}.example`],
    });
    expect(known.statusCode, known.body).toBe(201);
    expect(known.json().items[0]).toMatchObject({ accountId: s.contoso.id, contactIds: [] });
    const unknown = await post(s.csm, 'touches', {
      items: [
        { kind: 'email', occurredAt: '2026-03-02T08:00:00Z', emails: ['x@elsewhere.example'] },
        { kind: 'call', occurredAt: '2026-04-02T08:00:00Z', accountId: s.contoso.id },
      ],
    });
    expect(unknown.statusCode).toBe(400);
    expect(fields(unknown)).toEqual(['body.items.0.emails', 'body.items.1.occurredAt']);
    const bad = await post(s.csm, 'touches', { kind: 'lunch', occurredAt: '2026-03-02T08:00:00Z' });
    expect(bad.statusCode).toBe(400);
    expect(fields(bad)).toContain('body.kind');
  });

  it('gives an account’s stakeholders with role, last touch, days since and latest NPS and CSAT', async () => {
    const s = await setUp();
    await post(s.csm, 'surveys', {
      items: [
        { contactId: s.sponsor.id, kind: 'nps', score: 9, respondedAt: '2025-12-01T00:00:00Z' },
        { contactId: s.sponsor.id, kind: 'nps', score: 3, respondedAt: '2026-02-01T00:00:00Z' },
        { contactId: s.champion.id, kind: 'csat', score: 5, respondedAt: '2026-02-03T00:00:00Z' },
      ],
    });
    const res = await get(s.viewer, `accounts/${s.northwind.id}/stakeholders`);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.stakeholders.map((c: { name: string }) => c.name)).toEqual(['Sam Sponsor', 'Cleo Champion']);
    expect(body.stakeholders[0]).toMatchObject({
      roleLabel: 'Executive sponsor',
      lastTouchAt: '2026-01-04T10:00:00.000Z',
      daysSinceTouch: 70,
      nps: { score: 3, rating: 'detractor', respondedAt: '2026-02-01T00:00:00.000Z' },
      csat: null,
    });
    expect(body.stakeholders[1]).toMatchObject({
      lastTouchAt: null,
      daysSinceTouch: null,
      nps: null,
      csat: { score: 5 },
    });
    expect(body.sentiment.nps).toMatchObject({ nps: 0, responses: 2 });
    expect(body.sentiment.sentence).toContain('CSAT 100%');
    const other = await setUp();
    expect((await get(s.viewer, `accounts/${other.northwind.id}/stakeholders`)).statusCode).toBe(404);
  });
});
