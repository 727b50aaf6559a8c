import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { unpack } from './packed-messages.ts';
import { readBody } from './read-body.ts';
import { messageSizes } from './message-sizes.ts';
import { basicAuthUser, isCanonicalUtc, readPosthog, readSegment, type UsageMessage, userGroups } from './usage-event.ts';

const NOW = '2026-11-26T12:00:00.000Z';
const id = fc.stringMatching(/^[a-z0-9]{1,8}$/);

/** A user's call: a track naming a group in its context, or none. */
const call = fc.record({ user: fc.constantFrom('u1', 'u2', 'u3'), group: fc.option(fc.constantFrom('g1', 'g2', 'acme.com'), { nil: undefined }), kind: fc.constantFrom('track', 'group', 'identify') });

const toSegment = (c: { user: string; group: string | undefined; kind: string }, i: number) =>
  c.kind === 'group' && c.group
    ? { type: 'group', messageId: `m${i}`, userId: c.user, groupId: c.group }
    : c.kind === 'identify'
      ? { type: 'identify', messageId: `m${i}`, userId: c.user, traits: c.group ? { company: { id: c.group } } : {} }
      : { type: 'track', messageId: `m${i}`, userId: c.user, event: 'Used', ...(c.group ? { context: { groupId: c.group } } : {}) };

describe('user → group mapping', () => {
  it('maps each user to the last group a message of theirs named, and no one else', () => {
    fc.assert(
      fc.property(fc.array(call, { maxLength: 30 }), (calls) => {
        const read = readSegment({ batch: calls.map(toSegment) }, NOW);
        expect(read.ok).toBe(true);
        const messages = (read as { messages: UsageMessage[] }).messages;
        expect(messages.map((m) => m.messageId)).toEqual(calls.map((_, i) => `m${i}`));
        const expected = new Map<string, string>();
        for (const c of calls) if (c.group) expected.set(c.user, c.group);
        expect(userGroups(messages)).toEqual(expected);
      }),
    );
  });

  it('reads PostHog $groups the same way, and never maps a user from $groupidentify', () => {
    fc.assert(
      fc.property(fc.array(call, { maxLength: 30 }), (calls) => {
        const batch = calls.map((c, i) =>
          c.kind === 'group' && c.group
            ? { event: '$groupidentify', uuid: `p${i}`, distinct_id: c.user, properties: { $group_type: 'company', $group_key: c.group } }
            : { event: 'used', uuid: `p${i}`, distinct_id: c.user, properties: c.group ? { $groups: { company: c.group } } : {} },
        );
        const read = readPosthog({ api_key: 'k', batch }, NOW);
        expect(read.ok).toBe(true);
        const expected = new Map<string, string>();
        for (const c of calls) if (c.group && c.kind !== 'group') expected.set(c.user, c.group);
        expect(userGroups((read as { messages: UsageMessage[] }).messages)).toEqual(expected);
      }),
    );
  });

  it('refuses a whole batch when any one message lacks its user, naming that message', () => {
    fc.assert(
      fc.property(fc.array(call, { minLength: 1, maxLength: 20 }), fc.nat(), (calls, k) => {
        const bad = k % calls.length;
        const batch = calls.map(toSegment).map((m, i) => (i === bad ? { ...m, userId: undefined } : m));
        const read = readSegment({ batch }, NOW);
        expect(read.ok).toBe(false);
        if (!read.ok) expect(read.errors.map((e) => e.field)).toEqual([`body.batch.${bad}.userId`]);
      }),
    );
  });

  it('reads the Basic-auth user name as the write key', () => {
    fc.assert(
      fc.property(id, (key) => {
        expect(basicAuthUser(`Basic ${Buffer.from(`${key}:`).toString('base64')}`)).toBe(key);
      }),
    );
    expect(basicAuthUser('Bearer x')).toBeNull();
    expect(basicAuthUser(undefined)).toBeNull();
  });
});

describe('reading timestamps and sizes', () => {
  /** The plain definition: text a Date reads and writes back unchanged. */
  const canonical = (t: string) => {
    const ms = Date.parse(t);
    return !Number.isNaN(ms) && new Date(ms).toISOString() === t;
  };

  it('keeps exactly the timestamps toISOString writes', () => {
    fc.assert(fc.property(fc.date({ min: new Date(Date.UTC(0, 0, 1)), max: new Date(Date.UTC(9999, 11, 31)), noInvalidDate: true }), (d) => {
      expect(isCanonicalUtc(d.toISOString())).toBe(true);
    }));
    const near = fc.tuple(fc.date({ noInvalidDate: true, min: new Date('1990-01-01'), max: new Date('2100-01-01') }), fc.nat(23), fc.constantFrom(...'0123456789-:.TZ x+'.split('')));
    fc.assert(
      fc.property(near, ([d, at, ch]) => {
        const t = d.toISOString();
        const changed = t.slice(0, at) + ch + t.slice(at + 1);
        expect(isCanonicalUtc(changed)).toBe(canonical(changed));
      }),
    );
    for (const t of ['2024-02-29T00:00:00.000Z', '2023-02-29T00:00:00.000Z', '2026-04-31T00:00:00.000Z', '2026-11-26T24:00:00.000Z', '2026-11-26T12:00:00Z']) {
      expect(isCanonicalUtc(t)).toBe(canonical(t));
    }
  });

  it('refuses a message over 32 KB by its size as sent, naming it, whether sizes are given or measured', () => {
    const batch = [{ type: 'track', messageId: 'a', userId: 'u', event: 'x' }, { type: 'track', messageId: 'b', userId: 'u', event: 'x', properties: { blob: 'y'.repeat(33 * 1024) } }];
    const body = { batch };
    for (const sizes of [messageSizes(Buffer.from(JSON.stringify(body))), undefined]) {
      const read = readSegment(body, NOW, undefined, sizes);
      expect(read.ok).toBe(false);
      if (!read.ok) expect(read.errors).toEqual([{ field: 'body.batch.1', message: 'is larger than 32 KB' }]);
    }
    const fine = readSegment({ batch: [batch[0]] }, NOW, undefined, [32 * 1024]);
    expect(fine.ok).toBe(true);
  });

  it('gives ids and emails with a lone surrogate U+FFFD in its place, as both databases store text', () => {
    const body = {
      batch: [
        { type: 'track', messageId: 'm\ud800', userId: 'u\udc00', event: 'Report \ud83d Published', properties: { note: 'x\ud800' } },
        { type: 'identify', messageId: 'm2', userId: 'u2', traits: { email: 'ZOE\udc00@example.com' } },
        // Cut at 200 characters between the two halves of a pair: the half left alone is replaced too.
        { type: 'track', messageId: 'm3', userId: `${'a'.repeat(199)}😀`, event: 'E' },
      ],
    };
    const read = readBody({ source: 'segment', body: Buffer.from(JSON.stringify(body)), now: NOW }).read;
    expect(read.ok).toBe(true);
    const [track, identify, cut] = read.ok ? unpack(read.messages) : [];
    expect(track).toMatchObject({ messageId: 'm\ufffd', userId: 'u\ufffd', event: 'Report \ufffd Published' });
    expect(JSON.parse(track?.properties ?? '{}')).toEqual({ note: 'x\ud800' }); // JSON text keeps it as an escape
    expect(track?.properties).toContain('\\ud800');
    expect(identify?.email).toBe('zoe\ufffd@example.com');
    expect(cut?.userId).toBe(`${'a'.repeat(199)}\ufffd`);
  });

  it('reads a body within 32 KB without measuring its messages, and still measures each one of a larger body or a single message', () => {
    const message = (id: string, blob = 0) => ({ type: 'track', messageId: id, userId: 'u', event: 'x', properties: { blob: 'y'.repeat(blob) } });
    const read = (source: 'segment' | 'posthog', value: unknown, implied?: 'track') => readBody({ source, body: Buffer.from(JSON.stringify(value)), implied, now: NOW }).read;
    // Small: every message fits, whatever it holds.
    expect(read('segment', { batch: [message('a', 30 * 1024)] }).ok).toBe(true);
    // Larger: only the oversized message is named.
    const large = read('segment', { batch: [message('a', 20 * 1024), message('b', 33 * 1024), message('c', 20 * 1024)] });
    expect(large.ok === false && large.errors).toEqual([{ field: 'body.batch.1', message: 'is larger than 32 KB' }]);
    // A single message is the body itself: its size as sent, spaces included.
    const compact = JSON.stringify(message('d', 32 * 1024 - 200));
    expect(compact.length).toBeLessThanOrEqual(32 * 1024);
    const spaced = Buffer.from(`{${' '.repeat(32 * 1024 + 1 - compact.length)}${compact.slice(1)}`);
    const single = readBody({ source: 'segment', body: spaced, implied: 'track', now: NOW }).read;
    expect(single.ok === false && single.errors).toEqual([{ field: 'body', message: 'is larger than 32 KB' }]);
    // PostHog: one event over the limit, sent alone or in a list.
    const event = (uuid: string, blob: number) => ({ api_key: 'k', event: 'e', distinct_id: 'd', uuid, properties: { blob: 'y'.repeat(blob) } });
    const alone = read('posthog', event('u1', 33 * 1024));
    expect(alone.ok === false && alone.errors).toEqual([{ field: 'body', message: 'is larger than 32 KB' }]);
    expect(read('posthog', event('u2', 30 * 1024)).ok).toBe(true);
    const listed = read('posthog', { api_key: 'k', batch: [event('u3', 10), event('u4', 33 * 1024)] });
    expect(listed.ok === false && listed.errors).toEqual([{ field: 'body.batch.1', message: 'is larger than 32 KB' }]);
  });
});
