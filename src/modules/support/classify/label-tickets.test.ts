import { describe, expect, it } from 'vitest';
import { ticketText } from './categories.ts';
import { trainClassifier } from './classifier.ts';
import { syntheticTickets } from './fixtures/synthetic-tickets.ts';
import { suggestLabel, trainAndLabel } from './label-tickets.ts';
import { compileRules, DEFAULT_TICKET_RULES } from './rules.ts';

const data = syntheticTickets(150, { seed: 11, noise: 0.05 });

describe('trainAndLabel', () => {
  it('returns the cross-validated figures, the model, and a label for each unlabelled item only', () => {
    const items = data.map((t, i) => ({
      text: ticketText(t.subject, t.description),
      label: i % 5 === 0 ? null : t.label,
    }));
    const result = trainAndLabel(items);
    expect(result.metrics.n).toBe(120);
    expect(result.model.trained_on).toBe(120);
    expect(result.labels).toHaveLength(150);
    result.labels.forEach((label, i) => {
      if (i % 5 !== 0) return expect(label).toBeNull();
      expect(label?.label).toBe(data[i]!.label);
    });
  });
});

describe('suggestLabel', () => {
  const rules = compileRules(DEFAULT_TICKET_RULES);
  const model = trainClassifier(data.map((t) => ({ text: ticketText(t.subject, t.description), label: t.label })));

  it('takes a matching rule first, with its evidence', () => {
    const suggestion = suggestLabel(
      { subject: 'The page crashes', description: 'and the invoice is wrong' },
      rules,
      model,
    );
    expect(suggestion).toMatchObject({ label: 'billing', source: 'rule', rule: { phrase: 'invoice' } });
  });

  it('asks the model otherwise, and has nothing to say without one', () => {
    const ticket = { subject: 'The page crashes with an error', description: 'stack trace attached below' };
    expect(suggestLabel(ticket, rules, model)).toMatchObject({ label: 'bug', source: 'model' });
    expect(suggestLabel(ticket, rules, null)).toBeNull();
  });
});
