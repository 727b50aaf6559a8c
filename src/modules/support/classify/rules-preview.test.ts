import { describe, expect, it } from 'vitest';
import { previewRules } from './rules-preview.ts';
import { compileRules } from './rules.ts';

describe('keyword rules preview', () => {
  it('gives each ticket to the first matching rule, never relabels the help desk’s or a person’s', () => {
    const rules = compileRules([
      { category: 'billing', any: ['invoice'] },
      { category: 'how_to', any: ['how do i', 'invoice'], field: 'subject' },
    ]);
    const t = (subject: string, category: string | null, categorySource: string | null) => ({
      subject,
      description: null,
      category,
      categorySource,
    });
    expect(
      previewRules(rules, [
        t('How do I download an invoice', 'how_to', 'model'), // billing first: a change
        t('How do I invite people', 'how_to', 'rule'), // same category: no change
        t('Invoice is wrong', 'bug', 'person'), // a person's label: kept
        t('Invoice is wrong', 'bug', 'source'), // the help desk's: kept
        t('Nothing to see', null, null),
      ]),
    ).toEqual({
      rules: [
        { rule: 0, category: 'billing', labels: 1, changes: 1 },
        { rule: 1, category: 'how_to', labels: 1, changes: 0 },
      ],
      considered: 3,
      unmatched: 1,
      kept: 2,
    });
  });
});
