import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { countOf, pack, transferablesOf, unpack } from './packed-messages.ts';
import type { UsageMessage } from './usage-event.ts';

const message = (over: Partial<UsageMessage> = {}): UsageMessage => ({
  source: 'segment',
  messageId: 'm-1',
  type: 'track',
  event: 'Report Published',
  userId: 'user-1',
  anonymousId: null,
  groupId: 'northwind.example',
  occurredAt: '2026-11-20T10:00:00.000Z',
  properties: '{"pages":3,"title":"Q3 \\"final\\""}',
  email: null,
  ...over,
});

const text = fc.string({ unit: 'grapheme', maxLength: 40 });
const nullable = fc.option(text, { nil: null });
const messages = fc.array(
  fc.record({
    source: fc.constantFrom('segment' as const, 'posthog' as const),
    messageId: text,
    type: fc.constantFrom('track' as const, 'identify' as const, 'group' as const, 'page' as const),
    event: nullable,
    userId: nullable,
    anonymousId: nullable,
    groupId: nullable,
    occurredAt: text,
    properties: text,
    email: nullable,
  }),
  { maxLength: 30 },
);

describe('packed messages', () => {
  it('unpack gives back what was packed, nulls and empty strings apart, for any text', () => {
    fc.assert(
      fc.property(messages, (ms) => {
        const packed = pack(ms);
        expect(countOf(packed)).toBe(ms.length);
        expect(unpack(packed)).toEqual(ms);
      }),
    );
    const odd = [
      message({ event: '', userId: null, email: 'zoë@example.com' }),
      message({ messageId: 'ü-😀-日本', properties: '{"emoji":"😀"}' }),
    ];
    expect(unpack(pack(odd))).toEqual(odd);
  });

  it('keeps the lengths of text with a lone surrogate (stored as U+FFFD, as SQLite stores it)', () => {
    const packed = pack([message({ event: 'a\ud800b', userId: 'next' })]);
    const [back] = unpack(packed);
    expect(back?.event).toBe('a\ufffdb');
    expect(back?.userId).toBe('next');
  });

  it('refuses blocks that do not agree with each other, rather than cut fields wrongly', () => {
    const packed = pack([message(), message({ messageId: 'm-2' })]);
    expect(() => unpack({ ...packed, count: 3 })).toThrow(/field lengths/);
    expect(() => unpack({ ...packed, bytes: packed.bytes.subarray(1) })).toThrow(/characters/);
  });

  it('hands over whole buffers only, and messages already read stay as they are', () => {
    const packed = pack([message()]);
    expect(transferablesOf(packed)).toEqual([packed.bytes.buffer, packed.lengths.buffer]);
    expect(transferablesOf({ ...packed, bytes: packed.bytes.subarray(1) })).toEqual([packed.lengths.buffer]);
    const read = [message()];
    expect(unpack(read)).toBe(read);
  });
});
