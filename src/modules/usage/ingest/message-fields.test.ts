import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { unpack } from './packed-messages.ts';
import { readBody } from './read-body.ts';
import { messageSizes } from './message-sizes.ts';
import { isCanonicalUtc } from './message-fields.ts';
import { readPosthog } from './posthog-event.ts';
import { readSegment } from './segment-event.ts';
import type { UsageMessage } from './usage-event.ts';

const NOW = '2026-11-26T12:00:00.000Z';

describe('reading timestamps and sizes', () => {
  /** The plain definition: text a Date reads and writes back unchanged. */
  const canonical = (t: string) => {
    const ms = Date.parse(t);
    return !Number.isNaN(ms) && new Date(ms).toISOString() === t;
  };

  it('keeps exactly the timestamps toISOString writes', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date(Date.UTC(0, 0, 1)), max: new Date(Date.UTC(9999, 11, 31)), noInvalidDate: true }),
        (d) => {
          expect(isCanonicalUtc(d.toISOString())).toBe(true);
        },
      ),
    );
    const near = fc.tuple(
      fc.date({ noInvalidDate: true, min: new Date('1990-01-01'), max: new Date('2100-01-01') }),
      fc.nat(23),
      fc.constantFrom(...'0123456789-:.TZ x+'.split('')),
    );
    fc.assert(
      fc.property(near, ([d, at, ch]) => {
        const t = d.toISOString();
        const changed = t.slice(0, at) + ch + t.slice(at + 1);
        expect(isCanonicalUtc(changed)).toBe(canonical(changed));
      }),
    );
    for (const t of [
      '2024-02-29T00:00:00.000Z',
      '2023-02-29T00:00:00.000Z',
      '2026-04-31T00:00:00.000Z',
      '2026-11-26T24:00:00.000Z',
      '2026-11-26T12:00:00Z',
    ]) {
      expect(isCanonicalUtc(t)).toBe(canonical(t));
    }
  });

  it('refuses a message over 32 KB by its size as sent, naming it, whether sizes are given or measured', () => {
    const batch = [
      { type: 'track', messageId: 'a', userId: 'u', event: 'x' },
      { type: 'track', messageId: 'b', userId: 'u', event: 'x', properties: { blob: 'y'.repeat(33 * 1024) } },
    ];
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
        {
          type: 'track',
          messageId: 'm\ud800',
          userId: 'u\udc00',
          event: 'Report \ud83d Published',
          properties: { note: 'x\ud800' },
        },
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
    const message = (id: string, blob = 0) => ({
      type: 'track',
      messageId: id,
      userId: 'u',
      event: 'x',
      properties: { blob: 'y'.repeat(blob) },
    });
    const read = (source: 'segment' | 'posthog', value: unknown, implied?: 'track') =>
      readBody({ source, body: Buffer.from(JSON.stringify(value)), implied, now: NOW }).read;
    // Small: every message fits, whatever it holds.
    expect(read('segment', { batch: [message('a', 30 * 1024)] }).ok).toBe(true);
    // Larger: only the oversized message is named.
    const large = read('segment', {
      batch: [message('a', 20 * 1024), message('b', 33 * 1024), message('c', 20 * 1024)],
    });
    expect(large.ok === false && large.errors).toEqual([{ field: 'body.batch.1', message: 'is larger than 32 KB' }]);
    // A single message is the body itself: its size as sent, spaces included.
    const compact = JSON.stringify(message('d', 32 * 1024 - 200));
    expect(compact.length).toBeLessThanOrEqual(32 * 1024);
    const spaced = Buffer.from(`{${' '.repeat(32 * 1024 + 1 - compact.length)}${compact.slice(1)}`);
    const single = readBody({ source: 'segment', body: spaced, implied: 'track', now: NOW }).read;
    expect(single.ok === false && single.errors).toEqual([{ field: 'body', message: 'is larger than 32 KB' }]);
    // PostHog: one event over the limit, sent alone or in a list.
    const event = (uuid: string, blob: number) => ({
      api_key: 'k',
      event: 'e',
      distinct_id: 'd',
      uuid,
      properties: { blob: 'y'.repeat(blob) },
    });
    const alone = read('posthog', event('u1', 33 * 1024));
    expect(alone.ok === false && alone.errors).toEqual([{ field: 'body', message: 'is larger than 32 KB' }]);
    expect(read('posthog', event('u2', 30 * 1024)).ok).toBe(true);
    const listed = read('posthog', { api_key: 'k', batch: [event('u3', 10), event('u4', 33 * 1024)] });
    expect(listed.ok === false && listed.errors).toEqual([{ field: 'body.batch.1', message: 'is larger than 32 KB' }]);
  });
});

describe('client clocks, the names of Object.prototype and deep bodies', () => {
  const at = (read: ReturnType<typeof readSegment>) =>
    read.ok ? (read.messages as UsageMessage[]).map((m) => m.occurredAt) : read.errors;
  const tracked = (over: Record<string, unknown>) => ({ type: 'track', userId: 'u', event: 'x', ...over });

  it('corrects timestamps by sentAt as Segment and PostHog do: receivedAt − (sentAt − timestamp)', () => {
    // The client's clock is 3 days ahead: it sent at its 29th, 12:00, an event of its 29th, 11:00.
    const skewed = {
      batch: [tracked({ messageId: 'a', timestamp: '2026-11-29T11:00:00.000Z' }), tracked({ messageId: 'b' })],
      sentAt: '2026-11-29T12:00:00.000Z',
    };
    expect(at(readSegment(skewed, NOW))).toEqual(['2026-11-26T11:00:00.000Z', NOW]);
    // A message's own sentAt (a single call) wins over its batch's.
    expect(
      at(
        readSegment(
          {
            batch: [
              tracked({ messageId: 'c', timestamp: '2026-11-29T11:00:00.000Z', sentAt: '2026-11-29T11:30:00.000Z' }),
            ],
            sentAt: 'later',
          },
          NOW,
        ),
      ),
    ).toEqual(['2026-11-26T11:30:00.000Z']);
    expect(
      at(
        readSegment(
          tracked({ messageId: 'd', timestamp: '2026-11-20T11:00:00.000Z', sentAt: '2026-11-20T12:00:00.000Z' }),
          NOW,
          'track',
        ),
      ),
    ).toEqual(['2026-11-26T11:00:00.000Z']);
    const posthog = readPosthog(
      {
        api_key: 'k',
        sent_at: '2026-11-26T11:59:00.000Z',
        batch: [{ event: 'e', distinct_id: 'd', timestamp: '2026-11-26T11:58:00.000Z' }],
      },
      NOW,
    );
    expect(posthog.ok && (posthog.messages as UsageMessage[])[0]?.occurredAt).toBe('2026-11-26T11:59:00.000Z');
    // An unreadable sentAt corrects nothing.
    expect(
      at(
        readSegment(
          { batch: [tracked({ messageId: 'e', timestamp: '2026-11-20T11:00:00.000Z' })], sentAt: 'soon' },
          NOW,
        ),
      ),
    ).toEqual(['2026-11-20T11:00:00.000Z']);
  });

  it('dates no event after it arrived, and still refuses a timestamp that is no date', () => {
    fc.assert(
      fc.property(
        fc.date({ noInvalidDate: true }),
        fc.option(fc.date({ noInvalidDate: true }), { nil: undefined }),
        (timestamp, sentAt) => {
          const read = readSegment(
            {
              batch: [tracked({ messageId: 'f', timestamp: timestamp.toISOString() })],
              ...(sentAt ? { sentAt: sentAt.toISOString() } : {}),
            },
            NOW,
          );
          // Corrected far into the past, a time may leave the range of dates: then it is refused, never stored wrong.
          const stored = read.ok ? Date.parse((read.messages as UsageMessage[])[0]!.occurredAt) : undefined;
          if (stored !== undefined) expect(stored).toBeLessThanOrEqual(Date.parse(NOW));
          if (!sentAt) expect(stored).toBe(Math.min(timestamp.getTime(), Date.parse(NOW)));
        },
      ),
    );
    expect(
      at(readSegment({ batch: [tracked({ messageId: 'g', timestamp: '9999-12-31T23:59:59.999Z' })] }, NOW)),
    ).toEqual([NOW]);
    expect(at(readSegment({ batch: [tracked({ messageId: 'h', timestamp: 253402300799999 })] }, NOW))).toEqual([NOW]);
    expect(at(readSegment({ batch: [tracked({ messageId: 'i', timestamp: 1e20 })] }, NOW))).toEqual([
      { field: 'body.batch.0.timestamp', message: 'must be an ISO-8601 date-time' },
    ]);
  });

  it('reads events named as Object.prototype members as the track calls they are', () => {
    const names = [
      'constructor',
      '__proto__',
      'toString',
      'hasOwnProperty',
      'valueOf',
      'isPrototypeOf',
      '__defineGetter__',
    ];
    const body = {
      api_key: 'k',
      batch: [
        ...names.map((event, i) => ({ event, distinct_id: 'd', uuid: `n${i}` })),
        { event: '$pageview', distinct_id: 'd', uuid: 'p' },
      ],
    };
    const read = readBody({ source: 'posthog', body: Buffer.from(JSON.stringify(body)), now: NOW }).read;
    expect(read.ok).toBe(true);
    const messages = read.ok ? unpack(read.messages) : [];
    expect(messages.map((m) => [m.event, m.type])).toEqual([...names.map((n) => [n, 'track']), ['$pageview', 'page']]);
    // As property and trait names too: kept as data, never taken for the object's own members.
    const traits = JSON.parse(
      '{"type":"identify","userId":"u","messageId":"t","traits":{"__proto__":{"email":"x@y.z"},"constructor":{"id":"g"},"company":{"toString":"t"}}}',
    );
    const identify = readSegment(traits, NOW, 'identify');
    expect(identify.ok && (identify.messages as UsageMessage[])[0]).toMatchObject({ email: null, groupId: null });
  });

  it('refuses a body nested deeper than the limit before reading it, on both sources', () => {
    const deep = (levels: number) => '{"a":'.repeat(levels) + '1' + '}'.repeat(levels);
    for (const [source, text] of [
      ['segment', `{"batch":[{"type":"track","userId":"u","event":"x","properties":${deep(20_000)}}]}`],
      ['posthog', `{"api_key":"k","event":"x","distinct_id":"d","properties":${deep(20_000)}}`],
      ['posthog', `[${deep(100)}]`],
    ] as const) {
      const body = readBody({ source, body: Buffer.from(text), now: NOW });
      expect(body.json).toBe(false);
      expect(body.read.ok === false && body.read.errors).toEqual([
        { field: 'body', message: 'nests objects and lists deeper than 64 levels' },
      ]);
    }
    const within = readBody({
      source: 'posthog',
      body: Buffer.from(`{"api_key":"k","event":"x","distinct_id":"d","properties":${deep(60)}}`),
      now: NOW,
    });
    expect(within.read.ok).toBe(true);
  });
});
