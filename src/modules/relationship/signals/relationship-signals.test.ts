import { describe, expect, it } from 'vitest';
import {
  type AccountRelationship,
  detractor,
  financeInDelivery,
  isMoneyPerson,
  sponsorUntouched,
  touchSurge,
} from './relationship-signals.ts';
import { DEFAULT_RELATIONSHIP_THRESHOLDS as T, type RelationshipThresholds } from './relationship-signals.settings.ts';

const now = new Date('2026-11-20T12:00:00.000Z');
const ago = (days: number) => new Date(now.getTime() - days * 86_400_000).toISOString();
const contact = (id: string, role: string, over: Partial<AccountRelationship['contacts'][number]> = {}) => ({
  id,
  name: `Person ${id}`,
  title: null,
  role,
  lastTouchAt: null,
  leftAt: null,
  ...over,
});
const account = (over: Partial<AccountRelationship> = {}): AccountRelationship => ({
  now,
  lifecyclePhase: 'live',
  contacts: [],
  latestNps: [],
  touches: [],
  ...over,
});
const off = (rule: keyof RelationshipThresholds): RelationshipThresholds => ({
  ...T,
  [rule]: { ...T[rule], enabled: false },
});

describe('sponsor untouched', () => {
  it('holds from 60 days without a touch, naming the sponsor, the last touch and the days', () => {
    const a = account({
      contacts: [
        contact('s', 'executive_sponsor', { lastTouchAt: ago(70), title: 'COO' }),
        contact('c', 'champion', { lastTouchAt: ago(90) }),
      ],
    });
    const o = sponsorUntouched(a, T);
    expect(o.holds).toBe(true);
    expect(o.evidence.sponsors).toEqual([
      { contactId: 's', contact: 'Person s', title: 'COO', lastTouchAt: ago(70), daysSinceTouch: 70 },
    ]);
    expect(
      sponsorUntouched(account({ contacts: [contact('s', 'executive_sponsor', { lastTouchAt: ago(59) })] }), T).holds,
    ).toBe(false);
  });

  it('does not hold for a sponsor who left, one never touched, or when switched off', () => {
    const left = contact('s', 'executive_sponsor', { lastTouchAt: ago(100), leftAt: ago(10) });
    expect(sponsorUntouched(account({ contacts: [left] }), T).holds).toBe(false);
    expect(sponsorUntouched(account({ contacts: [contact('s', 'executive_sponsor')] }), T).holds).toBe(false);
    const quiet = account({ contacts: [contact('s', 'executive_sponsor', { lastTouchAt: ago(70) })] });
    expect(sponsorUntouched(quiet, off('sponsorUntouched')).holds).toBe(false);
  });
});

describe('detractor', () => {
  const contacts = [contact('s', 'executive_sponsor'), contact('c', 'champion'), contact('u', 'key_user')];
  it('holds on a sponsor or champion whose latest NPS is 6 or below, with the comment', () => {
    const o = detractor(
      account({ contacts, latestNps: [{ contactId: 's', score: 3, respondedAt: ago(60), comment: 'Slipped twice' }] }),
      T,
    );
    expect(o.holds).toBe(true);
    expect(o.severity).toBe('severe');
    expect(o.evidence.detractors).toEqual([
      {
        contactId: 's',
        contact: 'Person s',
        role: 'executive_sponsor',
        score: 3,
        respondedAt: ago(60),
        comment: 'Slipped twice',
      },
    ]);
    const champion = detractor(
      account({ contacts, latestNps: [{ contactId: 'c', score: 6, respondedAt: ago(5), comment: null }] }),
      T,
    );
    expect([champion.holds, champion.severity]).toEqual([true, 'warning']);
  });

  it('does not hold on a key user, a passive, or when switched off', () => {
    expect(
      detractor(account({ contacts, latestNps: [{ contactId: 'u', score: 0, respondedAt: ago(5), comment: null }] }), T)
        .holds,
    ).toBe(false);
    expect(
      detractor(account({ contacts, latestNps: [{ contactId: 's', score: 7, respondedAt: ago(5), comment: null }] }), T)
        .holds,
    ).toBe(false);
    const a = account({ contacts, latestNps: [{ contactId: 's', score: 2, respondedAt: ago(5), comment: null }] });
    expect(detractor(a, off('detractor')).holds).toBe(false);
  });
});

describe('finance in delivery', () => {
  const contacts = [
    contact('f', 'other', { title: 'Head of Procurement' }),
    contact('s', 'executive_sponsor', { title: 'VP Finance & Operations' }),
  ];
  const touch = (days: number, ids: string[]) => ({
    occurredAt: ago(days),
    kind: 'meeting',
    subject: 'Pricing',
    contactIds: ids,
  });

  it('reads finance, procurement, purchasing and legal in roles and titles, not in the sponsor’s title', () => {
    expect(isMoneyPerson({ role: 'finance', title: null })).toBe(true);
    expect(isMoneyPerson({ role: 'other', title: 'Purchasing manager' })).toBe(true);
    expect(isMoneyPerson({ role: 'key_user', title: 'General Counsel' })).toBe(true);
    expect(isMoneyPerson({ role: 'executive_sponsor', title: 'CFO' })).toBe(false);
    expect(isMoneyPerson({ role: 'admin', title: 'IT admin' })).toBe(false);
  });

  it('holds on a touch with procurement while the account is implementing, within the lookback', () => {
    const a = account({ lifecyclePhase: 'implementing', contacts, touches: [touch(3, ['f', 's'])] });
    const o = financeInDelivery(a, T);
    expect(o.holds).toBe(true);
    expect(o.evidence).toMatchObject({ touchCount: 1, lifecyclePhase: 'implementing' });
    expect((o.evidence.touches as unknown[]).length).toBe(1);
  });

  it('does not hold once live, on an old touch, on the sponsor alone, or when switched off', () => {
    expect(financeInDelivery(account({ contacts, touches: [touch(3, ['f'])] }), T).holds).toBe(false);
    expect(
      financeInDelivery(account({ lifecyclePhase: 'onboarding', contacts, touches: [touch(31, ['f'])] }), T).holds,
    ).toBe(false);
    expect(
      financeInDelivery(account({ lifecyclePhase: 'onboarding', contacts, touches: [touch(3, ['s'])] }), T).holds,
    ).toBe(false);
    const a = account({ lifecyclePhase: 'onboarding', contacts, touches: [touch(3, ['f'])] });
    expect(financeInDelivery(a, off('financeInDelivery')).holds).toBe(false);
  });
});

describe('touch surge', () => {
  const touches = (days: number[]) =>
    days.map((d) => ({ occurredAt: ago(d), kind: 'email', subject: null, contactIds: [] }));
  // 13 touches in the 90 days before the last 14: a usual 13 × 14 / 90 ≈ 2 per 14 days.
  const baseline = Array.from({ length: 13 }, (_, i) => 15 + i * 6);

  it('holds when the last 14 days have more than twice the usual count, from 6 touches', () => {
    const o = touchSurge(account({ touches: touches([...baseline, 1, 2, 3, 4, 5, 6]) }), T);
    expect(o.holds).toBe(true);
    expect(o.evidence).toMatchObject({ recentTouches: 6, baselineTouches: 13, usualTouches: 2, ratio: 3 });
  });

  it('does not hold below the factor, below the minimum count, with no cadence before, or when switched off', () => {
    expect(touchSurge(account({ touches: touches([...baseline, 1, 2, 3, 4]) }), T).holds).toBe(false);
    const many = Array.from({ length: 40 }, (_, i) => 15 + (i % 89));
    expect(touchSurge(account({ touches: touches([...many, 1, 2, 3, 4, 5, 6]) }), T).holds).toBe(false);
    expect(touchSurge(account({ touches: touches([1, 2, 3, 4, 5, 6, 7, 8]) }), T).holds).toBe(false);
    expect(touchSurge(account({ touches: touches([...baseline, 1, 2, 3, 4, 5, 6]) }), off('touchSurge')).holds).toBe(
      false,
    );
  });
});
