import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import { Signature } from '@hubspot/api-client';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { upkeepWebhookSecrets } from '../../src/modules/deals/webhooks/integration.service.ts';
import { pruneWebhookLog } from '../../src/modules/deals/webhooks/webhook-retention.service.ts';
import { enqueueJob } from '../../src/platform/jobs/job.service.ts';
import { SECRET_KEY_BYTES, secretBox } from '../../src/platform/secrets/secret-box.ts';
import { crmSignature, hubspotSignatureV3 } from '../../src/modules/deals/webhooks/signature.ts';
import { loadConfig } from '../../src/platform/config/config.ts';
import { startBaton } from '../helpers/baton-server.ts';
import { type Client, createTestApp, type TestApp } from '../helpers/test-app.ts';

const PUBLIC_URL = 'https://baton.example.com';
const HUBSPOT_SECRET = 'acme-hubspot-client-secret-0001';
const BETA_HUBSPOT_SECRET = 'beta-hubspot-client-secret-0002';
const SALESFORCE_SECRET = 'acme-salesforce-shared-secret-3';
const PIPEDRIVE_SECRET = 'acme-pipedrive-shared-secret-44';

const recorded = fs.readFileSync(
  new URL('../../src/modules/deals/webhooks/fixtures/hubspot-deal-events.json', import.meta.url),
  'utf8',
);

let t: TestApp;
let acme: string;
let beta: string;
let admin: Client;
let betaAdmin: Client;
let sales: Client;
let slugs = 0;

interface SendOptions {
  secret?: string;
  timestamp?: number;
  /** Changes the body after signing. */
  tamper?: (body: string) => string;
  headers?: Record<string, string>;
}

/** A HubSpot delivery signed as HubSpot signs it (v3), for the URL HubSpot calls. */
function hubspot(slug: string, body: unknown, opts: SendOptions = {}): Promise<LightMyRequestResponse> {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  const path = `/webhooks/hubspot/${slug}`;
  const timestamp = String(opts.timestamp ?? Date.now());
  const signature = hubspotSignatureV3({
    clientSecret: opts.secret ?? HUBSPOT_SECRET,
    method: 'POST',
    uri: `${PUBLIC_URL}${path}`,
    body: text,
    timestamp,
  });
  return t.inject({
    method: 'POST',
    url: path,
    payload: opts.tamper ? opts.tamper(text) : text,
    headers: {
      'content-type': 'application/json',
      'x-hubspot-signature-v3': signature,
      'x-hubspot-request-timestamp': timestamp,
      ...opts.headers,
    },
  });
}

/** A generic CRM delivery signed with `sha256=<hex HMAC>` of the body. */
function crm(slug: string, source: string, body: unknown, opts: SendOptions = {}): Promise<LightMyRequestResponse> {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  return t.inject({
    method: 'POST',
    url: `/webhooks/crm/${slug}`,
    payload: opts.tamper ? opts.tamper(text) : text,
    headers: {
      'content-type': 'application/json',
      'x-baton-source': source,
      'x-baton-signature': crmSignature(opts.secret ?? SALESFORCE_SECRET, text),
      ...opts.headers,
    },
  });
}

let eventSeq = 5_000_000;
let clock = Date.parse('2026-11-26T10:00:00Z');
/** One HubSpot deal event, each a new event id and a later time than the one before. */
const hs = (objectId: number, over: Record<string, unknown>) => ({
  eventId: ++eventSeq,
  subscriptionId: 40,
  portalId: 33,
  appId: 1160452,
  occurredAt: (clock += 1000),
  subscriptionType: 'deal.propertyChange',
  attemptNumber: 0,
  objectId,
  changeSource: 'CRM_UI',
  ...over,
});
const stage = (objectId: number, value: string) => hs(objectId, { propertyName: 'dealstage', propertyValue: value });

async function stored() {
  const count = async (table: 'deals' | 'webhook_events' | 'webhook_deliveries' | 'audit_log') =>
    Number(
      (
        await t.ctx.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  const latest = await t.ctx.db
    .selectFrom('deals')
    .select((eb) => eb.fn.max('updated_at').as('at'))
    .executeTakeFirst();
  return {
    deals: await count('deals'),
    events: await count('webhook_events'),
    deliveries: await count('webhook_deliveries'),
    audit: await count('audit_log'),
    latest: latest?.at ?? null,
  };
}

const deal = (source: string, externalId: string, workspaceId = acme) =>
  t.ctx.db
    .selectFrom('deals')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('source', '=', source)
    .where('external_id', '=', externalId)
    .executeTakeFirst();

async function setSecret(client: Client, source: string, secret: string | null) {
  const res = await client.request({ method: 'PUT', url: '/api/v1/integrations', payload: { source, secret } });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

/** A workspace of its own with the HubSpot, Salesforce and Pipedrive secrets set, and its admin. */
async function setUp() {
  const slug = `acme-${++slugs}`;
  const ws = await t.workspace(slug);
  const admin = await t.login((await t.user(ws, 'admin')).email);
  await setSecret(admin, 'hubspot', HUBSPOT_SECRET);
  await setSecret(admin, 'salesforce', SALESFORCE_SECRET);
  await setSecret(admin, 'pipedrive', PIPEDRIVE_SECRET);
  return { slug, ws, admin };
}
type World = Awaited<ReturnType<typeof setUp>>;

/** The recorded HubSpot delivery, applied: six events, five of them about deals. */
async function recordedDelivery({ slug }: World): Promise<void> {
  expect((await hubspot(slug, recorded)).json()).toMatchObject({ received: 6, applied: 5 });
}

/** Deal 801 won in HubSpot while the workspace's guard asks for nothing more: confirmed at once. */
async function confirmedDeal({ slug, ws, admin }: World): Promise<void> {
  const guard = await admin.request({
    method: 'PUT',
    url: '/api/v1/settings/deal-guard',
    payload: { signed: false, financeConfirmed: false },
  });
  expect(guard.statusCode).toBe(200);
  await hubspot(slug, [
    hs(801, { propertyName: 'dealname', propertyValue: 'Fabrikam – Platform' }),
    stage(801, 'closedwon'),
  ]);
  expect(await deal('hubspot', '801', ws)).toMatchObject({ journey_state: 'confirmed' });
}

/** A generic CRM's deal upsert, each a later time than the one before. */
const upsert = (id: string, deal: Record<string, unknown>, occurredAt = new Date((clock += 1000)).toISOString()) => ({
  id,
  type: 'deal.upsert',
  occurredAt,
  deal,
});
const opp = {
  external_id: '006Dn00000ACME1',
  name: 'Acme – Platform',
  stage: 'Closed Won',
  is_won: true,
  is_closed: true,
  amount: 120000,
  currency: 'USD',
  signed_date: '2026-11-19',
  close_date: '2026-11-20',
  account: 'Acme Corp',
};

/**
 * A week of traffic: from HubSpot six events applied and three deliveries refused as malformed; from Salesforce four
 * events applied and two deliveries refused as malformed.
 */
async function integrationTraffic(w: World): Promise<void> {
  const { slug } = w;
  await recordedDelivery(w);
  expect((await hubspot(slug, [hs(701, { propertyName: 'amount', propertyValue: '9000' })])).json().applied).toBe(1);
  for (const bad of [
    '[{"eventId": 1,',
    [stage(904, 'closedwon'), { ...stage(904, 'closedlost'), objectId: undefined }],
    [hs(904, { propertyName: 'amount', propertyValue: 'lots' })],
  ])
    expect((await hubspot(slug, bad)).statusCode).toBe(400);
  const events = ['SF-1', 'SF-2', 'SF-3', 'SF-4'].map((id) => upsert(id, { ...opp, external_id: id }));
  expect((await crm(slug, 'salesforce', { events })).json().applied).toBe(4);
  for (const bad of [
    { ...opp, close_date: '2026-02-30' },
    { ...opp, stagename: 'x' },
  ])
    expect((await crm(slug, 'salesforce', { events: [upsert('sf-bad', bad)] })).statusCode).toBe(400);
}

beforeAll(async () => {
  t = await createTestApp({ BATON_PUBLIC_URL: PUBLIC_URL });
  acme = await t.workspace('acme');
  beta = await t.workspace('beta');
  await t.workspace('gamma');
  admin = await t.login((await t.user(acme, 'admin')).email);
  sales = await t.login((await t.user(acme, 'sales')).email);
  betaAdmin = await t.login((await t.user(beta, 'admin')).email);
  await setSecret(admin, 'hubspot', HUBSPOT_SECRET);
  await setSecret(admin, 'salesforce', SALESFORCE_SECRET);
  await setSecret(admin, 'pipedrive', PIPEDRIVE_SECRET);
  await setSecret(betaAdmin, 'hubspot', BETA_HUBSPOT_SECRET);
});
afterAll(async () => t?.close());

describe('HubSpot webhooks', () => {
  it('signs as HubSpot’s own client checks it, and applies a recorded delivery to deals', async () => {
    const { slug, ws } = await setUp();
    const timestamp = Date.now();
    const signature = hubspotSignatureV3({
      clientSecret: HUBSPOT_SECRET,
      method: 'POST',
      uri: `${PUBLIC_URL}/webhooks/hubspot/${slug}`,
      body: recorded,
      timestamp: String(timestamp),
    });
    expect(
      Signature.isValid({
        signatureVersion: 'v3',
        signature,
        clientSecret: HUBSPOT_SECRET,
        requestBody: recorded,
        url: `${PUBLIC_URL}/webhooks/hubspot/${slug}`,
        method: 'POST',
        timestamp,
      }),
    ).toBe(true);

    const res = await hubspot(slug, recorded, { timestamp });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ received: 6, applied: 5, duplicates: 0, ignored: 1 });
    expect(await deal('hubspot', '1246965', ws)).toMatchObject({
      name: 'Northwind Freight – Platform renewal',
      amount: 48000,
      stage: 'appointmentscheduled',
      stage_category: 'open',
      close_date: '2025-12-31',
      journey_state: 'open',
    });
    const contact = await t.ctx.db
      .selectFrom('webhook_events')
      .selectAll()
      .where('workspace_id', '=', ws)
      .where('event_type', '=', 'contact.propertyChange')
      .executeTakeFirstOrThrow();
    expect(contact).toMatchObject({
      outcome: 'ignored',
      detail: 'contact.propertyChange is not a deal event',
      workspace_id: ws,
    });
  });

  it('applies the same events once: a retried delivery answers them as duplicates and changes nothing', async () => {
    const w = await setUp();
    await recordedDelivery(w);
    const before = await stored();
    const res = await hubspot(w.slug, recorded);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ received: 6, applied: 0, duplicates: 6, ignored: 0 });
    const after = await stored();
    expect({ ...after, deliveries: before.deliveries }).toEqual(before);
    expect(after.deliveries).toBe(before.deliveries + 1);
  });

  it('counts an event repeated inside one delivery once', async () => {
    const e = stage(700, 'appointmentscheduled');
    const res = await hubspot('acme', [e, e]);
    expect(res.json()).toEqual({ received: 2, applied: 1, duplicates: 1, ignored: 0 });
  });

  it('creates a deal it hears of first through a property change, with a clear placeholder name', async () => {
    const res = await hubspot('acme', [hs(701, { propertyName: 'amount', propertyValue: '9000' })]);
    expect(res.json()).toMatchObject({ applied: 1 });
    expect(await deal('hubspot', '701')).toMatchObject({
      name: 'HubSpot deal 701 (name not received yet)',
      stage: 'unknown',
      amount: 9000,
      journey_state: 'open',
    });
  });

  it(
    'puts a deal moved to closed-won into pending confirmation under the default guard, then confirms ' +
      'per the guard',
    async () => {
      const { slug, ws, admin } = await setUp();
      await hubspot(slug, [
        hs(800, { subscriptionType: 'deal.creation' }),
        hs(800, { propertyName: 'dealname', propertyValue: 'Contoso – Analytics' }),
      ]);
      const res = await hubspot(slug, [stage(800, 'closedwon')]);
      expect(res.json()).toEqual({ received: 1, applied: 1, duplicates: 0, ignored: 0 });
      const d = await deal('hubspot', '800', ws);
      expect(d).toMatchObject({ stage: 'closedwon', stage_category: 'won', journey_state: 'pending_confirmation' });
      const shown = (await admin.request({ method: 'GET', url: `/api/v1/deals/${d?.id}` })).json();
      expect(shown.missing).toEqual(['signed', 'finance_confirmed']);

      expect(
        (
          await admin.request({
            method: 'PUT',
            url: '/api/v1/settings/deal-guard',
            payload: { signed: false, financeConfirmed: false },
          })
        ).statusCode,
      ).toBe(200);
      await hubspot(slug, [
        hs(801, { propertyName: 'dealname', propertyValue: 'Fabrikam – Platform' }),
        stage(801, 'closedwon'),
      ]);
      expect(await deal('hubspot', '801', ws)).toMatchObject({ journey_state: 'confirmed' });
      expect((await deal('hubspot', '801', ws))?.confirmed_at).toBeTruthy();
    },
  );

  it('reopens a won deal the CRM moves back to an open stage', async () => {
    const w = await setUp();
    const { slug, ws, admin } = w;
    await confirmedDeal(w);
    const res = await hubspot(slug, [stage(801, 'contractsent')]);
    expect(res.json()).toMatchObject({ applied: 1 });
    const d = await deal('hubspot', '801', ws);
    expect(d).toMatchObject({ stage: 'contractsent', stage_category: 'open', journey_state: 'reopened' });
    expect(d?.reopened_at).toBeTruthy();
    const entry = await t.ctx.db
      .selectFrom('audit_log')
      .selectAll()
      .where('entity_id', '=', d?.id ?? '')
      .orderBy('at', 'desc')
      .executeTakeFirstOrThrow();
    expect(entry).toMatchObject({
      action: 'deal.webhook_update',
      actor_type: 'system',
      actor_label: 'hubspot webhook',
    });
    expect(JSON.parse(entry.before_json ?? '{}').journeyState).toBe('confirmed');
    expect(JSON.parse(entry.after_json ?? '{}').journeyState).toBe('reopened');
    await admin.request({
      method: 'PUT',
      url: '/api/v1/settings/deal-guard',
      payload: { signed: true, financeConfirmed: true },
    });
  });

  it('ignores an older change that arrives after a newer one, with the reason', async () => {
    const newer = stage(802, 'closedlost');
    const older = { ...stage(802, 'closedwon'), occurredAt: newer.occurredAt - 60_000 };
    expect((await hubspot('acme', [newer])).json()).toMatchObject({ applied: 1 });
    expect((await hubspot('acme', [older])).json()).toEqual({ received: 1, applied: 0, duplicates: 0, ignored: 1 });
    expect(await deal('hubspot', '802')).toMatchObject({ stage: 'closedlost', journey_state: 'lost' });
    // Within one delivery, events apply in the order they happened, whatever order they came in.
    const late = stage(803, 'closedwon');
    const early = { ...stage(803, 'appointmentscheduled'), occurredAt: late.occurredAt - 500 };
    expect((await hubspot('acme', [late, early])).json()).toMatchObject({ applied: 2 });
    expect(await deal('hubspot', '803')).toMatchObject({ stage: 'closedwon' });
  });

  it(
    'marks a deleted deal lost (or reopened when it was in the journey), and ignores an unknown one ' + 'with a reason',
    async () => {
      const { slug, ws } = await setUp();
      // Deal 803, won in HubSpot and waiting for confirmation.
      expect((await hubspot(slug, [stage(803, 'closedwon')])).json()).toMatchObject({ applied: 1 });
      const res = await hubspot(slug, [
        hs(803, { subscriptionType: 'deal.deletion' }),
        hs(999_999, { subscriptionType: 'deal.deletion' }),
      ]);
      expect(res.json()).toEqual({ received: 2, applied: 1, duplicates: 0, ignored: 1 });
      expect(await deal('hubspot', '803', ws)).toMatchObject({
        stage: 'deleted',
        stage_category: 'lost',
        journey_state: 'lost',
      });
      expect(await deal('hubspot', '999999', ws)).toBeUndefined();
      const ignored = await t.ctx.db
        .selectFrom('webhook_events')
        .selectAll()
        .where('workspace_id', '=', ws)
        .where('object_id', '=', '999999')
        .executeTakeFirstOrThrow();
      expect(ignored).toMatchObject({ outcome: 'ignored', detail: 'deleted in the CRM, and not known to Baton' });
    },
  );

  describe('refuses with 401 and stores nothing', () => {
    const body = () => [stage(900, 'closedwon')];
    it.each([
      [
        'a bad signature',
        (b: unknown) => hubspot('acme', b, { headers: { 'x-hubspot-signature-v3': 'bm90IGEgc2lnbmF0dXJl' } }),
      ],
      ['a stale timestamp', (b: unknown) => hubspot('acme', b, { timestamp: Date.now() - 5 * 60_000 - 1_000 })],
      ['a tampered body', (b: unknown) => hubspot('acme', b, { tamper: (s) => s.replace('closedwon', 'closedlost') })],
      [
        'no signature headers',
        (b: unknown) =>
          t.inject({
            method: 'POST',
            url: '/webhooks/hubspot/acme',
            payload: JSON.stringify(b),
            headers: { 'content-type': 'application/json' },
          }),
      ],
      ['another workspace’s secret', (b: unknown) => hubspot('acme', b, { secret: BETA_HUBSPOT_SECRET })],
      ['a workspace with no secret', (b: unknown) => hubspot('gamma', b)],
      [
        'a signature for another URL',
        (b: unknown) =>
          t.inject({
            method: 'POST',
            url: '/webhooks/hubspot/acme?x=1',
            payload: JSON.stringify(b),
            headers: hubspotHeadersFor(JSON.stringify(b)),
          }),
      ],
    ])('%s', async (_what, send) => {
      const before = await stored();
      const res = await send(body());
      expect(res.statusCode, res.body).toBe(401);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.json()).toMatchObject({ status: 401, requestId: expect.any(String) });
      expect(await stored()).toEqual(before);
      expect(await deal('hubspot', '900')).toBeUndefined();
    });

    it('answers a missing secret exactly as a wrong signature (no hint which secrets exist)', async () => {
      const none = await hubspot('gamma', body());
      const wrong = await hubspot('acme', body(), { secret: 'some-other-secret-entirely' });
      expect(none.json().detail).toBe(wrong.json().detail);
      expect(none.json().detail).toBe('the signature does not match');
    });
  });

  it('keeps workspaces apart: beta’s secret works for beta only', async () => {
    const res = await hubspot('beta', [stage(901, 'closedwon')], { secret: BETA_HUBSPOT_SECRET });
    expect(res.statusCode).toBe(200);
    expect(await deal('hubspot', '901', beta)).toMatchObject({ journey_state: 'pending_confirmation' });
    expect(await deal('hubspot', '901', acme)).toBeUndefined();
    expect((await hubspot('beta', [stage(902, 'closedwon')], { secret: HUBSPOT_SECRET })).statusCode).toBe(401);
  });

  it(
    'answers an unknown workspace exactly as a bad signature (no hint which workspaces exist), storing ' + 'nothing',
    async () => {
      const before = await stored();
      const shape = (res: LightMyRequestResponse) => {
        const { requestId, instance, ...rest } = res.json();
        return {
          status: res.statusCode,
          type: res.headers['content-type'],
          body: rest,
          keys: Object.keys(res.json()).sort(),
        };
      };
      const pairs = [
        [
          await hubspot('nowhere', [stage(903, 'closedwon')]),
          await hubspot('acme', [stage(903, 'closedwon')], { secret: 'some-other-secret-entirely' }),
        ],
        [
          await hubspot('nowhere', [stage(903, 'closedwon')], { headers: { 'x-hubspot-signature-v3': '' } }),
          await hubspot('acme', [stage(903, 'closedwon')], { headers: { 'x-hubspot-signature-v3': '' } }),
        ],
        [
          await crm('nowhere', 'salesforce', { events: [] }),
          await crm('acme', 'salesforce', { events: [] }, { secret: 'some-other-secret-entirely' }),
        ],
        [
          await crm('nowhere', 'salesforce', { events: [] }, { headers: { 'x-baton-signature': '' } }),
          await crm('acme', 'salesforce', { events: [] }, { headers: { 'x-baton-signature': '' } }),
        ],
        [
          await crm('nowhere', 'salesforce', { events: [] }, { headers: { 'x-baton-source': '' } }),
          await crm('acme', 'salesforce', { events: [] }, { headers: { 'x-baton-source': '' } }),
        ],
      ] as const;
      for (const [unknown, badSignature] of pairs) expect(shape(unknown)).toEqual(shape(badSignature));
      expect(shape(pairs[0][0])).toMatchObject({
        status: 401,
        type: expect.stringContaining('application/problem+json'),
        body: { detail: 'the signature does not match' },
      });
      expect(await stored()).toEqual(before);
    },
  );

  it('answers 404 problem details for unknown webhook paths', async () => {
    for (const url of ['/webhooks/nosuch/acme', '/webhooks/hubspot', '/webhooks/']) {
      const r = await t.inject({ method: 'POST', url, payload: '{}', headers: { 'content-type': 'application/json' } });
      expect(r.statusCode, url).toBe(404);
      expect(r.headers['content-type'], url).toContain('application/problem+json');
    }
    expect((await t.inject({ method: 'GET', url: '/webhooks/hubspot/acme' })).statusCode).toBe(404);
  });

  it('refuses malformed JSON and malformed events with 400 naming the field, applying nothing', async () => {
    const before = await stored();
    const bad = await hubspot('acme', '[{"eventId": 1,');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors).toEqual([{ field: 'body', message: expect.stringContaining('not valid JSON') }]);
    const good = stage(904, 'closedwon');
    const broken = { ...stage(904, 'closedlost'), objectId: undefined };
    const res = await hubspot('acme', [good, broken]);
    expect(res.statusCode).toBe(400);
    expect(res.json().errors).toEqual([{ field: 'body.1.objectId', message: expect.any(String) }]);
    const amount = await hubspot('acme', [hs(904, { propertyName: 'amount', propertyValue: 'lots' })]);
    expect(amount.json().errors[0].field).toBe('body.0.propertyValue');
    const after = await stored();
    expect(after.deals).toBe(before.deals);
    expect(after.events).toBe(before.events);
    expect(after.latest).toBe(before.latest);
    // Signed but refused deliveries are listed (rejected), so an admin sees why the CRM failed.
    expect(after.deliveries).toBe(before.deliveries + 3);
    const deliveries = (
      await admin.request({ method: 'GET', url: '/api/v1/integrations/deliveries?source=hubspot&limit=3' })
    ).json().items;
    expect(deliveries.map((d: { status: string }) => d.status)).toEqual(['rejected', 'rejected', 'rejected']);
    expect(deliveries[0].detail).toContain('body.0.propertyValue');
  });

  it('refuses a body over 1 MiB with 413, storing nothing', async () => {
    const before = await stored();
    const big = JSON.stringify([{ ...stage(905, 'closedwon'), padding: 'x'.repeat(1024 * 1024) }]);
    const res = await hubspot('acme', big);
    expect(res.statusCode).toBe(413);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(await stored()).toEqual(before);
  });

  it('leaves other routes’ JSON parsing as it was', async () => {
    const res = await admin.request({
      method: 'POST',
      url: '/api/v1/accounts',
      payload: { name: 'Parser Check', segment: 'smb' },
    });
    expect(res.statusCode).toBe(201);
    const bad = await admin.request({
      method: 'POST',
      url: '/api/v1/accounts',
      payload: '{"name":',
      headers: { 'content-type': 'application/json' },
    });
    expect(bad.statusCode).toBe(400);
  });
});

/** HubSpot headers signed for the bare path (not what a request with a query string calls). */
function hubspotHeadersFor(text: string): Record<string, string> {
  const timestamp = String(Date.now());
  const signature = hubspotSignatureV3({
    clientSecret: HUBSPOT_SECRET,
    method: 'POST',
    uri: `${PUBLIC_URL}/webhooks/hubspot/acme`,
    body: text,
    timestamp,
  });
  return {
    'content-type': 'application/json',
    'x-hubspot-signature-v3': signature,
    'x-hubspot-request-timestamp': timestamp,
  };
}

describe('generic CRM webhooks', () => {
  it('upserts a deal under the source’s name, through the closed-won guard, once per event id', async () => {
    const res = await crm('acme', 'salesforce', { events: [upsert('sf-1', opp)] });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ received: 1, applied: 1, duplicates: 0, ignored: 0 });
    expect(await deal('salesforce', '006Dn00000ACME1')).toMatchObject({
      name: 'Acme – Platform',
      stage_category: 'won',
      journey_state: 'pending_confirmation',
      amount: 120000,
      signed_date: '2026-11-19',
    });
    const before = await stored();
    const again = await crm('acme', 'salesforce', { events: [upsert('sf-1', { ...opp, amount: 1 })] });
    expect(again.json()).toEqual({ received: 1, applied: 0, duplicates: 1, ignored: 0 });
    expect({ ...(await stored()), deliveries: before.deliveries }).toEqual(before);
  });

  it('accepts one event on its own, and a delete, which marks the deal lost', async () => {
    const { slug, ws } = await setUp();
    expect((await crm(slug, 'salesforce', { events: [upsert('sf-1', opp)] })).json()).toMatchObject({ applied: 1 });
    const res = await crm(slug, 'salesforce', {
      id: 'sf-2',
      type: 'deal.delete',
      occurredAt: new Date((clock += 1000)).toISOString(),
      deal: { external_id: '006Dn00000ACME1' },
    });
    expect(res.json()).toEqual({ received: 1, applied: 1, duplicates: 0, ignored: 0 });
    expect(await deal('salesforce', '006Dn00000ACME1', ws)).toMatchObject({ stage: 'deleted', journey_state: 'lost' });
  });

  it('keeps sources apart: the same external id under another source is another deal', async () => {
    const res = await crm(
      'acme',
      'pipedrive',
      upsert('pd-1', { ...opp, stage: 'won', is_won: null, is_closed: null }),
      { secret: PIPEDRIVE_SECRET },
    );
    expect(res.statusCode, res.body).toBe(200);
    expect(await deal('pipedrive', '006Dn00000ACME1')).toMatchObject({ stage: 'won', stage_category: 'open' });
  });

  describe('refuses with 401 and stores nothing', () => {
    it.each([
      [
        'another source’s secret',
        () => crm('acme', 'salesforce', { events: [upsert('sf-9', opp)] }, { secret: PIPEDRIVE_SECRET }),
      ],
      [
        'a source with no secret',
        () => crm('acme', 'zoho', { events: [upsert('z-1', opp)] }, { secret: SALESFORCE_SECRET }),
      ],
      [
        'a tampered body',
        () => crm('acme', 'salesforce', { events: [upsert('sf-9', opp)] }, { tamper: (s) => s.replace('120000', '1') }),
      ],
      [
        'no signature',
        () => crm('acme', 'salesforce', { events: [upsert('sf-9', opp)] }, { headers: { 'x-baton-signature': '' } }),
      ],
      ['another workspace', () => crm('beta', 'salesforce', { events: [upsert('sf-9', opp)] })],
    ])('%s', async (_what, send) => {
      const before = await stored();
      const res = await send();
      expect(res.statusCode, res.body).toBe(401);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(await stored()).toEqual(before);
    });
  });

  it('reads the raw body whatever its content type says (charset, none)', async () => {
    const json = await crm('acme', 'salesforce', upsert('sf-ct-1', { ...opp, external_id: 'SF-CT-1' }), {
      headers: { 'content-type': 'application/json; charset=utf-8' },
    });
    expect(json.json()).toMatchObject({ applied: 1 });
    const text = await crm('acme', 'salesforce', upsert('sf-ct-2', { ...opp, external_id: 'SF-CT-2' }), {
      headers: { 'content-type': 'text/plain' },
    });
    expect(text.json()).toMatchObject({ applied: 1 });
  });

  it('asks for X-Baton-Source, and refuses hubspot there', async () => {
    const none = await crm('acme', '', { events: [upsert('x', opp)] });
    expect(none.statusCode).toBe(400);
    expect(none.json().errors[0].field).toBe('headers.x-baton-source');
    const hub = await crm('acme', 'hubspot', { events: [upsert('x', opp)] }, { secret: HUBSPOT_SECRET });
    expect(hub.statusCode).toBe(400);
    expect(hub.json().detail).toContain('/webhooks/hubspot/');
  });

  it('refuses a malformed event with 400 naming the field, applying none of the delivery', async () => {
    const before = await stored();
    const res = await crm('acme', 'salesforce', {
      events: [
        upsert('sf-10', { ...opp, external_id: 'SF-NEW' }),
        upsert('sf-11', { ...opp, external_id: 'SF-NEW-2', close_date: '2026-02-30' }),
      ],
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors).toEqual([{ field: 'body.events.1.deal.close_date', message: expect.any(String) }]);
    const unknown = await crm('acme', 'salesforce', { events: [upsert('sf-12', { ...opp, stagename: 'x' })] });
    expect(unknown.json().errors[0].field).toBe('body.events.0.deal.stagename');
    const after = await stored();
    expect([after.deals, after.events, after.latest]).toEqual([before.deals, before.events, before.latest]);
    expect(await deal('salesforce', 'SF-NEW')).toBeUndefined();
  });
});

describe('Settings → Integrations API', () => {
  it('lists HubSpot and each generic source with a secret, never the secret, with the last 7 days', async () => {
    const w = await setUp();
    const { slug, admin } = w;
    await integrationTraffic(w);
    const res = await admin.request({ method: 'GET', url: '/api/v1/integrations' });
    expect(res.statusCode).toBe(200);
    for (const secret of [HUBSPOT_SECRET, SALESFORCE_SECRET, PIPEDRIVE_SECRET]) expect(res.body).not.toContain(secret);
    const items = res.json().items;
    expect(items.map((i: { source: string }) => i.source)).toEqual(['hubspot', 'pipedrive', 'salesforce']);
    const hub = items[0];
    expect(hub).toMatchObject({
      kind: 'hubspot',
      webhookPath: `/webhooks/hubspot/${slug}`,
      secret: { set: true, last4: HUBSPOT_SECRET.slice(-4), setBy: expect.stringContaining('@') },
    });
    expect(hub.lastEventAt).toBeTruthy();
    expect(hub.last7Days.applied).toBeGreaterThan(5);
    expect(hub.last7Days.rejected).toBe(3);
    const sf = items.find((i: { source: string }) => i.source === 'salesforce');
    expect(sf).toMatchObject({
      kind: 'generic',
      webhookPath: `/webhooks/crm/${slug}`,
      last7Days: { applied: 4, ignored: 0, rejected: 2 },
    });
  });

  it(
    'sets, replaces and removes a secret, audited without the secret; refuses bad input naming the ' + 'field',
    async () => {
      const set = await setSecret(admin, 'Zoho', 'zoho-shared-secret-00000001');
      expect(set).toMatchObject({ source: 'zoho', secret: { set: true, last4: '0001' } });
      expect(await setSecret(admin, 'zoho', 'zoho-shared-secret-00000002')).toMatchObject({
        secret: { last4: '0002' },
      });
      expect(
        (
          await admin.request({ method: 'PUT', url: '/api/v1/integrations', payload: { source: 'zoho', secret: null } })
        ).json(),
      ).toMatchObject({ source: 'zoho', secret: { set: false } });
      const audit = await admin.request({ method: 'GET', url: '/api/v1/audit-log?limit=50&entityType=setting' });
      const entries = audit
        .json()
        .items.filter((e: { entityId: string }) => e.entityId === 'integrations.webhook-secrets');
      expect(entries.length).toBeGreaterThanOrEqual(3);
      expect(entries[0]).toMatchObject({
        action: 'setting.update',
        before: { zoho: { set: true } },
        after: { hubspot: { set: true, setBy: expect.any(String) } },
      });
      expect(entries[0].after.zoho).toBeUndefined();
      const everything = JSON.stringify(await t.ctx.db.selectFrom('audit_log').selectAll().execute());
      for (const secret of [
        'zoho-shared-secret-00000001',
        'zoho-shared-secret-00000002',
        HUBSPOT_SECRET,
        SALESFORCE_SECRET,
      ])
        expect(everything).not.toContain(secret);

      const cases: Array<[unknown, string]> = [
        [{ source: 'zoho', secret: 'short' }, 'body.secret'],
        [{ source: 'Not a name!', secret: 'long-enough-secret-0000' }, 'body.source'],
        [{ source: 'csv', secret: 'long-enough-secret-0000' }, 'body.source'],
        [{ secret: 'long-enough-secret-0000' }, 'body.source'],
      ];
      for (const [payload, field] of cases) {
        const res = await admin.request({ method: 'PUT', url: '/api/v1/integrations', payload: payload as object });
        expect(res.statusCode, JSON.stringify(payload)).toBe(400);
        expect(res.json().errors.map((e: { field: string }) => e.field)).toContain(field);
      }
      expect(
        (await admin.request({ method: 'PUT', url: '/api/v1/integrations', payload: { source: 'zoho', secret: null } }))
          .statusCode,
      ).toBe(404);
    },
  );

  it(
    'stores secrets sealed with the instance key, seals secrets stored in plain text, and refuses to ' +
      'guess with another key',
    async () => {
      const settings = async (ws: string) =>
        (
          await t.ctx.db
            .selectFrom('workspace_settings')
            .select('value')
            .where('workspace_id', '=', ws)
            .where('key', '=', 'integrations.webhook-secrets')
            .executeTakeFirst()
        )?.value ?? '';
      const stored = await settings(acme);
      for (const secret of [HUBSPOT_SECRET, SALESFORCE_SECRET, PIPEDRIVE_SECRET]) expect(stored).not.toContain(secret);
      expect(JSON.parse(stored).hubspot).toMatchObject({
        secret: expect.stringMatching(/^sealed:v1:/),
        last4: HUBSPOT_SECRET.slice(-4),
      });

      // A secret an earlier Baton stored as it was: read as it is, and sealed at the next start.
      const gamma = (
        await t.ctx.db.selectFrom('workspaces').select('id').where('slug', '=', 'gamma').executeTakeFirstOrThrow()
      ).id;
      const plain = 'gamma-hubspot-client-secret-9999';
      const now = t.ctx.now().toISOString();
      const legacy = JSON.stringify({ hubspot: { secret: plain, setAt: now, setBy: 'admin@gamma.example' } });
      await t.ctx.db
        .insertInto('workspace_settings')
        .values({ workspace_id: gamma, key: 'integrations.webhook-secrets', value: legacy, updated_at: now })
        .execute();
      expect((await hubspot('gamma', [stage(1200, 'closedwon')], { secret: plain })).statusCode).toBe(200);
      expect((await upkeepWebhookSecrets(t.ctx.db, t.ctx.secrets)).sealed).toBe(1);
      expect((await upkeepWebhookSecrets(t.ctx.db, t.ctx.secrets)).sealed, 'already sealed: nothing to do').toBe(0);
      expect(await settings(gamma)).not.toContain(plain);
      expect((await hubspot('gamma', [stage(1200, 'closedlost')], { secret: plain })).json()).toMatchObject({
        applied: 1,
      });
      expect((await hubspot('gamma', [stage(1200, 'closedlost')], { secret: HUBSPOT_SECRET })).statusCode).toBe(401);

      // Sealed by another instance's key: an error of this instance (500, logged with both key ids),
      // never a 401 that would blame the CRM.
      const other = secretBox(randomBytes(SECRET_KEY_BYTES));
      const foreign = JSON.stringify({
        hubspot: {
          secret: other.seal(plain, `webhook-secret:${gamma}:hubspot`),
          last4: '9999',
          setAt: now,
          setBy: 'admin@gamma.example',
        },
      });
      await t.ctx.db
        .updateTable('workspace_settings')
        .set({ value: foreign })
        .where('workspace_id', '=', gamma)
        .where('key', '=', 'integrations.webhook-secrets')
        .execute();
      const res = await hubspot('gamma', [stage(1200, 'closedwon')], { secret: plain });
      expect(res.statusCode).toBe(500);
      expect(res.body).not.toContain(other.keyId);
      await t.ctx.db
        .deleteFrom('workspace_settings')
        .where('workspace_id', '=', gamma)
        .where('key', '=', 'integrations.webhook-secrets')
        .execute();
    },
  );

  it('is for workspace managers only', async () => {
    expect((await sales.request({ method: 'GET', url: '/api/v1/integrations' })).statusCode).toBe(403);
    expect(
      (
        await sales.request({
          method: 'PUT',
          url: '/api/v1/integrations',
          payload: { source: 'hubspot', secret: null },
        })
      ).statusCode,
    ).toBe(403);
    expect((await sales.request({ method: 'GET', url: '/api/v1/integrations/deliveries' })).statusCode).toBe(403);
  });

  it('pages deliveries newest first, per workspace', async () => {
    const w = await setUp();
    const { admin } = w;
    for (const id of [910, 911, 912]) await hubspot(w.slug, [stage(id, 'closedwon')]);
    const other = await setUp();
    await hubspot(other.slug, [stage(901, 'closedwon')]);
    const first = (await admin.request({ method: 'GET', url: '/api/v1/integrations/deliveries?limit=2' })).json();
    expect(first.items).toHaveLength(2);
    expect(first.nextCursor).toBeTruthy();
    const second = (
      await admin.request({ method: 'GET', url: `/api/v1/integrations/deliveries?limit=2&cursor=${first.nextCursor}` })
    ).json();
    expect(second.items[0].receivedAt <= first.items[1].receivedAt).toBe(true);
    const otherItems = (
      await other.admin.request({ method: 'GET', url: '/api/v1/integrations/deliveries?limit=200' })
    ).json().items;
    expect(otherItems).toHaveLength(1);
  });
});

describe('the webhook log over time', () => {
  const DAY = 86_400_000;
  const newestApplied = async () => {
    const rows = await t.ctx.db.selectFrom('webhook_events').selectAll().where('outcome', '=', 'applied').execute();
    const newest = new Map<string, string>();
    for (const r of rows) {
      const key = [r.workspace_id, r.source, r.object_id, r.property].join('|');
      if ((newest.get(key) ?? '') < (r.occurred_at ?? '')) newest.set(key, r.occurred_at ?? '');
    }
    return newest;
  };

  it(
    'forgets deliveries and ignored or superseded events after 90 days, keeping the newest change that ' +
      'orders a late retry',
    async () => {
      const first = stage(1100, 'appointmentscheduled');
      const second = stage(1100, 'contractsent');
      const amount = hs(1100, { propertyName: 'amount', propertyValue: '5000' });
      const other = hs(1100, {
        subscriptionType: 'contact.propertyChange',
        propertyName: 'email',
        propertyValue: 'ana@northwind.example',
      });
      expect((await hubspot('acme', [first, second, amount, other])).json()).toEqual({
        received: 4,
        applied: 3,
        duplicates: 0,
        ignored: 1,
      });

      expect(await pruneWebhookLog(t.ctx.db, t.ctx.now()), 'nothing is old yet').toEqual({ events: 0, deliveries: 0 });
      const before = await stored();
      const kept = await newestApplied();
      // Pages of 7 rows, so that paging past kept rows is exercised.
      const pruned = await pruneWebhookLog(t.ctx.db, new Date(t.ctx.now().getTime() + 91 * DAY), {
        batchSize: 7,
      });
      const after = await stored();
      expect(pruned).toEqual({ events: before.events - after.events, deliveries: before.deliveries });
      expect(after.deliveries).toBe(0);
      // Exactly the newest applied change of each deal property stays, in every workspace and source.
      const rows = await t.ctx.db.selectFrom('webhook_events').selectAll().execute();
      expect(rows.every((r) => r.outcome === 'applied')).toBe(true);
      expect(
        new Map(rows.map((r) => [[r.workspace_id, r.source, r.object_id, r.property].join('|'), r.occurred_at ?? ''])),
      ).toEqual(kept);
      expect(rows).toHaveLength(kept.size);
      expect(after.deals).toBe(before.deals);

      // A retry of a forgotten change is older than the kept one: ignored, as it would have been before.
      const retried = await hubspot('acme', [first]);
      expect(retried.json()).toEqual({ received: 1, applied: 0, duplicates: 0, ignored: 1 });
      const late = await t.ctx.db
        .selectFrom('webhook_events')
        .select('detail')
        .where('object_id', '=', '1100')
        .where('outcome', '=', 'ignored')
        .executeTakeFirstOrThrow();
      expect(late.detail).toContain('out of order');
      expect((await hubspot('acme', [second, amount])).json()).toEqual({
        received: 2,
        applied: 0,
        duplicates: 2,
        ignored: 0,
      });
      expect(await deal('hubspot', '1100')).toMatchObject({ stage: 'contractsent', amount: 5000 });

      // The daily job, as the runner runs it, forgets that ignored retry once it is old.
      await t.ctx.db
        .updateTable('webhook_events')
        .set({ received_at: new Date(Date.now() - 91 * DAY).toISOString() })
        .where('outcome', '=', 'ignored')
        .execute();
      await enqueueJob(t.ctx.db, t.ctx.jobs, { type: 'deals.webhooks.prune', payload: {} });
      expect(await t.runJobs()).toEqual([]);
      // The runner also schedules the job's own daily slot: every run succeeded.
      const runs = await t.ctx.db
        .selectFrom('jobs')
        .select(['status', 'last_error'])
        .where('type', '=', 'deals.webhooks.prune')
        .execute();
      expect(runs.length).toBeGreaterThanOrEqual(1);
      expect(runs.filter((r) => r.status !== 'succeeded')).toEqual([]);
      expect(
        await t.ctx.db.selectFrom('webhook_events').select('event_id').where('outcome', '=', 'ignored').execute(),
      ).toEqual([]);
      expect((await stored()).events).toBe(kept.size);
    },
  );
});

describe('BATON_PUBLIC_URL', () => {
  it('takes an http(s) origin, without its trailing slash, and refuses anything else naming the variable', () => {
    expect(loadConfig({ BATON_PUBLIC_URL: 'https://baton.example.com/' }).publicUrl).toBe('https://baton.example.com');
    expect(loadConfig({ BATON_PUBLIC_URL: 'http://10.0.0.5:3000' }).publicUrl).toBe('http://10.0.0.5:3000');
    expect(loadConfig({}).publicUrl).toBeUndefined();
    for (const bad of [
      'baton.example.com',
      'ftp://baton.example.com',
      'https://baton.example.com/baton',
      'https://baton.example.com?x=1',
    ]) {
      expect(() => loadConfig({ BATON_PUBLIC_URL: bad }), bad).toThrow(/BATON_PUBLIC_URL/);
    }
  });
});

describe('HubSpot webhooks over real HTTP', () => {
  it('accepts what HubSpot signs for the URL it called (protocol + Host), and refuses a bad signature', async () => {
    const baton = await startBaton({ demo: false });
    try {
      const login = await fetch(`${baton.url}/api/v1/session`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: baton.adminEmail, password: baton.adminPassword }),
      });
      expect(login.status).toBe(204);
      const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
      const { csrfToken } = (await (await fetch(`${baton.url}/api/v1/session`, { headers: { cookie } })).json()) as {
        csrfToken: string;
      };
      const put = await fetch(`${baton.url}/api/v1/integrations`, {
        method: 'PUT',
        headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': csrfToken },
        body: JSON.stringify({ source: 'hubspot', secret: HUBSPOT_SECRET }),
      });
      expect(put.status).toBe(200);

      const url = `${baton.url}/webhooks/hubspot/main`;
      const body = JSON.stringify([
        hs(1001, { subscriptionType: 'deal.creation' }),
        hs(1001, { propertyName: 'dealname', propertyValue: 'Tailspin – Platform' }),
        stage(1001, 'closedwon'),
      ]);
      const timestamp = Date.now();
      const signature = hubspotSignatureV3({
        clientSecret: HUBSPOT_SECRET,
        method: 'POST',
        uri: url,
        body,
        timestamp: String(timestamp),
      });
      expect(
        Signature.isValid({
          signatureVersion: 'v3',
          signature,
          clientSecret: HUBSPOT_SECRET,
          requestBody: body,
          url,
          method: 'POST',
          timestamp,
        }),
      ).toBe(true);
      const headers = {
        'content-type': 'application/json',
        'x-hubspot-signature-v3': signature,
        'x-hubspot-request-timestamp': String(timestamp),
      };

      const refused = await fetch(url, {
        method: 'POST',
        headers: { ...headers, 'x-hubspot-signature-v3': signature.replace(/^./, (c) => (c === 'A' ? 'B' : 'A')) },
        body,
      });
      expect(refused.status).toBe(401);
      expect(refused.headers.get('content-type')).toContain('application/problem+json');

      const res = await fetch(url, { method: 'POST', headers, body });
      expect(res.status).toBe(200);
      expect(await res.json()).toEqual({ received: 3, applied: 3, duplicates: 0, ignored: 0 });
      const deals = (await (
        await fetch(`${baton.url}/api/v1/deals?state=pending_confirmation`, { headers: { cookie } })
      ).json()) as { items: Array<{ name: string; source: string; externalId: string }> };
      expect(deals.items).toEqual([
        expect.objectContaining({ name: 'Tailspin – Platform', source: 'hubspot', externalId: '1001' }),
      ]);
    } finally {
      await baton.close();
    }
  });
});
