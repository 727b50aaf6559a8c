/**
 * Articles as files give them (pure): Markdown with front matter (`title`, `tags`, `external_id`, `status`),
 * JSON Lines and CSV rows with `external_id, title, body, tags`. Each becomes a record or the problems of its row.
 */
import type { RowError } from '../../../platform/imports/import-run.ts';
import type { RowResult } from '../../../platform/imports/map-rows.ts';
import {
  ARTICLE_STATUSES,
  type ArticleRecord,
  type ArticleStatus,
  MAX_BODY,
  MAX_EXTERNAL_ID,
  MAX_TAGS,
  MAX_TITLE,
  normalTags,
  slugOf,
  tagProblem,
} from '../article.ts';

export const ARTICLE_FORMATS = ['markdown', 'jsonl', 'csv'] as const;
export type ArticleFormat = (typeof ARTICLE_FORMATS)[number];

/** Imported articles are published unless the file says otherwise: a knowledge base is there to be found. */
const DEFAULT_STATUS: ArticleStatus = 'published';

/** A file's format from its name, else from its first characters. */
export function detectArticleFormat(name: string | null, text: string): ArticleFormat {
  const lower = (name ?? '').toLowerCase();
  if (/\.(md|markdown)$/.test(lower)) return 'markdown';
  if (/\.(jsonl|ndjson|json)$/.test(lower)) return 'jsonl';
  if (lower.endsWith('.csv')) return 'csv';
  const start = text.replace(/^\uFEFF/, '').trimStart();
  if (start.startsWith('{')) return 'jsonl';
  if (start.startsWith('---') || start.startsWith('#')) return 'markdown';
  return 'csv';
}

/** `[a, b]`, `a, b`, or a list of them: the tags named. */
export const tagList = (value: unknown): string[] => {
  if (Array.isArray(value)) return value.flatMap((v) => (typeof v === 'string' ? tagList(v) : []));
  if (typeof value !== 'string') return [];
  const inner = value.trim().replace(/^\[(.*)\]$/s, '$1');
  return inner
    .split(/[,;|]/)
    .map((t) => t.trim().replace(/^["']|["']$/g, ''))
    .filter(Boolean);
};

/** The front matter's `key: value` pairs (lower-case keys) and the text after it. */
export function frontMatter(text: string): { fields: Map<string, string>; body: string } {
  const fields = new Map<string, string>();
  const source = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const match = /^---[ \t]*\n([\s\S]*?)\n(?:---|\.\.\.)[ \t]*(?:\n|$)/.exec(source);
  if (!match) return { fields, body: source };
  for (const line of (match[1] ?? '').split('\n')) {
    const pair = /^\s*([A-Za-z_][\w-]*)\s*:\s*(.*?)\s*$/.exec(line);
    if (!pair) continue;
    const value = (pair[2] ?? '').replace(/^"(.*)"$/, '$1').replace(/^'(.*)'$/, '$1');
    fields.set((pair[1] ?? '').toLowerCase().replaceAll('-', '_'), value);
  }
  return { fields, body: source.slice(match[0].length) };
}

interface RawArticle {
  externalId: unknown;
  title: unknown;
  body: unknown;
  tags: unknown;
  status: unknown;
}

const text = (v: unknown): string => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '');

/** A record from the raw fields, or every problem with them. */
export function checkArticle(raw: RawArticle, row: number, fileName: string | null): RowResult<ArticleRecord> {
  const errors: RowError[] = [];
  const problem = (field: string, reason: string) => errors.push({ row, field, reason });
  const externalId = text(raw.externalId).trim();
  const title = text(raw.title).trim();
  const body = text(raw.body);
  const status = text(raw.status).trim().toLowerCase() || DEFAULT_STATUS;
  const tags = normalTags(tagList(raw.tags));
  if (externalId === '') problem('external_id', 'is empty');
  else if (externalId.length > MAX_EXTERNAL_ID) problem('external_id', `is longer than ${MAX_EXTERNAL_ID} characters`);
  if (title === '') problem('title', 'is empty');
  else if (title.length > MAX_TITLE) problem('title', `is longer than ${MAX_TITLE} characters`);
  if (body.length > MAX_BODY) problem('body', `is longer than ${MAX_BODY} characters`);
  if (!(ARTICLE_STATUSES as readonly string[]).includes(status))
    problem('status', `"${status.slice(0, 40)}" is not ${ARTICLE_STATUSES.join(' or ')}`);
  if (tags.length > MAX_TAGS) problem('tags', `has more than ${MAX_TAGS} tags`);
  for (const tag of tags) {
    const p = tagProblem(tag);
    if (p) problem('tags', p);
  }
  if (errors.length) return { ok: false, errors };
  return { ok: true, record: { externalId, title, body, tags, status: status as ArticleStatus, fileName } };
}

/** One Markdown file: its front matter's fields, else its first `# heading` as the title and its name as the id. */
export function markdownArticle(name: string, content: string, row: number): RowResult<ArticleRecord> {
  const { fields, body } = frontMatter(content);
  let title = fields.get('title') ?? '';
  let rest = body;
  if (!title) {
    const heading = /^\s*#\s+(.+?)\s*#*\s*$/m.exec(body);
    if (heading && body.slice(0, heading.index).trim() === '') {
      title = heading[1] ?? '';
      rest = body.slice(heading.index + heading[0].length);
    }
  }
  return checkArticle(
    {
      externalId: fields.get('external_id') ?? fields.get('id') ?? slugOf(name),
      title,
      body: rest.trim(),
      tags: fields.get('tags') ?? '',
      status: fields.get('status') ?? '',
    },
    row,
    name,
  );
}

/** One line of JSON Lines (blank lines are not rows). */
export function jsonArticle(line: string, row: number, fileName: string | null): RowResult<ArticleRecord> {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch (error) {
    return { ok: false, errors: [{ row, field: 'json', reason: `not JSON: ${(error as Error).message}` }] };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    return { ok: false, errors: [{ row, field: 'json', reason: 'is not an object' }] };
  const v = new Map(Object.entries(value));
  return checkArticle(
    {
      externalId: v.get('external_id') ?? v.get('externalId') ?? v.get('id'),
      title: v.get('title'),
      body: v.get('body') ?? '',
      tags: v.get('tags'),
      status: v.get('status'),
    },
    row,
    fileName,
  );
}

/** One CSV row by its columns' names (lower case). */
export const csvArticle = (values: Record<string, string>, row: number, fileName: string | null) => {
  const v = new Map(Object.entries(values).map(([k, x]) => [k.trim().toLowerCase(), x]));
  return checkArticle(
    {
      externalId: v.get('external_id') ?? v.get('id'),
      title: v.get('title'),
      body: v.get('body') ?? '',
      tags: v.get('tags'),
      status: v.get('status'),
    },
    row,
    fileName,
  );
};
