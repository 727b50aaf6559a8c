import { describe, expect, it } from 'vitest';
import {
  ftsMatch,
  scopedFtsMatch,
  searchTerms,
  snippetHtml,
  snippetText,
  tsQueryText,
  workspaceToken,
} from './query.ts';

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
    expect(ftsMatch(['sso', 'okta'])).toBe('{title body} : ("sso" OR "okta")');
    expect(tsQueryText(['sso', 'okta'])).toBe('sso | okta');
  });
});

describe('snippets', () => {
  it('escape the text and mark the matches', () => {
    const html = snippetHtml('Use <b>\u0002SSO\u0003</b> & \u0002Okta\u0003');
    expect(html).toBe('Use &lt;b&gt;<mark>SSO</mark>&lt;/b&gt; &amp; <mark>Okta</mark>');
    expect(snippetText(html)).toBe('Use <b>SSO</b> & Okta');
  });

  it('turns a workspace id into one token of digits that no other id shares', () => {
    expect(workspaceToken('0193ab9f-7c2e')).toBe('w0190391929096793295');
    const ids = ['9a', 'a9', '90', '91', 'a0', '9-a', 'ab', 'ba'];
    expect(new Set(ids.map(workspaceToken)).size).toBe(ids.length - 1); // '9-a' is '9a' without its dash
    expect(/^w\d+$/.test(workspaceToken('0193ab9f-7c2e-7a1b-8c3d-4e5f60718293'))).toBe(true);
  });

  it('scopes a search to a workspace, and to kinds only when not all are asked for', () => {
    const all = ['article', 'ticket'];
    expect(scopedFtsMatch('ab', all, all, ['sso'])).toBe('scope : "w9192" AND {title body} : ("sso")');
    expect(scopedFtsMatch('ab', ['ticket'], all, ['sso'])).toBe('scope : ("w9192kticket") AND {title body} : ("sso")');
  });
});
