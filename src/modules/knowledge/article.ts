/** Articles as Baton keeps them, and the rules for their tags and content (pure). */
import { createHash } from 'node:crypto';

export const ARTICLE_STATUSES = ['draft', 'published'] as const;
export type ArticleStatus = (typeof ARTICLE_STATUSES)[number];

export const ARTICLE_SOURCES = ['person', 'import', 'ticket', 'project'] as const;
export type ArticleSource = (typeof ARTICLE_SOURCES)[number];

/** Tags that say what an article is about; any other tag is free. */
export const TAG_PREFIXES = ['product', 'integration', 'playbook'] as const;

export interface Article {
  id: string;
  externalId: string;
  title: string;
  body: string;
  tags: string[];
  status: ArticleStatus;
  source: ArticleSource;
  sourceRef: string | null;
  version: number;
  createdBy: string;
  createdAt: string;
  updatedBy: string;
  updatedAt: string;
}

/** What a save gives an article (a person's form, a file's row, a draft from a ticket). */
export interface ArticleContent {
  title: string;
  body: string;
  tags: string[];
  status: ArticleStatus;
}

/** An article as a file gives it. */
export interface ArticleRecord extends ArticleContent {
  externalId: string;
  fileName: string | null;
}

export interface ArticleVersion extends ArticleContent {
  version: number;
  savedBy: string;
  savedAt: string;
}

export const MAX_TITLE = 300;
export const MAX_BODY = 200_000;
export const MAX_TAGS = 30;
export const MAX_TAG = 60;
export const MAX_EXTERNAL_ID = 200;

/** A tag as stored: trimmed, lower case, inner spaces single (`Integration: Salesforce` → `integration:salesforce`). */
export const normalTag = (tag: string): string =>
  tag
    .trim()
    .toLowerCase()
    .replace(/\s*:\s*/, ':')
    .replace(/\s+/g, ' ');

/** Tags stored once each, in their first order, blanks left out. */
export const normalTags = (tags: readonly string[]): string[] => [
  ...new Set(tags.map(normalTag).filter((t) => t !== '')),
];

/** What is wrong with a tag, or null. */
export function tagProblem(tag: string): string | null {
  if (tag.length > MAX_TAG) return `"${tag.slice(0, 20)}…" is longer than ${MAX_TAG} characters`;
  const colon = tag.indexOf(':');
  if (colon >= 0) {
    const prefix = tag.slice(0, colon);
    if (!(TAG_PREFIXES as readonly string[]).includes(prefix))
      return `"${tag}": a tag with a colon starts with ${TAG_PREFIXES.join(', ')}`;
    if (tag.slice(colon + 1).trim() === '') return `"${tag}" names no ${prefix}`;
  }
  return null;
}

/** The content's fingerprint: the same title, body, tags and status give the same hash. */
export const contentHash = (c: ArticleContent): string =>
  createHash('sha256')
    .update(JSON.stringify([c.title, c.body, c.tags, c.status]))
    .digest('hex')
    .slice(0, 32);

/** A file name or title as an external id: lower case words joined by dashes (`Reset SSO.md` → `reset-sso`). */
export const slugOf = (text: string): string =>
  text
    .replace(/\.(md|markdown)$/i, '')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, MAX_EXTERNAL_ID);
