import { describe, expect, it } from 'vitest';
import { csatOf, daysBetween, npsClass, npsOf, scoreProblem, sentimentOf, sentimentSentence } from './sentiment.ts';

describe('survey scores', () => {
  it('classifies NPS answers: 9–10 promoter, 7–8 passive, 0–6 detractor', () => {
    expect([0, 6, 7, 8, 9, 10].map(npsClass)).toEqual([
      'detractor',
      'detractor',
      'passive',
      'passive',
      'promoter',
      'promoter',
    ]);
  });

  it('refuses scores outside each kind’s range or not whole', () => {
    expect(scoreProblem('nps', 0)).toBeNull();
    expect(scoreProblem('nps', 10)).toBeNull();
    expect(scoreProblem('nps', 11)).toContain('from 0 to 10');
    expect(scoreProblem('nps', -1)).not.toBeNull();
    expect(scoreProblem('csat', 0)).toContain('from 1 to 5');
    expect(scoreProblem('csat', 5)).toBeNull();
    expect(scoreProblem('csat', 4.5)).not.toBeNull();
  });
});

describe('NPS and CSAT', () => {
  it('NPS is % promoters − % detractors', () => {
    // 3 promoters, 1 passive, 1 detractor of 5 → 60 − 20 = 40
    expect(npsOf([10, 9, 9, 7, 3])).toEqual({ nps: 40, responses: 5, promoters: 3, passives: 1, detractors: 1 });
    expect(npsOf([0, 0]).nps).toBe(-100);
    expect(npsOf([8, 7]).nps).toBe(0);
    // 1 promoter of 3 → 33.3
    expect(npsOf([9, 8, 7]).nps).toBe(33.3);
  });

  it('CSAT is the share of answers 4–5', () => {
    expect(csatOf([5, 4, 3, 1])).toEqual({ csat: 50, responses: 4, satisfied: 2 });
    expect(csatOf([4, 4, 2]).csat).toBe(66.7);
  });

  it('has no figure without answers, and keeps the kinds apart', () => {
    const f = sentimentOf([
      { kind: 'nps', score: 10 },
      { kind: 'csat', score: 2 },
    ]);
    expect(f.nps).toMatchObject({ nps: 100, responses: 1 });
    expect(f.csat).toMatchObject({ csat: 0, responses: 1 });
    expect(sentimentOf([]).nps.nps).toBeNull();
    expect(sentimentOf([]).csat.csat).toBeNull();
  });

  it('says the figures in a sentence', () => {
    expect(
      sentimentSentence(
        sentimentOf([
          { kind: 'nps', score: 3 },
          { kind: 'nps', score: 9 },
          { kind: 'csat', score: 5 },
        ]),
      ),
    ).toBe('NPS 0 from 2 answers: 1 promoter, 0 passives, 1 detractor; CSAT 100% (1 of 1 answer scored 4 or 5).');
    expect(sentimentSentence(sentimentOf([]))).toBe('No NPS answers; no CSAT answers.');
  });

  it('counts whole days since a moment', () => {
    const now = new Date('2026-03-11T12:00:00Z');
    expect(daysBetween('2026-03-01T13:00:00Z', now)).toBe(9);
    expect(daysBetween('2026-03-01', now)).toBe(10);
    expect(daysBetween(null, now)).toBeNull();
    expect(daysBetween('2026-04-01T00:00:00Z', now)).toBe(0);
  });
});
