import { describe, expect, it } from 'vitest';
import { generateDemo } from './generate.ts';
import { createRandom } from './random.ts';
import { demoSupport } from './support.ts';

const TODAY = new Date('2026-11-20T12:00:00.000Z');

describe('the demo’s support tickets', () => {
  const data = generateDemo(42, TODAY);
  const { storyAccount, tickets } = demoSupport(data.accounts, TODAY, createRandom(7));

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

  it('is the same for the same seed', () => {
    expect(demoSupport(data.accounts, TODAY, createRandom(7))).toEqual({ storyAccount, tickets });
  });
});
