import { describe, expect, it } from 'vitest';
import { moneyAtRisk, moneySentence, orderWork, type WorkItem } from './my-work.ts';

const item = (id: string, money: number | null, due: string | null, title = id): WorkItem => ({
  kind: 'task',
  id,
  title,
  account: null,
  due,
  moneyAtRisk: money,
  why: '',
  href: '/',
  signal: null,
});

describe('my work', () => {
  it('puts the most money first, then the soonest due, then by title; no money and no day last', () => {
    const ordered = orderWork([
      item('a', null, '2026-12-01'),
      item('b', 100, null),
      item('c', 100, '2026-12-05'),
      item('d', 500, '2026-12-09'),
      item('e', 100, '2026-12-02'),
      item('f', null, null),
    ]);
    expect(ordered.map((i) => i.id)).toEqual(['d', 'e', 'c', 'b', 'a', 'f']);
  });

  it.each([
    [{ arr: 1000, arrAtRisk: 250, probability: 0.25 }, 250],
    [{ arr: 1000, arrAtRisk: null, probability: null }, 1000],
    [{ arr: 0, arrAtRisk: null, probability: null }, null],
    [undefined, null],
  ])('takes the money at stake of %j as %s', (m, expected) => {
    expect(moneyAtRisk(m)).toBe(expected);
  });

  it('says the money in words', () => {
    expect(moneySentence('Acme', { arr: 180_000, arrAtRisk: 75_600, probability: 0.42 }, 'USD')).toBe(
      '42 % churn risk puts USD 75,600 of Acme’s USD 180,000 ARR at risk',
    );
    expect(moneySentence('Acme', { arr: 180_000, arrAtRisk: 75_600, probability: 0.42 }, null)).toBe('');
  });
});
