import { describe, expect, it } from 'vitest';
import { AppError } from '../../../platform/errors/app-error.ts';
import { ticketText } from './categories.ts';
import { classify, MIN_LABELLED, type ModelKind, trainClassifier } from './classifier.ts';
import { syntheticTickets } from './fixtures/synthetic-tickets.ts';

const tickets = (n: number, options: Parameters<typeof syntheticTickets>[1] = {}) =>
  syntheticTickets(n, options).map((t) => ({ text: ticketText(t.subject, t.description), label: t.label as string }));

describe('trainClassifier and classify', () => {
  const model = trainClassifier(tickets(240, { seed: 3 }));

  it('labels new tickets, ranking every label with scores that sum to one', () => {
    const result = classify(model, ticketText('We were charged twice', 'please issue a refund for the invoice'));
    expect(result.label).toBe('billing');
    expect(result.top[0]!.label).toBe('billing');
    expect(result.top.map((t) => t.label).sort()).toEqual([...model.labels].sort());
    expect(result.top.reduce((s, t) => s + t.score, 0)).toBeCloseTo(1, 3);
    expect(result.confidence).toBeGreaterThan(0.5);
    expect(result.confidence).toBeLessThanOrEqual(1);
  });

  it('survives a trip through JSON with the same answers', () => {
    const copy = JSON.parse(JSON.stringify(model)) as typeof model;
    for (const t of tickets(30, { seed: 99, noise: 0.3 }))
      expect(classify(copy, t.text)).toEqual(classify(model, t.text));
    expect(copy.terms.length).toBe(copy.idf.length);
    expect(copy.weights.every((w) => w.length === copy.terms.length + 1)).toBe(true);
  });

  it('gives the same model for the same seed and data', () => {
    expect(JSON.stringify(trainClassifier(tickets(240, { seed: 3 })))).toBe(JSON.stringify(model));
  });

  it('answers for a text with no known words (the classes’ biases decide)', () => {
    expect(model.labels).toContain(classify(model, '').label);
  });
});

describe('what it learns from', () => {
  it('predicts only labels seen in training, unlabelled items left out', () => {
    const data = [
      ...tickets(40, { seed: 4, shares: { bug: 1, how_to: 1 } }),
      { text: 'refund my invoice', label: null },
    ];
    const model = trainClassifier(data);
    expect(model.labels).toEqual(['bug', 'how_to']);
    expect(model.trained_on).toBe(40);
    expect(['bug', 'how_to']).toContain(classify(model, 'please refund my invoice').label);
  });

  it('trains on ten labelled items and keeps a class that has a single example', () => {
    const data = [
      ...tickets(9, { seed: 6, shares: { bug: 1, how_to: 1 } }),
      { text: 'refund refund invoice', label: 'billing' },
    ];
    const model = trainClassifier(data);
    expect(model.labels).toEqual(['billing', 'bug', 'how_to']);
    expect(classify(model, 'refund refund invoice').label).toBe('billing');
  });

  it.each<ModelKind>(['linear_svm', 'logistic_regression', 'complement_nb'])('trains a %s model', (kind) => {
    const model = trainClassifier(tickets(120, { seed: 8 }), { model: kind });
    expect(model.kind).toBe(kind);
    expect(classify(model, ticketText('The page crashes with an error', 'stack trace attached below')).label).toBe(
      'bug',
    );
  });
});

describe('refusals', () => {
  it(`refuses fewer than ${MIN_LABELLED} labelled tickets with a clear error`, () => {
    const data = [...tickets(MIN_LABELLED - 1), { text: 'not labelled', label: null }];
    expect(() => trainClassifier(data)).toThrow(AppError);
    expect(() => trainClassifier(data)).toThrow(`too few labelled tickets to train (n < ${MIN_LABELLED}): 9 labelled`);
  });

  it('refuses labelled tickets that all carry one label', () => {
    const data = tickets(12, { shares: { bug: 1 } });
    expect(() => trainClassifier(data)).toThrow("every labelled ticket is 'bug': at least two categories are needed");
  });

  it('refuses a model of another format', () => {
    const model = { ...trainClassifier(tickets(20)), version: 2 } as unknown as Parameters<typeof classify>[0];
    expect(() => classify(model, 'x')).toThrow('not a ticket classifier model this version of Baton reads');
  });
});
