import { describe, expect, it } from 'vitest';
import { AppError } from '../../../platform/errors/app-error.ts';
import { applyRules, compileRules, DEFAULT_TICKET_RULES, phrasePattern, type TicketRule } from './rules.ts';

const defaults = compileRules(DEFAULT_TICKET_RULES);
const ticket = (subject: string | null, description: string | null = null) => ({ subject, description });

describe('the default rules', () => {
  it.each([
    ['Invoice #1042 is wrong', null, 'billing', 'invoice', 'subject'],
    ['Question', 'We were charged twice for March', 'billing', 'charged twice', 'description'],
    [
      'Card',
      'it was charged to our card yesterday',
      'billing',
      '/\\bcharged? (?:on|to) (?:my|our) (?:card|account)\\b/',
      'description',
    ],
    ['Please REFUND us', null, 'billing', 'refund', 'subject'],
    ['How do I export a report?', null, 'how_to', 'how do i', 'subject'],
    ['Where can I  change my password', null, 'how_to', 'where can i', 'subject'],
    ['how to add a user', 'thanks', 'how_to', 'how to', 'subject'],
  ])('%j / %j → %s by %j in the %s', (subject, description, category, phrase, field) => {
    expect(applyRules(defaults, ticket(subject, description))).toMatchObject({ category, phrase, field });
  });

  it.each([
    ['Export crashes', 'Steps: how to reproduce — open the page'],
    ['Recharge the battery widget', null],
    ['Prepayment of services question', null],
    ['Dashboard is slow', null],
  ])('leaves %j / %j to the model', (subject, description) => {
    expect(applyRules(defaults, ticket(subject, description))).toBeNull();
  });

  it('names the rule, phrase, field and the text as written', () => {
    expect(applyRules(defaults, ticket('Page broken', 'And the INVOICE too'))).toEqual({
      category: 'billing',
      rule: 0,
      phrase: 'invoice',
      field: 'description',
      matched: 'INVOICE',
    });
  });
});

describe('workspace rules', () => {
  const rules: TicketRule[] = [
    { category: 'configuration', any: ['sso', '/\\bsaml\\b/'], field: 'subject' },
    { category: 'bug', any: ['error 500'] },
  ];
  const compiled = compileRules(rules);

  it('apply in order; the first rule that matches decides', () => {
    expect(applyRules(compiled, ticket('SSO gives error 500'))).toMatchObject({ category: 'configuration', rule: 0 });
    expect(applyRules(compiled, ticket('Login', 'error 500 on SSO'))).toMatchObject({ category: 'bug', rule: 1 });
  });

  it('read only the field they name, any field by default', () => {
    expect(applyRules(compiled, ticket('Login', 'our saml certificate'))).toBeNull();
    expect(applyRules(compiled, ticket('Login fails: SAML'))).toMatchObject({
      phrase: '/\\bsaml\\b/',
      matched: 'SAML',
    });
  });

  it('are refused when malformed, naming the rule', () => {
    expect(() => compileRules([{ category: 'bugs' as 'bug', any: ['x'] }])).toThrow(/^rules\[0\]: /);
    expect(() => compileRules([{ category: 'bug', any: [] }])).toThrow(AppError);
    expect(() => compileRules([{ category: 'bug', any: ['/(unclosed/'] }])).toThrow(
      'rule phrase /(unclosed/ is not a valid regular expression',
    );
  });
});

describe('phrasePattern', () => {
  it('matches a phrase as whole words, any spacing, any case, letters of any script', () => {
    const p = phrasePattern('credit card');
    expect(p.test('Update CREDIT\n card')).toBe(true);
    expect(p.test('creditcard')).toBe(false);
    expect(phrasePattern('rechnung').test('Rechnungen')).toBe(false);
    expect(phrasePattern('für').test('Danke für')).toBe(true);
  });

  it('escapes what a plain phrase holds', () => {
    expect(phrasePattern('c++ sdk').test('the C++ SDK fails')).toBe(true);
    expect(phrasePattern('a.b').test('axb')).toBe(false);
  });
});
