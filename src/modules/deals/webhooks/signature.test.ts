import { Signature } from '@hubspot/api-client';
import { describe, expect, it } from 'vitest';
import {
  constantTimeEqual,
  crmSignature,
  HUBSPOT_MAX_AGE_MS,
  hubspotSignatureV3,
  verifyCrm,
  verifyHubspot,
} from './signature.ts';

const clientSecret = 'a1b2c3d4-hubspot-client-secret';
const uri = 'https://baton.example.com/webhooks/hubspot/acme';
const body = Buffer.from(
  '[{"eventId":1,"subscriptionId":2,"occurredAt":1764147600000,"subscriptionType":"deal.creation","objectId":3}]',
);
const now = 1_764_147_600_000;

const signed = (over: { secret?: string; uri?: string; body?: Buffer; timestamp?: string; method?: string } = {}) => {
  const timestamp = over.timestamp ?? String(now);
  return hubspotSignatureV3({
    clientSecret: over.secret ?? clientSecret,
    method: over.method ?? 'POST',
    uri: over.uri ?? uri,
    body: over.body ?? body,
    timestamp,
  });
};

describe('HubSpot v3 signatures', () => {
  it('computes what HubSpot’s own client computes', () => {
    const timestamp = Date.now();
    const signature = hubspotSignatureV3({ clientSecret, method: 'POST', uri, body, timestamp: String(timestamp) });
    expect(
      Signature.isValid({
        signatureVersion: 'v3',
        signature,
        clientSecret,
        requestBody: body.toString(),
        url: uri,
        method: 'POST',
        timestamp,
      }),
    ).toBe(true);
    expect(
      Signature.isValid({
        signatureVersion: 'v3',
        signature,
        clientSecret: 'another-secret-entirely',
        requestBody: body.toString(),
        url: uri,
        method: 'POST',
        timestamp,
      }),
    ).toBe(false);
  });

  it('accepts a correctly signed, fresh request', () => {
    expect(
      verifyHubspot({
        clientSecret,
        method: 'POST',
        uri,
        body,
        signature: signed(),
        timestamp: String(now),
        now: now + 1000,
      }),
    ).toEqual({ ok: true });
  });

  it.each([
    ['another secret', { secret: 'not-the-client-secret' }],
    ['another URL', { uri: 'https://evil.example.com/webhooks/hubspot/acme' }],
    ['a tampered body', { body: Buffer.from(body.toString().replace('"objectId":3', '"objectId":4')) }],
    ['another method', { method: 'PUT' }],
    ['another timestamp', { timestamp: String(now - 1) }],
  ])('refuses a signature made with %s', (_what, over) => {
    const r = verifyHubspot({
      clientSecret,
      method: 'POST',
      uri,
      body,
      signature: signed(over),
      timestamp: String(now),
      now,
    });
    expect(r).toMatchObject({ ok: false, reason: 'mismatch' });
  });

  it('refuses a request older (or newer) than 5 minutes, even well signed', () => {
    const old = String(now - HUBSPOT_MAX_AGE_MS - 1);
    expect(
      verifyHubspot({
        clientSecret,
        method: 'POST',
        uri,
        body,
        signature: signed({ timestamp: old }),
        timestamp: old,
        now,
      }),
    ).toMatchObject({ ok: false, reason: 'stale' });
    const future = String(now + HUBSPOT_MAX_AGE_MS + 1);
    expect(
      verifyHubspot({
        clientSecret,
        method: 'POST',
        uri,
        body,
        signature: signed({ timestamp: future }),
        timestamp: future,
        now,
      }),
    ).toMatchObject({ ok: false, reason: 'stale' });
    const edge = String(now - HUBSPOT_MAX_AGE_MS);
    expect(
      verifyHubspot({
        clientSecret,
        method: 'POST',
        uri,
        body,
        signature: signed({ timestamp: edge }),
        timestamp: edge,
        now,
      }),
    ).toEqual({ ok: true });
  });

  it('refuses missing headers, and fails without a configured secret exactly as with a wrong one', () => {
    expect(
      verifyHubspot({ clientSecret, method: 'POST', uri, body, signature: undefined, timestamp: String(now), now }),
    ).toMatchObject({ reason: 'missing' });
    expect(
      verifyHubspot({ clientSecret, method: 'POST', uri, body, signature: signed(), timestamp: undefined, now }),
    ).toMatchObject({ reason: 'missing' });
    const none = verifyHubspot({
      clientSecret: undefined,
      method: 'POST',
      uri,
      body,
      signature: signed(),
      timestamp: String(now),
      now,
    });
    const wrong = verifyHubspot({
      clientSecret: 'x'.repeat(30),
      method: 'POST',
      uri,
      body,
      signature: signed(),
      timestamp: String(now),
      now,
    });
    expect(none).toEqual(wrong);
  });
});

describe('generic CRM signatures', () => {
  const secret = 'shared-secret-for-salesforce';
  it('is sha256= and the hex HMAC-SHA256 of the raw body', () => {
    // printf '%s' '{"a":1}' | openssl dgst -sha256 -hmac 'shared-secret-for-salesforce'
    expect(crmSignature(secret, '{"a":1}')).toBe(
      'sha256=2626fc66d966f21a3e697d3c2d1438a9ca27d2a12f89b545f935c2b19ff5b47e',
    );
    expect(verifyCrm({ secret, body: Buffer.from('{"a":1}'), signature: crmSignature(secret, '{"a":1}') })).toEqual({
      ok: true,
    });
    expect(
      verifyCrm({
        secret,
        body: Buffer.from('{"a":1}'),
        signature: crmSignature(secret, '{"a":1}').toUpperCase().replace('SHA256=', 'sha256='),
      }),
    ).toEqual({ ok: true });
  });

  it.each([
    ['a tampered body', { body: Buffer.from('{"a":2}'), signature: crmSignature(secret, '{"a":1}') }],
    ['another secret', { body: Buffer.from('{"a":1}'), signature: crmSignature('another-secret-for-sf', '{"a":1}') }],
    ['no prefix', { body: Buffer.from('{"a":1}'), signature: crmSignature(secret, '{"a":1}').slice(7) }],
  ])('refuses %s', (_what, input) => {
    expect(verifyCrm({ secret, ...input })).toMatchObject({ ok: false, reason: 'mismatch' });
  });

  it('refuses a missing header, and an unset secret as a wrong one', () => {
    expect(verifyCrm({ secret, body: Buffer.from('{}'), signature: undefined })).toMatchObject({ reason: 'missing' });
    expect(
      verifyCrm({ secret: undefined, body: Buffer.from('{}'), signature: crmSignature(secret, '{}') }),
    ).toMatchObject({ reason: 'mismatch' });
  });
});

describe('constantTimeEqual', () => {
  it.each([
    ['abc', 'abc', true],
    ['abc', 'abd', false],
    ['abc', 'abcd', false],
    ['', '', true],
  ])('%s vs %s → %s', (a, b, equal) => {
    expect(constantTimeEqual(a, b)).toBe(equal);
  });
});
