import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setZendeskSecret } from '../../src/modules/support/index.ts';
import { SYSTEM_ACTOR } from '../../src/platform/auth/principal.ts';
import { buildAccount } from '../helpers/fixtures/index.ts';
import { type Client, createTestApp, type TestApp } from '../helpers/test-app.ts';

const SECRET = 'dGhpc0lzQVplbmRlc2tTaWduaW5nU2VjcmV0';
/** The server's clock: deliveries are signed at this moment unless a test says otherwise. */
const NOW = new Date('2026-12-01T09:00:00Z');

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({}, { now: () => NOW });
});
afterAll(async () => t?.close());

/** Signed as Zendesk documents it, computed here apart from Baton's code. */
const sign = (secret: string, timestamp: string, body: string) =>
  createHmac('sha256', secret)
    .update(timestamp + body)
    .digest('base64');

function deliver(
  slug: string,
  payload: object | string,
  opts: { secret?: string; timestamp?: string; signature?: string | null } = {},
) {
  const body = typeof payload === 'string' ? payload : JSON.stringify(payload);
  const timestamp = opts.timestamp ?? NOW.toISOString();
  const signature = opts.signature === undefined ? sign(opts.secret ?? SECRET, timestamp, body) : opts.signature;
  return t.inject({
    method: 'POST',
    url: `/webhooks/zendesk/${slug}`,
    headers: {
      'content-type': 'application/json',
      'x-zendesk-webhook-signature-timestamp': timestamp,
      ...(signature === null ? {} : { 'x-zendesk-webhook-signature': signature }),
    },
    payload: body,
  });
}

let n = 0;
async function setUp() {
  const slug = `zendesk-${++n}`;
  const ws = await t.workspace(slug);
  const agent: Client = await t.login((await t.user(ws, 'support')).email);
  const northwind = await buildAccount(t.ctx.db, ws, { name: 'Northwind Traders', domain: 'northwind.example' });
  await setZendeskSecret(t.ctx.db, t.ctx.secrets, SYSTEM_ACTOR, ws, SECRET);
  return { slug, ws, agent, northwind };
}

const trigger = (over: Record<string, unknown> = {}) => ({
  ticket: {
    id: '4711',
    subject: 'How do I export a report?',
    description: 'Where is the export button',
    status: 'open',
    priority: 'normal',
    requester: { email: 'ann@northwind.example', name: 'Ann' },
    organization: { name: 'Northwind Traders' },
    tags: 'reports export',
    created_at: '2026-11-30T08:00:00Z',
    updated_at: '2026-11-30T09:00:00Z',
    ...over,
  },
});

const ticketOf = (ws: string, id = '4711') =>
  t.ctx.db
    .selectFrom('tickets')
    .selectAll()
    .where('workspace_id', '=', ws)
    .where('external_id', '=', id)
    .executeTakeFirst();

describe('POST /webhooks/zendesk/:workspace', () => {
  it('stores a trigger’s ticket once, and never an older state over a newer one', async () => {
    const s = await setUp();
    const first = await deliver(s.slug, trigger());
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toMatchObject({ received: 1, outcome: 'applied', ticket: '4711' });
    expect(await ticketOf(s.ws)).toMatchObject({
      source: 'zendesk',
      account_id: s.northwind.id,
      status: 'open',
      updated_at: '2026-11-30T09:00:00.000Z',
    });

    const replay = await deliver(s.slug, trigger());
    expect(replay.json()).toMatchObject({ outcome: 'duplicate' });

    const solved = await deliver(s.slug, trigger({ status: 'solved', updated_at: '2026-11-30T12:00:00Z' }));
    expect(solved.json()).toMatchObject({ outcome: 'applied' });
    const older = await deliver(s.slug, trigger({ status: 'pending', updated_at: '2026-11-30T10:00:00Z' }));
    expect(older.json()).toMatchObject({ outcome: 'stale' });
    expect(await ticketOf(s.ws)).toMatchObject({ status: 'solved', updated_at: '2026-11-30T12:00:00.000Z' });

    const ticket = await ticketOf(s.ws);
    const detail = await s.agent.request({ method: 'GET', url: `/api/v1/support/tickets/${ticket!.id}` });
    expect(detail.json().history.map((h: { status: string }) => h.status)).toEqual(['open', 'pending', 'solved']);
  });

  it('reads the event-subscription shape, each event id once', async () => {
    const s = await setUp();
    const event = {
      type: 'zen:event-type:ticket.created',
      id: 'evt-01',
      time: '2026-11-30T08:00:00Z',
      detail: {
        id: 88,
        subject: 'Export crashes',
        description: 'Stack trace attached',
        status: 'NEW',
        priority: 'HIGH',
        type: 'INCIDENT',
        requester_email: 'bo@northwind.example',
        tags: ['export'],
        created_at: '2026-11-30T08:00:00Z',
        updated_at: '2026-11-30T08:00:00Z',
      },
    };
    const res = await deliver(s.slug, event);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ outcome: 'applied', ticket: '88' });
    expect(await ticketOf(s.ws, '88')).toMatchObject({
      status: 'new',
      priority: 'high',
      category: 'bug',
      category_source: 'source',
      account_id: s.northwind.id,
    });
    expect((await deliver(s.slug, event)).json()).toMatchObject({ outcome: 'duplicate' });
    const other = await deliver(s.slug, { ...event, type: 'zen:event-type:user.created' });
    expect(other.statusCode).toBe(400);
    expect(other.json().detail).toContain('body.type');
  });

  it('refuses a wrong, stale or missing signature, and an unknown workspace alike, storing nothing', async () => {
    const s = await setUp();
    const wrong = await deliver(s.slug, trigger(), { secret: 'c29tZU90aGVyU2VjcmV0VmFsdWUx' });
    const stale = await deliver(s.slug, trigger(), { timestamp: new Date(NOW.getTime() - 301_000).toISOString() });
    const missing = await deliver(s.slug, trigger(), { signature: null });
    const unknown = await deliver('no-such-workspace', trigger());
    for (const res of [wrong, stale, missing, unknown]) expect(res.statusCode, res.body).toBe(401);
    expect(stale.json().detail).toContain('too old');
    expect(wrong.json().detail).toBe(unknown.json().detail);
    expect(await ticketOf(s.ws)).toBeUndefined();
    // Within the tolerance it is accepted.
    const late = await deliver(s.slug, trigger(), { timestamp: new Date(NOW.getTime() - 299_000).toISOString() });
    expect(late.statusCode).toBe(200);
  });

  it('names the field of a body that is no ticket', async () => {
    const s = await setUp();
    const res = await deliver(s.slug, { ticket: { id: '1', subject: 'x' } });
    expect(res.statusCode).toBe(400);
    expect(res.json().detail).toContain('body.ticket.created_at');
  });
});

describe('baton import tickets export.json (Zendesk Incremental Export)', () => {
  const page = (tickets: object[], metricSets: object[] = []) => ({
    tickets,
    metric_sets: metricSets,
    end_time: 1764576000,
    next_page: null,
    end_of_stream: true,
  });
  const exported = (id: number, over: Record<string, unknown> = {}) => ({
    id,
    subject: `Question ${id}`,
    description: 'How do I …',
    status: 'solved',
    type: 'question',
    organization_id: null,
    requester_id: 5,
    via: { channel: 'email' },
    tags: ['how-to'],
    created_at: '2026-11-01T09:00:00Z',
    updated_at: '2026-11-02T09:00:00Z',
    ...over,
  });

  it('reads a page and JSON Lines of pages, first replies from metric_sets, deleted tickets skipped', async () => {
    const s = await setUp();
    const one = page(
      [exported(1), exported(2, { status: 'deleted' }), exported(3, { created_at: 'not a time' })],
      [{ ticket_id: 1, reply_time_in_minutes: { calendar: 90, business: 30 }, solved_at: '2026-11-01T15:00:00Z' }],
    );
    const res = await s.agent.request({
      method: 'POST',
      url: '/api/v1/imports/tickets',
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify(one),
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ format: 'zendesk-json', read: 3, created: 1, skipped: 1, rejected: 1 });
    expect(res.json().errors[0]).toMatchObject({ row: 3, field: 'created_at' });
    expect(await ticketOf(s.ws, '1')).toMatchObject({
      first_response_at: '2026-11-01T10:30:00.000Z',
      solved_at: '2026-11-01T15:00:00.000Z',
      category: 'how_to',
      channel: 'email',
    });

    const lines = [JSON.stringify(page([exported(1)])), JSON.stringify(page([exported(4), exported(5)]))].join('\n');
    const again = await s.agent.request({
      method: 'POST',
      url: '/api/v1/imports/tickets',
      headers: { 'content-type': 'application/x-ndjson' },
      payload: lines,
    });
    expect(again.statusCode, again.body).toBe(200);
    expect(again.json()).toMatchObject({ format: 'zendesk-json', read: 3, created: 2, rejected: 0 });

    const notExport = await s.agent.request({
      method: 'POST',
      url: '/api/v1/imports/tickets',
      headers: { 'content-type': 'application/json' },
      payload: '{"users": []}',
    });
    expect(notExport.statusCode).toBe(400);
    expect(notExport.json().detail).toContain('Incremental Export');
  });
});

describe('support.tickets-changed', () => {
  it('queues the health rescoring of the accounts whose tickets a webhook changed', async () => {
    const s = await setUp();
    const jobsFor = () =>
      t.ctx.db
        .selectFrom('jobs')
        .select(['type', 'payload'])
        .where('workspace_id', '=', s.ws)
        .where('type', '=', 'health.score-accounts')
        .execute();
    expect(await jobsFor()).toHaveLength(0);
    expect((await deliver(s.slug, trigger())).statusCode).toBe(200);
    const jobs = await jobsFor();
    expect(jobs.length).toBeGreaterThan(0);
    expect(jobs.map((j) => JSON.parse(j.payload).accountIds ?? []).flat()).toContain(s.northwind.id);
  });
});
