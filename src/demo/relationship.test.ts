import { describe, expect, it } from 'vitest';
import { scoreProblem } from '../modules/relationship/sentiment.ts';
import { generateDemo } from './generate.ts';
import { createRandom } from './random.ts';
import { demoRelationship, QUIET_SPONSOR_DAYS } from './relationship.ts';

const today = new Date('2026-11-26T10:30:00Z');
const data = generateDemo(42, today);
const made = () => demoRelationship(data.accounts, today, createRandom(42 ^ 0x5e7));

describe('the demo’s surveys and touches', () => {
  it('are the same for the same seed and day', () => {
    expect(made()).toEqual(made());
  });

  it('tell the story: a renewing customer’s sponsor answered NPS 3 and was last met 70 days ago', () => {
    const { storyAccount, surveys, touches } = made();
    const story = data.accounts.find((a) => a.name === storyAccount);
    expect(story?.lifecyclePhase).toBe('renewing');
    const sponsor = story?.contacts.find((c) => c.role === 'executive_sponsor');
    const answer = surveys.find((s) => s.contactEmail === sponsor?.email);
    expect(answer).toMatchObject({ kind: 'nps', score: 3 });
    const met = touches.filter((t) => t.emails.includes(sponsor?.email ?? ''));
    expect(met).toHaveLength(1);
    const days = Math.floor((today.getTime() - Date.parse(met[0]?.occurredAt ?? '')) / 86_400_000);
    expect(days).toBe(QUIET_SPONSOR_DAYS);
    // The sponsor's recorded last touch is no later than that meeting, so the meeting becomes it.
    expect(Date.parse(sponsor?.lastTouchAt ?? '')).toBeLessThanOrEqual(Date.parse(met[0]?.occurredAt ?? ''));
  });

  it('has a handful of valid answers and touches, none in the future', () => {
    const { surveys, touches } = made();
    expect(surveys.length).toBeGreaterThan(10);
    expect(touches.length).toBeGreaterThan(20);
    for (const s of surveys) {
      expect(scoreProblem(s.kind, s.score)).toBeNull();
      expect(Date.parse(s.respondedAt)).toBeLessThanOrEqual(today.getTime());
    }
    for (const t of touches) expect(Date.parse(t.occurredAt)).toBeLessThanOrEqual(today.getTime());
    expect(new Set(surveys.map((s) => s.kind))).toEqual(new Set(['nps', 'csat']));
  });
});
