import { describe, expect, it } from 'vitest';
import { deflectionReport } from './deflection.ts';

const row = (outcome: 'helped' | 'not_helped' | null, suggested = ['a1'], channel = 'widget', helped = 'a1') => ({
  channel,
  suggested,
  outcome,
  helpedArticleId: outcome === 'helped' ? helped : null,
});

describe('deflection report', () => {
  it('measures helped over answered, never counting the unanswered as helped', () => {
    const r = deflectionReport([
      row('helped'),
      row('helped', ['a2'], 'ticket', 'a2'),
      row('not_helped'),
      row(null),
      row(null, []),
    ]);
    expect(r).toMatchObject({
      suggestions: 5,
      withArticles: 4,
      answered: 3,
      helped: 2,
      notHelped: 1,
      deflectionRate: 0.667,
      coverage: 0.8,
    });
    expect(r.byChannel).toEqual([
      { channel: 'widget', suggestions: 4, answered: 2, helped: 1 },
      { channel: 'ticket', suggestions: 1, answered: 1, helped: 1 },
    ]);
    expect(r.topArticles).toEqual([
      { articleId: 'a1', helped: 1 },
      { articleId: 'a2', helped: 1 },
    ]);
  });

  it('has no rate until someone answers, and says so', () => {
    expect(deflectionReport([]).sentence).toBe('No articles were suggested in this period.');
    const r = deflectionReport([row(null), row(null, [])]);
    expect(r.deflectionRate).toBeNull();
    expect(r.sentence).toBe(
      '2 suggestions, 50 % with an article; nobody said yet whether they helped, so there is no deflection rate.',
    );
  });
});
