import { describe, expect, it } from 'vitest';
import { csvArticle, detectArticleFormat, frontMatter, jsonArticle, markdownArticle, tagList } from './article-rows.ts';

describe('article files', () => {
  it('reads front matter: key: value, quoted values, tags as [a, b] or a, b', () => {
    const { fields, body } = frontMatter('---\ntitle: "Reset: SSO"\nTags: [a, "b"]\nexternal-id: x1\n---\nBody\n');
    expect(fields.get('title')).toBe('Reset: SSO');
    expect(tagList(fields.get('tags'))).toEqual(['a', 'b']);
    expect(fields.get('external_id')).toBe('x1');
    expect(body).toBe('Body\n');
    expect(tagList('a, b; c')).toEqual(['a', 'b', 'c']);
  });

  it('takes a Markdown file’s first heading as its title and its name as its id when front matter says neither', () => {
    const r = markdownArticle('Reset SSO.md', '# Reset SSO\n\nSteps.', 1);
    expect(r).toEqual({
      ok: true,
      record: {
        externalId: 'reset-sso',
        title: 'Reset SSO',
        body: 'Steps.',
        tags: [],
        status: 'published',
        fileName: 'Reset SSO.md',
      },
    });
  });

  it('names each bad field of a row', () => {
    const r = csvArticle({ external_id: '', title: '', tags: 'colour:red', status: 'live' }, 4, null);
    expect(r.ok).toBe(false);
    expect(!r.ok && 'errors' in r ? r.errors.map((e) => e.field) : []).toEqual([
      'external_id',
      'title',
      'status',
      'tags',
    ]);
    expect(jsonArticle('[1]', 2, null)).toMatchObject({ ok: false, errors: [{ row: 2, field: 'json' }] });
  });

  it.each([
    ['a.md', 'x', 'markdown'],
    ['a.jsonl', 'x', 'jsonl'],
    [null, '{"a":1}', 'jsonl'],
    [null, '---\ntitle: x', 'markdown'],
    [null, 'external_id,title', 'csv'],
  ])('tells %s / %s is %s', (name, text, format) => {
    expect(detectArticleFormat(name, text)).toBe(format);
  });
});
