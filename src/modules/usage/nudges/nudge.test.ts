import { describe, expect, it } from 'vitest';
import {
  type AwaitingMilestone,
  doneKey,
  firstNameOf,
  type NudgeRule,
  nudgeCandidates,
  nudgeEffect,
  renderTemplate,
  unknownPlaceholders,
} from './nudge.ts';

const rule = (over: Partial<NudgeRule> = {}): NudgeRule => ({
  id: 'r1',
  name: 'First report',
  milestoneEvent: 'Report Published',
  daysAfterDue: 3,
  channel: 'email',
  subject: 'Hi {{first_name}}',
  message: '{{milestone}} at {{account}}',
  enabled: true,
  createdAt: '2026-03-01T00:00:00.000Z',
  updatedAt: '2026-03-01T00:00:00.000Z',
  ...over,
});
const milestone = (over: Partial<AwaitingMilestone> = {}): AwaitingMilestone => ({
  milestoneId: 'm1',
  milestoneName: 'First report published',
  accountId: 'a1',
  event: 'Report Published',
  dueOn: '2026-03-10',
  ...over,
});
const users = [
  { accountId: 'a1', userId: 'ann', email: 'ann.lee@acme.example' },
  { accountId: 'a1', userId: 'bob', email: null },
  { accountId: 'a1', userId: 'cy', email: 'cy@acme.example' },
  { accountId: 'a2', userId: 'dee', email: 'dee@other.example' },
];

describe('templates', () => {
  it('fill the known placeholders and name the unknown ones', () => {
    expect(
      renderTemplate('Hi {{first_name}}, {{ milestone }} for {{account}}', {
        first_name: 'Ann',
        milestone: 'First report',
        account: 'Acme',
      }),
    ).toBe('Hi Ann, First report for Acme');
    expect(unknownPlaceholders('Hi {{first_name}} {{last_name}} {{constructor}}')).toEqual([
      'last_name',
      'constructor',
    ]);
    expect(unknownPlaceholders('no placeholders')).toEqual([]);
  });

  it.each([
    ['ann.lee@acme.example', 'Ann'],
    ['BOB@acme.example', 'Bob'],
    ['j_smith@x.example', 'J'],
    [null, 'there'],
    ['1234@x.example', 'there'],
  ])('greets %s as %s', (email, name) => expect(firstNameOf(email)).toBe(name));
});

describe('who is nudged', () => {
  it('nudges, N days after the due day, the account’s users who have not done the event; the rest are eligible', () => {
    const done = new Set([doneKey('a1', 'cy', 'Report Published')]);
    const at = (today: string) => nudgeCandidates([rule()], [milestone()], users, done, today);
    expect(at('2026-03-09')).toEqual([]);
    const dueDay = at('2026-03-10');
    expect(dueDay.map((c) => [c.user.userId, c.due])).toEqual([
      ['ann', false],
      ['bob', false],
    ]);
    const later = at('2026-03-13');
    expect(later.map((c) => [c.user.userId, c.due, c.skipped])).toEqual([
      ['ann', true, false],
      ['bob', true, true],
    ]);
  });

  it('an in-app rule needs no email; a rule for another event, or one turned off, nudges no one', () => {
    const inApp = nudgeCandidates([rule({ channel: 'in_app' })], [milestone()], users, new Set(), '2026-03-20');
    expect(inApp.filter((c) => c.skipped)).toEqual([]);
    expect(inApp).toHaveLength(3);
    expect(
      nudgeCandidates([rule({ milestoneEvent: 'Invite Sent' })], [milestone()], users, new Set(), '2026-03-20'),
    ).toEqual([]);
    expect(nudgeCandidates([rule({ enabled: false })], [milestone()], users, new Set(), '2026-03-20')).toEqual([]);
  });

  it('a rule for any milestone covers every milestone awaiting an event', () => {
    const ms = [milestone(), milestone({ milestoneId: 'm2', accountId: 'a2', event: 'Invite Sent' })];
    const out = nudgeCandidates([rule({ milestoneEvent: null })], ms, users, new Set(), '2026-03-20');
    expect(out.map((c) => `${c.milestone.milestoneId}:${c.user.userId}`)).toEqual([
      'm1:ann',
      'm1:bob',
      'm1:cy',
      'm2:dee',
    ]);
  });
});

describe('effect', () => {
  const from = '2026-03-01T00:00:00.000Z';
  const to = '2026-03-31T23:59:59.999Z';
  it(
    'compares completion after a nudge with eligible users not nudged, in points, and says it is ' + 'observational',
    () => {
      const nudged = [
        { ruleId: 'r1', since: '2026-03-05T00:00:00.000Z', completedAt: '2026-03-07T00:00:00.000Z' },
        { ruleId: 'r1', since: '2026-03-05T00:00:00.000Z', completedAt: '2026-03-09T00:00:00.000Z' },
        { ruleId: 'r1', since: '2026-03-06T00:00:00.000Z', completedAt: null },
        { ruleId: 'r1', since: '2026-03-06T00:00:00.000Z', completedAt: '2026-04-09T00:00:00.000Z' },
        // before the window
        { ruleId: 'r1', since: '2026-02-20T00:00:00.000Z', completedAt: '2026-02-21T00:00:00.000Z' },
      ];
      const notNudged = [
        { ruleId: 'r1', since: '2026-03-04T00:00:00.000Z', completedAt: '2026-03-20T00:00:00.000Z' },
        { ruleId: 'r1', since: '2026-03-04T00:00:00.000Z', completedAt: null },
        { ruleId: 'r1', since: '2026-03-04T00:00:00.000Z', completedAt: null },
        { ruleId: 'r1', since: '2026-03-04T00:00:00.000Z', completedAt: null },
      ];
      const [row] = nudgeEffect([{ id: 'r1', name: 'First report' }], nudged, notNudged, from, to);
      expect(row).toMatchObject({
        nudged: 4,
        nudgedCompleted: 2,
        nudgedRate: 0.5,
        medianDaysToComplete: 3,
        notNudged: 4,
        notNudgedCompleted: 1,
        notNudgedRate: 0.25,
        differencePoints: 25,
      });
      expect(row!.sentence).toContain('50% did the milestone’s event afterwards, against 25% of 4 eligible users');
      expect(row!.sentence).toContain('25 points more');
      expect(row!.sentence).toContain('observational comparison');
    },
  );

  it('says when there is nothing to compare', () => {
    const [none] = nudgeEffect([{ id: 'r1', name: 'R' }], [], [], from, to);
    expect(none).toMatchObject({ nudged: 0, nudgedRate: null, differencePoints: null });
    expect(none!.sentence).toContain('nothing to compare');
    const [alone] = nudgeEffect(
      [{ id: 'r1', name: 'R' }],
      [{ ruleId: 'r1', since: '2026-03-05T00:00:00.000Z', completedAt: null }],
      [],
      from,
      to,
    );
    expect(alone!.sentence).toContain('no comparison');
    expect(alone!.differencePoints).toBeNull();
  });
});
