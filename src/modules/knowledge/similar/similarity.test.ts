import { describe, expect, it } from 'vitest';
import { durationOf, matchSentence, overlap, rankSimilar, similarityOf } from './similarity.ts';

const shape = (over: Partial<Parameters<typeof similarityOf>[0]> = {}) => ({
  playbookId: 'pb-1',
  playbookName: 'Enterprise onboarding',
  products: ['Analytics', 'Workflow'],
  integrations: ['Salesforce', 'NetSuite'],
  segment: 'enterprise',
  ...over,
});

describe('similar implementations', () => {
  it('compares lists without case and answers the shared values as the past project wrote them', () => {
    expect(overlap(['Salesforce', 'NetSuite'], ['salesforce ', 'SAP'])).toEqual({
      shared: ['salesforce'],
      match: 1 / 3,
    });
    expect(overlap([], [])).toEqual({ shared: [], match: 0 });
  });

  it('weighs playbook, products, integrations and segment, and says which matched', () => {
    expect(similarityOf(shape(), shape()).score).toBe(1);
    const past = shape({ products: ['Analytics'], integrations: ['Salesforce'], segment: 'smb' });
    const s = similarityOf(shape(), past);
    // 0.35 playbook + 0.3 × ½ products + 0.25 × ½ integrations, out of 1.
    expect(s.score).toBe(0.63);
    expect(s.matched.map((m) => [m.dimension, m.shared])).toEqual([
      ['playbook', ['Enterprise onboarding']],
      ['products', ['Analytics']],
      ['integrations', ['Salesforce']],
    ]);
    expect(matchSentence(s.matched)).toBe(
      'Shares the same playbook (Enterprise onboarding), product Analytics and integration Salesforce.',
    );
    expect(
      similarityOf(shape(), shape({ playbookId: 'pb-2', products: [], integrations: [], segment: null })).score,
    ).toBe(0);
  });

  it('leaves out what the new project says nothing of, so the score is out of what was compared', () => {
    const target = shape({ integrations: [], segment: null });
    const s = similarityOf(target, shape({ products: ['Workflow', 'Analytics'], integrations: ['SAP'] }));
    expect(s.compared).toEqual(['playbook', 'products']);
    expect(s.score).toBe(1);
  });

  it('says how long a project took against its plan', () => {
    const late = durationOf({
      kickoffOn: '2026-01-05',
      plannedKickoffOn: null,
      promisedGoLive: '2026-03-01',
      goLiveOn: '2026-03-20',
    });
    expect(late).toMatchObject({ plannedDays: 55, actualDays: 74, overDays: 19 });
    expect(late.sentence).toBe('Went live 74 days after kickoff against 55 planned (19 days late).');
    const unknown = durationOf({
      kickoffOn: null,
      plannedKickoffOn: null,
      promisedGoLive: null,
      goLiveOn: '2026-03-20',
    });
    expect(unknown.actualDays).toBeNull();
    expect(
      durationOf({ kickoffOn: '2026-01-01', plannedKickoffOn: null, promisedGoLive: null, goLiveOn: '2026-01-31' })
        .sentence,
    ).toBe('Went live 30 days after kickoff; no go-live was promised.');
  });

  it('ranks by score, then the latest go-live, then id, and drops what shares nothing', () => {
    const ranked = rankSimilar([
      { id: 'a', score: 0.5, goLiveOn: '2026-01-01' },
      { id: 'b', score: 0.5, goLiveOn: '2026-02-01' },
      { id: 'c', score: 0.9, goLiveOn: null },
      { id: 'd', score: 0, goLiveOn: '2026-03-01' },
    ]);
    expect(ranked.map((r) => r.id)).toEqual(['c', 'b', 'a']);
  });
});
