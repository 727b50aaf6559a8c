/** The knowledge API's answers, as the page reads them. */
export interface Article {
  id: string;
  externalId: string;
  title: string;
  body: string;
  tags: string[];
  status: 'draft' | 'published';
  source: string;
  version: number;
  updatedBy: string;
  updatedAt: string;
}

export interface ArticleVersion {
  version: number;
  title: string;
  status: string;
  savedBy: string;
  savedAt: string;
}

export interface SearchHit {
  kind: 'article' | 'lesson' | 'brief' | 'ticket';
  id: string;
  external_id: string | null;
  title: string;
  /** Escaped HTML with the matched words inside <mark>. */
  snippet: string;
  score: number;
  url: string;
}

/** A snippet's parts: plain text, and the matched words to highlight. Never rendered as HTML. */
export function snippetParts(html: string): Array<{ text: string; mark: boolean }> {
  const unescape = (s: string) =>
    s.replace(/&(amp|lt|gt|quot|#39);/g, (_m, e: string) =>
      e === 'amp' ? '&' : e === 'lt' ? '<' : e === 'gt' ? '>' : e === 'quot' ? '"' : "'",
    );
  return html
    .split(/(<mark>.*?<\/mark>)/g)
    .filter(Boolean)
    .map((part) =>
      part.startsWith('<mark>')
        ? { text: unescape(part.slice(6, -7)), mark: true }
        : { text: unescape(part), mark: false },
    );
}

export interface GapTicket {
  id: string;
  externalId: string;
  subject: string | null;
  createdAt: string;
  resolved: boolean;
}

export interface KnowledgeGap {
  tickets: number;
  representative: GapTicket;
  terms: string[];
  samples: GapTicket[];
  accounts: Array<{ id: string; name: string; tickets: number }>;
  unmatched: number;
  draftFrom: string | null;
  nearest: { id: string; title: string; coverage: number } | null;
  sentence: string;
}

/** `GET /api/v1/knowledge/gaps`: repetitive questions no published article answers, largest first. */
export interface GapsAnswer {
  from: string;
  days: number;
  questions: number;
  clusters: number;
  answered: number;
  gaps: KnowledgeGap[];
  sentence: string;
}
