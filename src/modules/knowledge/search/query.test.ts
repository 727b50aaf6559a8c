import { describe, expect, it } from 'vitest';
import { ftsMatch, searchTerms, snippetHtml, snippetText, tsQueryText } from './query.ts';

describe('search terms', () => {
  it.each([
    ['How do I reset my SSO certificate?', ['reset', 'sso', 'certificate']],
    ['"; DROP TABLE x; --', ['drop', 'table']],
    ['NEAR(sso, okta) AND OR NOT', ['near', 'sso', 'okta']],
    ['sso:* OR "okta', ['sso', 'okta']],
    ['the of and', []],
    ['Café crème', ['café', 'crème']],
  ])('%s → %j', (question, terms) => {
    expect(searchTerms(question)).toEqual(terms);
  });

  it('keeps at most 32 terms of a long question, each once', () => {
    const terms = searchTerms(Array.from({ length: 100 }, (_, i) => `word${i} word${i}`).join(' '));
    expect(terms).toHaveLength(32);
    expect(new Set(terms).size).toBe(32);
  });

  it('joins terms with OR, quoted for FTS5 and with | for PostgreSQL', () => {
    expect(ftsMatch(['sso', 'okta'])).toBe('"sso" OR "okta"');
    expect(tsQueryText(['sso', 'okta'])).toBe('sso | okta');
  });
});

describe('snippets', () => {
  it('escape the text and mark the matches', () => {
    const html = snippetHtml('Use <b>\u0002SSO\u0003</b> & \u0002Okta\u0003');
    expect(html).toBe('Use &lt;b&gt;<mark>SSO</mark>&lt;/b&gt; &amp; <mark>Okta</mark>');
    expect(snippetText(html)).toBe('Use <b>SSO</b> & Okta');
  });
});
