import { describe, expect, it } from 'vitest';
import { generateDemo } from './generate.ts';
import { type AwaitedFirstReport, NUDGE_RULE_DAYS_AGO, planOnboardingUsage } from './nudges.ts';
import { createRandom } from './random.ts';

const TODAY = new Date('2026-12-01T10:30:00.000Z');

describe('the demo’s onboarding users', () => {
  const data = generateDemo(42, TODAY);
  const onboarding = data.accounts.filter((a) => a.lifecyclePhase === 'implementing').slice(0, 8);
  // Two first reports due long ago, three in the last weeks, one two days ago, two not due yet.
  const dues = ['2026-10-02', '2026-10-20', '2026-11-05', '2026-11-12', '2026-11-15', '2026-11-29', '2026-12-07'];
  const awaited: AwaitedFirstReport[] = onboarding.map((a, i) => ({
    accountName: a.name,
    kickoffOn: '2026-09-20',
    dueOn: dues[i] ?? '2026-12-20',
  }));
  const plans = planOnboardingUsage(createRandom(3), data.accounts, awaited, TODAY);
  const story = (due: string) => plans.find((p) => p.dueOn === due)?.story;

  it('tells a story per customer: published in the grace days, nudged, too recent, or early before it was due', () => {
    expect(plans).toHaveLength(awaited.length);
    expect(['2026-10-02', '2026-10-20', '2026-11-05', '2026-11-12', '2026-11-15'].map(story)).toEqual([
      'nudged',
      'in_grace',
      'nudged',
      'nudged',
      'in_grace',
    ]);
    expect(story('2026-11-29')).toBe('waiting');
    expect(story('2026-12-07')).toBe('early');
    expect(story('2026-12-20')).toBe('not_due');
  });

  it('has users sign in after kickoff and before today, some publishing unprompted, some after a reminder', () => {
    const first = new Date(TODAY.getTime() - NUDGE_RULE_DAYS_AGO * 86_400_000).toISOString().slice(0, 10);
    for (const p of plans) {
      expect(p.users.length).toBeGreaterThanOrEqual(4);
      for (const u of p.users) {
        expect(u.userId).toMatch(new RegExp(`@${p.domain.replace('.', '\\.')}$`));
        expect(u.sessions.every((s) => s.day > '2026-09-20' && s.day >= first && s.day < '2026-12-01')).toBe(true);
        if (u.publishOn) expect(u.sessions.some((s) => s.day === u.publishOn)).toBe(true);
      }
      const unprompted = p.users.filter((u) => u.publishOn);
      if (p.story === 'in_grace') {
        expect(unprompted).toHaveLength(1);
        expect(unprompted[0]!.publishOn! >= p.dueOn).toBe(true);
      } else if (p.story === 'early') expect(unprompted[0]!.publishOn! < p.dueOn).toBe(true);
      else expect(unprompted).toHaveLength(0);
      // Only the users of a customer nobody published for act on a reminder, and not all of them.
      const acting = p.users.filter((u) => u.afterShown !== null).length;
      if (p.story !== 'nudged') expect(acting).toBe(0);
    }
    const nudgedUsers = plans.filter((p) => p.story === 'nudged').flatMap((p) => p.users);
    const acting = nudgedUsers.filter((u) => u.afterShown !== null).length;
    expect(acting).toBeGreaterThan(0);
    expect(acting).toBeLessThan(nudgedUsers.length);
  });

  it('is the same for the same seed', () => {
    expect(planOnboardingUsage(createRandom(3), data.accounts, awaited, TODAY)).toEqual(plans);
  });
});
