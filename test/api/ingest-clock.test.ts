import type { AddressInfo } from 'node:net';
import { Analytics } from '@segment/analytics-node';
import { PostHog } from 'posthog-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, type TestApp } from '../helpers/test-app.ts';

/**
 * Client clocks: timestamps corrected by the time the client says it sent them (sentAt), as Segment's and
 * PostHog's servers do, and no event dated after it arrived — through the official clients.
 */

let t: TestApp;
let acme: string;
let key: string;
let admin: Client;
let url: string;
let northwind: string;

const HOUR = 3_600_000;

const stored = async (messageId: string) =>
  (
    await t.ctx.db
      .selectFrom('usage_events')
      .select('occurred_at')
      .where('workspace_id', '=', acme)
      .where('message_id', '=', messageId)
      .executeTakeFirstOrThrow()
  ).occurred_at;
const storedBy = async (event: string) =>
  (
    await t.ctx.db
      .selectFrom('usage_events')
      .select('occurred_at')
      .where('workspace_id', '=', acme)
      .where('event', '=', event)
      .executeTakeFirstOrThrow()
  ).occurred_at;

beforeAll(async () => {
  t = await createTestApp();
  acme = await t.workspace('acme');
  admin = await t.login((await t.user(acme, 'admin')).email);
  const res = await admin.request({
    method: 'POST',
    url: '/api/v1/accounts',
    payload: { name: 'Northwind', domain: 'northwind.example', segment: 'mid_market' },
  });
  northwind = res.json().id;
  key = await t.apiKey(acme, 'ingest');
  await t.server.app.listen({ port: 0, host: '127.0.0.1' });
  url = `http://127.0.0.1:${(t.server.app.server.address() as AddressInfo).port}`;
});
afterAll(async () => t?.close());

describe('client clocks', () => {
  it('dates an event of 9999-12-31 sent by the official clients at its arrival, so the account’s last event stays in the past', async () => {
    const analytics = new Analytics({ writeKey: key, host: url, flushAt: 10, flushInterval: 60_000, maxRetries: 0 });
    const errors: unknown[] = [];
    analytics.on('error', (e) => errors.push(e));
    const past = new Date(Date.now() - 2 * HOUR);
    const sent = Date.now();
    analytics.track({
      userId: 'u1',
      event: 'Far Future',
      timestamp: new Date('9999-12-31T23:59:59.000Z'),
      context: { groupId: northwind },
    });
    analytics.track({ userId: 'u1', event: 'Two Hours Ago', timestamp: past, context: { groupId: northwind } });
    await analytics.closeAndFlush({ timeout: 10_000 });
    expect(errors).toEqual([]);

    const posthog = new PostHog(key, { host: url, flushAt: 10, flushInterval: 0, fetchRetryCount: 0 });
    posthog.capture({
      distinctId: 'u1',
      event: 'ph far future',
      timestamp: new Date('9999-12-31T23:59:59.000Z'),
      groups: { company: northwind },
    });
    posthog.capture({ distinctId: 'u1', event: 'ph two hours ago', timestamp: past, groups: { company: northwind } });
    await posthog.shutdown(10_000);
    const received = Date.now();

    for (const event of ['Far Future', 'ph far future']) {
      const at = Date.parse(await storedBy(event));
      expect(at).toBeGreaterThanOrEqual(sent);
      expect(at).toBeLessThanOrEqual(received);
    }
    // A client whose clock agrees with Baton's: its times move by no more than the trip's length.
    for (const event of ['Two Hours Ago', 'ph two hours ago']) {
      const at = Date.parse(await storedBy(event));
      expect(at).toBeGreaterThanOrEqual(past.getTime());
      expect(at).toBeLessThanOrEqual(past.getTime() + (received - sent));
    }
    const status = (await admin.request({ method: 'GET', url: '/api/v1/usage/ingest-status' })).json();
    for (const source of ['segment', 'posthog'] as const)
      expect(Date.parse(status.total[source].lastEventAt)).toBeLessThanOrEqual(received);
    const adoption = await admin.request({ method: 'GET', url: `/api/v1/usage/accounts/${northwind}/adoption` });
    expect(adoption.statusCode, adoption.body).toBe(200);
  });

  it('corrects a client clock three days ahead by its sentAt, on Segment and PostHog', async () => {
    const ahead = 3 * 24 * HOUR;
    const before = Date.now();
    const clientNow = new Date(before + ahead);
    const clientEvent = new Date(clientNow.getTime() - HOUR).toISOString();
    const segment = await fetch(`${url}/v1/batch`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Basic ${Buffer.from(`${key}:`).toString('base64')}`,
      },
      body: JSON.stringify({
        sentAt: clientNow.toISOString(),
        batch: [{ type: 'track', messageId: 'skew-s', userId: 'u2', event: 'Skewed', timestamp: clientEvent }],
      }),
    });
    expect(segment.status).toBe(200);
    const posthog = await fetch(`${url}/batch/`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        api_key: key,
        sent_at: clientNow.toISOString(),
        batch: [{ event: 'skewed', uuid: 'skew-p', distinct_id: 'u2', timestamp: clientEvent }],
      }),
    });
    expect(posthog.status).toBe(200);
    const after = Date.now();
    for (const id of ['skew-s', 'skew-p']) {
      const at = Date.parse(await stored(id));
      // receivedAt − (sentAt − timestamp): an hour before it arrived, by Baton's clock.
      expect(at).toBeGreaterThanOrEqual(before - HOUR);
      expect(at).toBeLessThanOrEqual(after - HOUR);
    }
  });
});
