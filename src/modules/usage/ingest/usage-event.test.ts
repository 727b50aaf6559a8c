import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readPosthog } from './posthog-event.ts';
import { readSegment } from './segment-event.ts';
import { basicAuthUser, type UsageMessage, userGroups } from './usage-event.ts';

const NOW = '2026-11-26T12:00:00.000Z';
const id = fc.stringMatching(/^[a-z0-9]{1,8}$/);

/** A user's call: a track naming a group in its context, or none. */
const call = fc.record({
  user: fc.constantFrom('u1', 'u2', 'u3'),
  group: fc.option(fc.constantFrom('g1', 'g2', 'acme.com'), { nil: undefined }),
  kind: fc.constantFrom('track', 'group', 'identify'),
});

const toSegment = (c: { user: string; group: string | undefined; kind: string }, i: number) =>
  c.kind === 'group' && c.group
    ? { type: 'group', messageId: `m${i}`, userId: c.user, groupId: c.group }
    : c.kind === 'identify'
      ? { type: 'identify', messageId: `m${i}`, userId: c.user, traits: c.group ? { company: { id: c.group } } : {} }
      : {
          type: 'track',
          messageId: `m${i}`,
          userId: c.user,
          event: 'Used',
          ...(c.group ? { context: { groupId: c.group } } : {}),
        };

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
            ? {
                event: '$groupidentify',
                uuid: `p${i}`,
                distinct_id: c.user,
                properties: { $group_type: 'company', $group_key: c.group },
              }
            : {
                event: 'used',
                uuid: `p${i}`,
                distinct_id: c.user,
                properties: c.group ? { $groups: { company: c.group } } : {},
              },
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
