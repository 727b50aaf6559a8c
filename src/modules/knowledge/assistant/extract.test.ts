import { describe, expect, it } from 'vitest';
import { coverageOf, extractAnswer, sentencesOf, stem } from './extract.ts';
import { chatRequest, readReply, replyText } from './llm-answer.ts';
import type { Passage } from './passage.ts';

const passage = (n: number, title: string, text: string): Passage => ({
  n,
  kind: 'article',
  id: `a${n}`,
  title,
  url: `/knowledge/articles/a${n}`,
  snippet: '',
  text,
});

const okta = passage(
  1,
  'Set up single sign-on with Okta',
  'Create a SAML 2.0 app in Okta and set the ACS URL. Paste Okta’s metadata URL under Settings. ' +
    'Test with one user before you enforce it.',
);
const billing = passage(2, 'Invoices', 'Invoices are sent on the first day of the month. Pay by card or transfer.');

describe('extractive answers', () => {
  it('stems words lightly so that forms of a word meet', () => {
    expect(['resetting', 'resets', 'reset'].map(stem)).toEqual(['reset', 'reset', 'reset']);
    expect(stem('policies')).toBe(stem('policy'));
  });

  it('splits sentences and leaves out fragments', () => {
    expect(sentencesOf('First sentence is here. Second one follows on!\nok\nThird line of text here')).toEqual([
      'First sentence is here.',
      'Second one follows on!',
      'Third line of text here',
    ]);
  });

  it('chooses the sentences that answer, each citing its passage, none twice, the first passage first', () => {
    const answer = extractAnswer('Where do I paste the Okta metadata URL?', [okta, billing, { ...okta, n: 3 }]);
    expect(answer[0]).toEqual({ sentence: 'Paste Okta’s metadata URL under Settings.', citations: [1] });
    expect(answer.every((s) => s.citations.length === 1)).toBe(true);
    expect(new Set(answer.map((s) => s.sentence)).size).toBe(answer.length);
    expect(answer.some((s) => s.sentence.startsWith('Invoices'))).toBe(false);
    expect(extractAnswer('the of and', [okta])).toEqual([]);
  });

  it('opens with the first passage even when none of its sentences holds the question’s words as written', () => {
    const matchedByTitle = passage(
      1,
      'Cancel a subscription',
      'Owners end the plan from Billing. It runs to the term.',
    );
    const answer = extractAnswer('How do I cancel our subscription?', [matchedByTitle, { ...billing, n: 2 }]);
    expect(answer[0]).toEqual({ sentence: 'Owners end the plan from Billing.', citations: [1] });
  });

  it('measures how much of the question a passage covers, rare words counting more', () => {
    const [o, b] = coverageOf('okta metadata invoices', [okta, billing]);
    expect(o).toBeGreaterThan(b!);
    expect(coverageOf('lasagne recipe', [okta, billing])).toEqual([0, 0]);
  });

  it('weighs the question’s words by the workspace’s documents when given, not by the few passages found', () => {
    // One passage: among the passages alone, the word it lacks outweighs the one it holds five to one.
    const alone = coverageOf('cancel subscription', [passage(1, 'Plans', 'Upgrade or cancel a plan from Billing.')]);
    expect(alone[0]).toBeLessThan(0.2);
    // Across the workspace "subscription" is in most documents and "cancel" in one: holding "cancel" is most of it.
    const weights = new Map([
      ['cancel', 3.2],
      ['subscription', 0.4],
    ]);
    const [covered] = coverageOf('cancel subscription', [passage(1, 'Plans', 'Upgrade or cancel a plan.')], weights);
    expect(covered).toBeCloseTo(3.2 / 3.6, 5);
  });
});

describe('written answers', () => {
  it('give the model the question and the numbered passages, nothing else', () => {
    const body = chatRequest('m', 'How do I set up Okta?', [okta, billing]);
    expect(body.model).toBe('m');
    expect(body.messages[1]!.content).toContain('[1] Set up single sign-on with Okta\nCreate a SAML 2.0 app');
    expect(body.messages[1]!.content).toContain('[2] Invoices');
    expect(body.messages[0]!.content).toContain('I don’t know');
  });

  it('keep sentences citing passages given, drop the rest, and read "I don’t know"', () => {
    const read = readReply('Create a SAML app in Okta [1]. Then pay the invoice [2][7]. Trust me. Also [9].', 2);
    expect(read.sentences).toEqual([
      { sentence: 'Create a SAML app in Okta.', citations: [1] },
      { sentence: 'Then pay the invoice.', citations: [2] },
    ]);
    expect(read.dropped).toBe(2);
    expect(readReply('I don’t know.', 2)).toEqual({ sentences: [], unknown: true, dropped: 0 });
    expect(readReply('Nothing cited here.', 2).unknown).toBe(true);
    expect(replyText({ choices: [{ message: { content: 'x' } }] })).toBe('x');
    expect(replyText({ error: 'no' })).toBeUndefined();
  });
});
