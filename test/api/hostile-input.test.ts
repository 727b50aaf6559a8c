import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import fc from 'fast-check';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { crmSignature, hubspotSignatureV3 } from '../../src/modules/deals/webhooks/signature.ts';
import { type Client, createTestApp, type TestApp } from '../helpers/test-app.ts';

/**
 * Hostile input at every entry point, on both databases: names of Object.prototype's members as keys and values,
 * nesting deep enough to exhaust a recursive walk, NUL characters (PostgreSQL text refuses them) and lone
 * surrogates. Never a 5xx, always problem details naming the field, nothing half-written.
 */

const PUBLIC_URL = 'https://baton.example.com';
const HUBSPOT_SECRET = 'acme-hubspot-client-secret-0001';
const SALESFORCE_SECRET = 'acme-salesforce-shared-secret-3';
const PROTO_NAMES = ['constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf'];

let t: TestApp;
let acme: string;
let admin: Client;
let key: string;
let adminKey: string;
let url: string;

beforeAll(async () => {
  t = await createTestApp({ BATON_PUBLIC_URL: PUBLIC_URL });
  acme = await t.workspace('acme');
  const email = (await t.user(acme, 'admin')).email;
  admin = await t.login(email);
  key = await t.apiKey(acme, 'ingest');
  adminKey = await t.apiKey(acme, 'admin');
  for (const [source, secret] of [
    ['hubspot', HUBSPOT_SECRET],
    ['salesforce', SALESFORCE_SECRET],
  ]) {
    const res = await admin.request({ method: 'PUT', url: '/api/v1/integrations', payload: { source, secret } });
    expect(res.statusCode, res.body).toBe(200);
  }
  await t.server.app.listen({ port: 0, host: '127.0.0.1' });
  url = `http://127.0.0.1:${(t.server.app.server.address() as AddressInfo).port}`;
});
afterAll(async () => t?.close());

const deep = (levels: number, inner = '1') => '{"a":'.repeat(levels) + inner + '}'.repeat(levels);
const json = { 'content-type': 'application/json' };
/** Text percent-encoded byte by byte, as a URL carries it (a lone surrogate has no UTF-8: it goes as U+FFFD). */
const inUrl = (text: string) =>
  [...Buffer.from(text, 'utf8')].map((b) => `%${b.toString(16).padStart(2, '0')}`).join('');

/** A refusal as every entry point gives one: 4xx problem details, naming `field` when given. */
function expectProblem(res: LightMyRequestResponse, status: number, field?: string): void {
  expect(res.statusCode, res.body).toBe(status);
  expect(res.headers['content-type']).toContain('application/problem+json');
  if (field !== undefined) expect(res.json().errors?.map((e: { field: string }) => e.field)).toContain(field);
}

/** Never a 5xx; a refusal is problem details. */
function expectHandled(res: LightMyRequestResponse): void {
  expect(res.statusCode, res.body).toBeLessThan(500);
  if (res.statusCode >= 400) expect(res.headers['content-type']).toContain('application/problem+json');
}

const count = async (
  table: 'accounts' | 'usage_events' | 'deals' | 'audit_log' | 'webhook_events' | 'integration_syncs',
) =>
  Number(
    (
      await t.ctx.db
        .selectFrom(table as 'accounts')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );
const writes = async () => ({
  accounts: await count('accounts'),
  events: await count('usage_events'),
  deals: await count('deals'),
  audit: await count('audit_log'),
});

const crm = (slug: string, body: string) =>
  t.inject({
    method: 'POST',
    url: `/webhooks/crm/${slug}`,
    payload: body,
    headers: { ...json, 'x-baton-source': 'salesforce', 'x-baton-signature': crmSignature(SALESFORCE_SECRET, body) },
  });

function hubspot(body: string) {
  const timestamp = String(Date.now());
  const signature = hubspotSignatureV3({
    clientSecret: HUBSPOT_SECRET,
    method: 'POST',
    uri: `${PUBLIC_URL}/webhooks/hubspot/acme`,
    body,
    timestamp,
  });
  return t.inject({
    method: 'POST',
    url: '/webhooks/hubspot/acme',
    payload: body,
    headers: { ...json, 'x-hubspot-signature-v3': signature, 'x-hubspot-request-timestamp': timestamp },
  });
}

const basic = (writeKey: string) => `Basic ${Buffer.from(`${writeKey}:`).toString('base64')}`;
const segment = (body: string, path = '/v1/batch') =>
  t.inject({ method: 'POST', url: path, payload: body, headers: { ...json, authorization: basic(key) } });
const posthog = (body: string | Buffer, gzip = false) =>
  t.inject({
    method: 'POST',
    url: '/batch/',
    payload: gzip ? gzipSync(body) : body,
    headers: { ...json, ...(gzip ? { 'content-encoding': 'gzip' } : {}) },
  });

describe('NUL characters and lone surrogates are refused at the edge, naming the field', () => {
  it.each([
    [
      'a NUL in the workspace of a sign-in',
      () =>
        t.inject({
          method: 'POST',
          url: '/api/v1/session',
          payload: { email: 'x@example.com', password: 'x'.repeat(12), workspace: 'ac\u0000me' },
        }),
      'body.workspace',
    ],
    [
      'a NUL in an account name',
      () => admin.request({ method: 'POST', url: '/api/v1/accounts', payload: { name: 'Ac\u0000me', segment: 'smb' } }),
      'body.name',
    ],
    [
      'a lone surrogate in an account name',
      () =>
        admin.request({
          method: 'POST',
          url: '/api/v1/accounts',
          payload: '{"name":"Ac\\ud800me","segment":"smb"}',
          headers: json,
        }),
      'body.name',
    ],
    [
      'a lone low surrogate',
      () =>
        admin.request({
          method: 'POST',
          url: '/api/v1/accounts',
          payload: '{"name":"Acme\\udfff","segment":"smb"}',
          headers: json,
        }),
      'body.name',
    ],
    [
      'a NUL in a property name',
      () =>
        admin.request({
          method: 'POST',
          url: '/api/v1/accounts',
          payload: '{"name":"Acme","segment":"smb","x\\u0000":1}',
          headers: json,
        }),
      'body.x\\u0000',
    ],
    ['a NUL in a search', () => admin.request({ method: 'GET', url: '/api/v1/accounts?q=a%00b' }), 'querystring.q'],
    ['a NUL in a path id', () => admin.request({ method: 'GET', url: '/api/v1/accounts/ab%00cd' }), 'params.id'],
    ['a NUL in a webhook workspace', () => crm('de%00mo', '{"events":[]}'), 'params.workspace'],
    [
      'a NUL in an integration report',
      () =>
        t.inject({
          method: 'POST',
          url: '/api/v1/integration-status',
          payload: {
            account: 'acme.example',
            integration: 'sync\u0000',
            status: 'success',
            occurredAt: '2026-11-20T10:00:00Z',
          },
          headers: { authorization: `Bearer ${key}` },
        }),
      'body.integration',
    ],
    [
      'a NUL in an import option',
      () =>
        admin.request({
          method: 'POST',
          url: `/api/v1/imports/accounts/preview?format=mapped&mapping=${encodeURIComponent('{"Name\\u0000":"name"}')}`,
          payload: 'Name\nAcme\n',
          headers: { 'content-type': 'text/csv' },
        }),
      'querystring.mapping',
    ],
  ])('%s → 400', async (_what, send, field) => {
    const before = await writes();
    expectProblem(await send(), 400, field);
    expect(await writes()).toEqual(before);
  });

  it('keeps a NUL that is data stored as JSON text: usage event properties round-trip on both databases', async () => {
    const res = await segment(
      JSON.stringify({
        batch: [
          {
            type: 'track',
            messageId: 'nul-props',
            userId: 'u',
            event: 'E',
            properties: { s: 'a\u0000b', lone: 'x\ud800', ['k\u0000']: 1 },
          },
        ],
      }),
    );
    expect(res.statusCode, res.body).toBe(200);
    const row = await t.ctx.db
      .selectFrom('usage_events')
      .select('properties')
      .where('message_id', '=', 'nul-props')
      .executeTakeFirstOrThrow();
    expect(JSON.parse(row.properties)).toEqual({ s: 'a\u0000b', lone: 'x\ud800', ['k\u0000']: 1 });
  });

  it('answers a path over 16 KB with a 431 in problem details', async () => {
    const res = await fetch(`${url}/api/v1/accounts/${'a'.repeat(20_000)}`);
    expect(res.status).toBe(431);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    expect(await res.json()).toMatchObject({ status: 431, type: 'urn:baton:problem:headers-too-large' });
  });
});

describe('nesting is limited on every JSON entry point, before any walk', () => {
  it.each([
    [
      '/api/v1',
      () =>
        admin.request({
          method: 'POST',
          url: '/api/v1/accounts',
          payload: `{"name":"Deep","segment":"smb","x":${deep(20_000)}}`,
          headers: json,
        }),
    ],
    [
      '/api/v1 with lists',
      () =>
        admin.request({
          method: 'POST',
          url: '/api/v1/accounts',
          payload: `{"name":"Deep","segment":"smb","x":${'['.repeat(20_000)}${']'.repeat(20_000)}}`,
          headers: json,
        }),
    ],
    [
      'a sign-in, before any login',
      () => t.inject({ method: 'POST', url: '/api/v1/session', payload: deep(20_000), headers: json }),
    ],
    [
      'a playbook file',
      () => admin.request({ method: 'POST', url: '/api/v1/playbooks/import', payload: deep(20_000), headers: json }),
    ],
    [
      'a playbook file in YAML',
      () =>
        admin.request({
          method: 'POST',
          url: '/api/v1/playbooks/import',
          payload: `key: deep\ndefinition: ${'['.repeat(20_000)}${']'.repeat(20_000)}\n`,
          headers: { 'content-type': 'application/yaml' },
        }),
    ],
    [
      'an import option',
      () =>
        admin.request({
          method: 'POST',
          url: `/api/v1/imports/accounts/preview?format=mapped&mapping=${encodeURIComponent(deep(2_000, '"x"'))}`,
          payload: 'Name\nAcme\n',
          headers: { 'content-type': 'text/csv' },
        }),
    ],
    [
      'Segment /v1/batch',
      () => segment(`{"batch":[{"type":"track","userId":"u","event":"x","properties":${deep(20_000)}}]}`),
    ],
    ['Segment /v1/track', () => segment(`{"userId":"u","event":"x","properties":${deep(20_000)}}`, '/v1/track')],
    [
      'Segment with the write key in the body',
      () =>
        t.inject({
          method: 'POST',
          url: '/v1/batch',
          payload: `{"writeKey":"${key}","batch":[${deep(20_000)}]}`,
          headers: json,
        }),
    ],
    [
      'PostHog /batch/',
      () => posthog(`{"api_key":"${key}","batch":[{"event":"x","distinct_id":"u","properties":${deep(20_000)}}]}`),
    ],
    [
      'PostHog one event',
      () => posthog(`{"api_key":"${key}","event":"x","distinct_id":"u","properties":${deep(20_000)}}`),
    ],
    [
      'PostHog gzip',
      () =>
        posthog(`{"api_key":"${key}","batch":[{"event":"x","distinct_id":"u","properties":${deep(20_000)}}]}`, true),
    ],
    [
      'a CRM webhook',
      () =>
        crm(
          'acme',
          `{"events":[{"id":"d","type":"deal.upsert","occurredAt":"2026-11-20T10:00:00Z","deal":${deep(20_000)}}]}`,
        ),
    ],
    ['a HubSpot webhook', () => hubspot(`[${deep(20_000)}]`)],
  ])('%s → 400 naming the body', async (_where, send) => {
    const before = await writes();
    const res = await send();
    expectProblem(res, 400);
    expect(res.json().detail).toMatch(/deeper than 64 levels/);
    expect(await writes()).toEqual(before);
  });

  it('takes a body nested to the limit', async () => {
    const res = await admin.request({
      method: 'POST',
      url: '/api/v1/accounts',
      payload: `{"name":"Nested","segment":"smb","x":${deep(63)}}`,
      headers: json,
    });
    expect(res.statusCode, res.body).toBe(201);
    const event = await posthog(
      `{"api_key":"${key}","event":"nested","distinct_id":"u","uuid":"nested-1","properties":${deep(63)}}`,
    );
    expect(event.statusCode, event.body).toBe(200);
  });
});

describe('names of Object.prototype members are data, never the object’s own members', () => {
  it('stores PostHog events named constructor, __proto__, toString … with the good events of their batch', async () => {
    const batch = [...PROTO_NAMES, 'Report Published'].map((event, i) => ({
      event,
      distinct_id: 'proto-user',
      uuid: `proto-${i}`,
      properties: { [event]: event },
    }));
    const res = await posthog(JSON.stringify({ api_key: key, batch }));
    expect(res.statusCode, res.body).toBe(200);
    const rows = await t.ctx.db
      .selectFrom('usage_events')
      .select(['event', 'type'])
      .where('user_id', '=', 'proto-user')
      .orderBy('message_id')
      .execute();
    expect(rows).toEqual([...PROTO_NAMES, 'Report Published'].map((event) => ({ event, type: 'track' })));
  });

  it('takes Segment events and traits with those names', async () => {
    const batch = PROTO_NAMES.map((event, i) => ({
      type: 'track',
      messageId: `seg-proto-${i}`,
      userId: event,
      event,
      properties: { [event]: { [event]: 1 } },
      context: { groupId: event },
    }));
    const res = await segment(
      JSON.stringify({
        batch: [
          ...batch,
          {
            type: 'identify',
            messageId: 'seg-proto-id',
            userId: 'u',
            traits: JSON.parse('{"__proto__":{"email":"x@y.z"},"constructor":{"id":"g"}}'),
          },
        ],
      }),
    );
    expect(res.statusCode, res.body).toBe(200);
  });

  it('ignores HubSpot property changes naming them, and applies the rest', async () => {
    const events = PROTO_NAMES.map((propertyName, i) => ({
      eventId: 9_100 + i,
      subscriptionId: 1,
      portalId: 1,
      appId: 1,
      occurredAt: Date.parse('2026-11-20T10:00:00Z') + i,
      subscriptionType: 'deal.propertyChange',
      attemptNumber: 0,
      objectId: 77,
      propertyName,
      propertyValue: 'x',
    }));
    const res = await hubspot(JSON.stringify(events));
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ received: PROTO_NAMES.length, applied: 0, ignored: PROTO_NAMES.length });
  });

  it('reads CSV headers, import formats, mappings and aliases named so without a 5xx, and pollutes nothing', async () => {
    const csv = `${PROTO_NAMES.join(',')},Name,Segment\n${PROTO_NAMES.map(() => 'x').join(',')},Acme,smb\n`;
    const options = [
      '',
      ...PROTO_NAMES.map((n) => `format=${n}`),
      `format=mapped&mapping=${encodeURIComponent('{"Name":"name","Segment":"segment","constructor":"toString","toString":"constructor"}')}`,
      `format=mapped&mapping=${encodeURIComponent('{"Name":"name","Segment":"segment"}')}&aliases=${encodeURIComponent('{"__proto__":{"x":"smb"},"segment":{"constructor":"smb","x":"toString"}}')}`,
      `format=mapped&mapping=${encodeURIComponent('{"Name":"name","Segment":"segment"}')}&defaults=${encodeURIComponent('{"constructor":"smb","segment":"__proto__"}')}`,
    ];
    for (const kind of ['accounts', 'contacts', 'deals']) {
      for (const query of options) {
        for (const path of [`/api/v1/imports/${kind}/preview`, `/api/v1/imports/${kind}?dryRun=true`]) {
          const res = await admin.request({
            method: 'POST',
            url: `${path}${path.includes('?') ? '&' : '?'}${query}`,
            payload: csv,
            headers: { 'content-type': 'text/csv' },
          });
          expectHandled(res);
        }
      }
    }
    // The deal importer turns aliases around (spelling → value into value → spellings): a field or value named
    // __proto__ or constructor stays data.
    const aliases = encodeURIComponent(
      '{"__proto__":{"polluted":"yes"},"product":{"Widget":"constructor","Gadget":"__proto__"}}',
    );
    expectHandled(
      await admin.request({
        method: 'POST',
        url: `/api/v1/imports/deals/preview?aliases=${aliases}`,
        payload: 'Deal Name,Deal Stage\nA,closedwon\n',
        headers: { 'content-type': 'text/csv' },
      }),
    );
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('yes');
  });

  it('keeps a delivery role and task keys named constructor as data in a playbook and its effort by role', async () => {
    expect(
      (
        await admin.request({
          method: 'PUT',
          url: '/api/v1/delivery/roles',
          payload: { roles: ['constructor', 'valueof'] },
        })
      ).statusCode,
    ).toBe(200);
    const list = (await admin.request({ method: 'GET', url: '/api/v1/playbooks' })).json().items as Array<{
      id: string;
    }>;
    const exported = await admin.request({ method: 'GET', url: `/api/v1/playbooks/${list[0]!.id}/export?format=json` });
    expect(exported.statusCode, exported.body).toBe(200);
    const file = JSON.parse(exported.body);
    const tasks = file.definition.phases.flatMap((p: { tasks: Array<Record<string, unknown>> }) => p.tasks);
    const ours = tasks.filter(
      (t: { customerOwned?: boolean; ownerRole: string }) => !t.customerOwned && t.ownerRole !== 'customer',
    );
    ours[0].ownerRole = 'constructor';
    ours[1].ownerRole = 'valueof';
    const rename = (from: string, to: string) => {
      for (const t of tasks) {
        if (t.key === from) t.key = to;
        t.dependsOn = (t.dependsOn as string[] | undefined)?.map((d) => (d === from ? to : d));
      }
    };
    rename(ours[0].key, 'constructor');
    rename(ours[1].key, 'valueof');
    file.key = 'proto-names';
    const imported = await admin.request({
      method: 'POST',
      url: '/api/v1/playbooks/import',
      payload: JSON.stringify(file),
      headers: json,
    });
    expect(imported.statusCode, imported.body).toBe(201);
    const detail = await admin.request({ method: 'GET', url: `/api/v1/playbooks/${imported.json().playbook.id}` });
    expect(detail.statusCode, detail.body).toBe(200);
    const effort = detail.json().effortByRole as Record<string, number>;
    expect(typeof effort.constructor).toBe('number');
    expect(effort.constructor).toBe(
      ours
        .filter((t: { ownerRole: string }) => t.ownerRole === 'constructor')
        .reduce((n: number, t: { effortHours: number }) => n + t.effortHours, 0),
    );
    expect(typeof effort.valueof).toBe('number');
  });

  it('takes query parameters named so', async () => {
    const res = await admin.request({
      method: 'GET',
      url: `/api/v1/accounts?${PROTO_NAMES.map((n) => `${n}=1`).join('&')}`,
    });
    expect(res.statusCode, res.body).toBe(200);
  });

  it('refuses a __proto__ key in an /api/v1 body, naming the body', async () => {
    expectProblem(
      await admin.request({
        method: 'POST',
        url: '/api/v1/accounts',
        payload: '{"name":"Acme","segment":"smb","__proto__":{"x":1}}',
        headers: json,
      }),
      400,
      'body',
    );
  });
});

describe('an absent body where every field is optional', () => {
  it('evaluates usage signals with no body, or an empty one, and still refuses a wrong one', async () => {
    for (const headers of [{}, json]) {
      const res = await admin.request({ method: 'POST', url: '/api/v1/usage/signals/evaluate', headers });
      expect(res.statusCode, res.body).toBe(200);
    }
    expectProblem(await admin.request({ method: 'POST', url: '/api/v1/accounts', headers: json }), 400, 'body');
    expectProblem(await admin.request({ method: 'POST', url: '/api/v1/accounts' }), 400, 'body');
  });

  it('says so in the API document', async () => {
    const paths = (await t.inject({ method: 'GET', url: '/api/openapi.json' })).json().paths;
    expect(paths['/api/v1/usage/signals/evaluate'].post.requestBody.required).toBe(false);
    expect(paths['/api/v1/projects/{id}/kickoff'].post.requestBody.required).toBe(false);
    expect(paths['/api/v1/accounts'].post.requestBody.required).toBe(true);
    expect(paths['/api/v1/accounts/{id}'].patch.requestBody.required).toBe(false);
  });
});

describe('generated hostile input at every entry point (both databases)', () => {
  /** Text made of the characters and names that break lookups, databases and parsers. */
  const hostile = fc.oneof(
    fc.constantFrom(...PROTO_NAMES, '\u0000', '\ud800', '\udc00', 'a\u0000b', '😀', ''),
    fc.string({
      unit: fc.constantFrom('a', ' ', '\u0000', '\ud800', '\udfff', '"', '\\', '{', '[', '😀', '_', 'é'),
      maxLength: 12,
    }),
  );
  const value = fc.letrec((tie) => ({
    node: fc.oneof(
      { depthSize: 'small', maxDepth: 3 },
      hostile,
      fc.integer(),
      fc.constant(null),
      fc.array(tie('node'), { maxLength: 3 }),
      fc.dictionary(hostile, tie('node'), { maxKeys: 3 }),
    ),
  })).node;
  const runs = { numRuns: 25 };

  it('/api/v1: accounts, searches, sign-ins and integration reports', async () => {
    await fc.assert(
      fc.asyncProperty(hostile, hostile, value, async (name, q, extra) => {
        const before = await writes();
        const created = await admin.request({
          method: 'POST',
          url: '/api/v1/accounts',
          payload: JSON.stringify({ name, segment: 'smb', domain: null, [name]: extra }),
          headers: json,
        });
        expectHandled(created);
        if (created.statusCode >= 400) expect(await writes()).toEqual(before);
        if (created.statusCode === 201) expect(created.json().name).toBe(name.trim());
        expectHandled(await admin.request({ method: 'GET', url: `/api/v1/accounts?q=${inUrl(q)}&${inUrl(q)}=1` }));
        expectHandled(
          await t.inject({
            method: 'POST',
            url: '/api/v1/session',
            payload: JSON.stringify({ email: `${q}@example.com`, password: name.padEnd(10, 'x'), workspace: q }),
            headers: json,
          }),
        );
        expectHandled(
          await t.inject({
            method: 'POST',
            url: '/api/v1/integration-status',
            payload: JSON.stringify({
              account: name,
              integration: q,
              status: 'success',
              occurredAt: '2026-11-20T10:00:00Z',
              [q]: extra,
            }),
            headers: { ...json, authorization: `Bearer ${adminKey}` },
          }),
        );
      }),
      runs,
    );
  });

  it('Segment and PostHog: events, users, groups and properties', async () => {
    let n = 0;
    await fc.assert(
      fc.asyncProperty(hostile, hostile, value, async (event, user, properties) => {
        n++;
        const seg = await segment(
          JSON.stringify({
            batch: [
              {
                type: 'track',
                messageId: `fz-s-${n}`,
                userId: user || 'u',
                event: event || 'e',
                properties: { [event]: properties },
                context: { groupId: user },
              },
            ],
          }),
        );
        expectHandled(seg);
        const ph = await posthog(
          JSON.stringify({
            api_key: key,
            batch: [
              {
                event: event || 'e',
                distinct_id: user || 'u',
                uuid: `fz-p-${n}`,
                properties: { [user]: properties, $groups: { [event]: user } },
              },
            ],
          }),
          n % 2 === 0,
        );
        expectHandled(ph);
      }),
      runs,
    );
  });

  it('CRM webhooks: deal fields and event ids', async () => {
    let n = 0;
    await fc.assert(
      fc.asyncProperty(hostile, hostile, value, async (name, id, extra) => {
        n++;
        const before = await writes();
        const body = JSON.stringify({
          events: [
            {
              id: `fz-${n}-${id}`,
              type: 'deal.upsert',
              occurredAt: new Date(Date.parse('2026-11-20T10:00:00Z') + n).toISOString(),
              deal: { external_id: `fz-${n}${id}`, name, stage: name, [id]: extra },
            },
          ],
        });
        const res = await crm('acme', body);
        expectHandled(res);
        if (res.statusCode >= 400) expect((await writes()).deals).toEqual(before.deals);
        const hs = await hubspot(
          JSON.stringify([
            {
              eventId: 9_500 + n,
              subscriptionId: 1,
              portalId: 1,
              appId: 1,
              occurredAt: Date.parse('2026-11-20T10:00:00Z') + n,
              subscriptionType: 'deal.propertyChange',
              objectId: 88,
              propertyName: id,
              propertyValue: name,
            },
          ]),
        );
        expectHandled(hs);
      }),
      runs,
    );
  });

  it('the other file imports: people, time, seats, usage tables, integration reports, holidays, pipelines and playbooks', async () => {
    const cell = hostile.map((s) => `"${s.replaceAll('"', '""')}"`);
    const csvImports: Array<[string, string, string]> = [
      ['POST', '/api/v1/imports/resources?dryRun=true', 'name,email,role,weekly_capacity_hours,working_days'],
      ['POST', '/api/v1/imports/time-entries?dryRun=true', 'date,person,project,task,hours'],
      ['POST', '/api/v1/imports/seats?dryRun=true', 'account,seats'],
      ['POST', '/api/v1/imports/usage?dryRun=true', 'account,date,feature,events'],
      ['POST', '/api/v1/imports/integration-status?dryRun=true', 'account,integration,status,occurred_at'],
      ['PUT', '/api/v1/delivery/holidays', 'date,name'],
      ['POST', '/api/v1/deals/stage-mappings/import', 'Id,ApiName,MasterLabel,IsClosed,IsWon'],
    ];
    await fc.assert(
      fc.asyncProperty(
        fc.array(cell, { minLength: 1, maxLength: 3 }),
        fc.array(cell, { minLength: 5, maxLength: 5 }),
        hostile,
        value,
        async (extra, cells, name, tree) => {
          for (const [method, path, header] of csvImports) {
            const csv = `${header},${extra.join(',')}\n${cells.join(',')},${extra.map(() => 'x').join(',')}\n`;
            expectHandled(
              await admin.request({
                method: method as 'POST',
                url: path,
                payload: csv,
                headers: { 'content-type': 'text/csv' },
              }),
            );
          }
          // JSON and YAML files whose keys and values are hostile.
          expectHandled(
            await admin.request({
              method: 'POST',
              url: '/api/v1/deals/stage-mappings/import',
              payload: JSON.stringify({ [name]: tree, results: [{ [name]: tree, stages: tree }] }),
              headers: json,
            }),
          );
          expectHandled(
            await admin.request({
              method: 'POST',
              url: '/api/v1/playbooks/import',
              payload: JSON.stringify({
                key: name,
                name,
                [name]: tree,
                definition: {
                  phases: [{ key: name, name, [name]: tree, tasks: [{ key: name, ownerRole: name, [name]: tree }] }],
                },
              }),
              headers: json,
            }),
          );
          expectHandled(
            await admin.request({
              method: 'POST',
              url: '/api/v1/playbooks/import',
              payload: `key: ${JSON.stringify(name)}\n${JSON.stringify(name)}: ${JSON.stringify(tree)}\n`,
              headers: { 'content-type': 'application/yaml' },
            }),
          );
          expectHandled(
            await admin.request({
              method: 'PUT',
              url: '/api/v1/delivery/holidays',
              payload: JSON.stringify({ holidays: [{ date: '2026-12-25', name, [name]: tree }] }),
              headers: json,
            }),
          );
        },
      ),
      { numRuns: 10 },
    );
  });

  it('CSV imports: headers and cells', async () => {
    const cell = hostile.map((s) => `"${s.replaceAll('"', '""')}"`);
    await fc.assert(
      fc.asyncProperty(
        fc.array(cell, { minLength: 1, maxLength: 4 }),
        fc.array(cell, { minLength: 1, maxLength: 4 }),
        async (headers, cells) => {
          const csv = `${headers.join(',')},Name,Segment\n${cells.join(',')},Acme,smb\n`;
          for (const kind of ['accounts', 'contacts', 'deals']) {
            expectHandled(
              await admin.request({
                method: 'POST',
                url: `/api/v1/imports/${kind}/preview`,
                payload: csv,
                headers: { 'content-type': 'text/csv' },
              }),
            );
          }
        },
      ),
      { numRuns: 10 },
    );
  });
});
