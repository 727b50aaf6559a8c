import { describe, expect, it } from 'vitest';
import {
  inScope,
  type RegulatoryEvent,
  reviewFrom,
  reviewsNeeded,
  type ScopedAccount,
  subjectOf,
} from './regulatory.ts';

const event = (over: Partial<RegulatoryEvent> = {}): RegulatoryEvent => ({
  id: 'e1',
  name: 'Data residency act',
  industries: ['Healthcare'],
  regions: ['emea'],
  effectiveOn: '2026-06-01',
  note: null,
  createdAt: '2026-01-01T00:00:00.000Z',
  ...over,
});
const account = (over: Partial<ScopedAccount> = {}): ScopedAccount => ({
  id: 'a1',
  name: 'Northwind',
  industry: 'healthcare',
  region: 'emea',
  lifecyclePhase: 'live',
  ...over,
});

describe('regulatory scope', () => {
  it.each([
    ['industry (any case) and region match', event(), account(), true],
    ['another industry', event(), account({ industry: 'Retail' }), false],
    ['another region', event(), account({ region: 'apac' }), false],
    ['no industry recorded', event(), account({ industry: null }), false],
    ['every industry', event({ industries: [] }), account({ industry: null }), true],
    ['every region', event({ regions: [] }), account({ region: null }), true],
    ['a churned account', event(), account({ lifecyclePhase: 'churned' }), false],
  ])('%s', (_what, e, a, expected) => {
    expect(inScope(e, a)).toBe(expected);
  });

  it('asks for reviews from the lead time before the effective day', () => {
    expect(reviewFrom('2026-06-01', 90)).toBe('2026-03-03');
    expect(reviewFrom('2026-06-01', 0)).toBe('2026-06-01');
  });
});

describe('reviews needed', () => {
  const accounts = [account(), account({ id: 'a2', name: 'Contoso', region: 'apac' }), account({ id: 'a3' })];

  it('holds for accounts in scope without a review once the window opens, severe once in effect', () => {
    expect(reviewsNeeded([event()], accounts, new Set(), '2026-03-02', 90)).toEqual([]);
    const due = reviewsNeeded([event()], accounts, new Set([subjectOf('e1', 'a3')]), '2026-03-03', 90);
    expect(due.map((d) => [d.accountId, d.severity])).toEqual([['a1', 'warning']]);
    expect(due[0]!.evidence).toMatchObject({ effectiveOn: '2026-06-01', reviewFrom: '2026-03-03' });
    const late = reviewsNeeded([event()], accounts, new Set(), '2026-06-01', 90);
    expect(late.map((d) => [d.accountId, d.severity])).toEqual([
      ['a1', 'severe'],
      ['a3', 'severe'],
    ]);
  });
});
