import { describe, expect, it } from 'vitest';
import { generateDemo } from './generate.ts';
import { createRandom } from './random.ts';
import { demoSupport } from './support.ts';

const TODAY = new Date('2026-11-20T12:00:00.000Z');

describe('the demo’s support tickets', () => {
  const data = generateDemo(42, TODAY);
  const { storyAccount, tickets, histories } = demoSupport(data.accounts, TODAY, createRandom(7));

  it('has one customer drowning in how-to tickets after its late go-live, answered slowly', () => {
    expect(storyAccount).not.toBeNull();
    const story = tickets.filter((t) => t.organization === storyAccount);
    const others = tickets.filter((t) => t.organization && t.organization !== storyAccount);
    const perOther = others.length / new Set(others.map((t) => t.organization)).size;
    expect(story.length).toBeGreaterThan(4 * perOther);
    const howTo = (ts: typeof tickets) => ts.filter((t) => t.subject?.match(/^(How|Where)/)).length / ts.length;
    expect(howTo(story)).toBeGreaterThan(0.55);
    expect(howTo(story)).toBeGreaterThan(2 * howTo(others));
    const hours = (ts: typeof tickets) =>
      ts
        .filter((t) => t.firstResponseAt)
        .map((t) => (Date.parse(t.firstResponseAt!) - Date.parse(t.createdAt)) / 3_600_000)
        .sort((a, b) => a - b)[Math.floor(ts.length / 2)]!;
    expect(hours(story)).toBeGreaterThan(hours(others));
  });

  it('labels most tickets at the help desk, leaves some to the rules and the model, and keeps a few unmatched', () => {
    const labelled = tickets.filter((t) => t.category !== null).length;
    expect(labelled / tickets.length).toBeGreaterThan(0.5);
    expect(labelled).toBeLessThan(tickets.length);
    expect(tickets.filter((t) => t.organization === null)).toHaveLength(3);
    expect(new Set(tickets.map((t) => t.externalId)).size).toBe(tickets.length);
    expect(tickets.every((t) => t.createdAt < TODAY.toISOString())).toBe(true);
  });

  it('gives the story customer’s tickets and about half the others a status history that fits their times', () => {
    const story = tickets.filter((t) => t.organization === storyAccount);
    expect(story.every((t) => histories[t.externalId])).toBe(true);
    const others = tickets.filter((t) => t.organization !== storyAccount);
    const share = others.filter((t) => histories[t.externalId]).length / others.length;
    expect(share).toBeGreaterThan(0.3);
    expect(share).toBeLessThan(0.7);
    for (const t of tickets.filter((x) => histories[x.externalId])) {
      const h = histories[t.externalId]!;
      expect(h[0]).toEqual({ status: 'new', at: t.createdAt });
      expect(h.map((e) => e.at)).toEqual(h.map((e) => e.at).sort());
      expect(h.every((e) => e.at < TODAY.toISOString())).toBe(true);
      expect(h.at(-1)!.status).toBe(t.status);
      if (t.firstResponseAt) expect(h[1]).toEqual({ status: 'open', at: t.firstResponseAt });
      if (t.solvedAt) expect(h.find((e) => e.status === 'solved')?.at).toBe(t.solvedAt);
      const reopened = h.filter((e, i) => i > 0 && h[i - 1]!.status === 'solved').length;
      expect(reopened).toBe(t.reopens ?? 0);
    }
    // The story customer's answers often did not hold: several of its tickets came back after they were solved.
    const reopenedStory = story.filter((t) => (t.reopens ?? 0) > 0);
    expect(reopenedStory.length).toBeGreaterThanOrEqual(4);
    expect(story.some((t) => histories[t.externalId]!.some((e) => e.status === 'pending'))).toBe(true);
  });

  it('is the same for the same seed', () => {
    expect(demoSupport(data.accounts, TODAY, createRandom(7))).toEqual({ storyAccount, tickets, histories });
  });
});
