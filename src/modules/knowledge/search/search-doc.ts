/** What the search index holds and answers (pure). */

export const SEARCH_KINDS = ['article', 'lesson', 'brief', 'ticket'] as const;
export type SearchKind = (typeof SEARCH_KINDS)[number];

/** One document as the index keeps it. */
export interface SearchDoc {
  kind: SearchKind;
  refId: string;
  externalId: string | null;
  title: string;
  /** Plain text (Markdown read as text). */
  body: string;
  url: string;
  updatedAt: string;
}

/** One answer to a search, best first. */
export interface SearchHit {
  kind: SearchKind;
  id: string;
  external_id: string | null;
  title: string;
  /** Safe HTML: escaped text with the matched words inside `<mark>`. */
  snippet: string;
  /** Higher is better (BM25 on SQLite, cover density on PostgreSQL); comparable within one answer only. */
  score: number;
  url: string;
}

/** How much more a word in the title counts than one in the body. */
export const TITLE_WEIGHT = 2.5;

/** Markdown as the words a reader sees: links keep their text, images, code fences' marks and markup go. */
export const plainText = (markdown: string): string =>
  markdown
    .replace(/!\[[^\]]*\]\([^)]*\)/g, ' ')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/<[^>]{1,200}>/g, ' ')
    .replace(/^```.*$/gm, ' ')
    .replace(/^\s{0,3}(#{1,6}|>|[-*+]|\d+[.)])\s+/gm, '')
    .replace(/[*_`~|]+/g, ' ')
    .replace(/[ \t]+/g, ' ')
    .trim();
