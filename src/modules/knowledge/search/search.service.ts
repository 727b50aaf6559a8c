/** Search across the knowledge base: a question's terms, the kinds the reader may see, the best documents first. */
import type { Scope } from '../../../platform/auth/principal.ts';
import type { Db } from '../../../platform/db/database.ts';
import { searchTerms, snippetHtml } from './query.ts';
import { SEARCH_KINDS, type SearchHit, type SearchKind } from './search-doc.ts';
import { searchDocs } from './search.store.ts';

/** What a partner firm's people may find: published articles only (lessons, briefs and tickets name customers). */
const PARTNER_KINDS: readonly SearchKind[] = ['article'];

export interface SearchRequest {
  query: string;
  limit: number;
  /** The kinds asked for (every kind the reader may see when left out). */
  kinds?: readonly SearchKind[];
  /** Only these records (of the kinds searched); none: nothing is found. */
  refIds?: readonly string[];
}

/** The documents that best answer a question, in the reader's workspace, of the kinds they may see. */
export async function searchKnowledge(db: Db, scope: Scope, request: SearchRequest): Promise<SearchHit[]> {
  const allowed = scope.partnerId ? PARTNER_KINDS : SEARCH_KINDS;
  const kinds = (request.kinds ?? SEARCH_KINDS).filter((k) => allowed.includes(k));
  const hits = await searchDocs(
    db,
    scope.workspaceId,
    searchTerms(request.query),
    kinds,
    request.limit,
    request.refIds,
  );
  return hits.map((h) => ({
    kind: h.kind as SearchKind,
    id: h.ref_id,
    external_id: h.external_id,
    title: h.title,
    snippet: snippetHtml(h.snippet ?? ''),
    score: Math.round(h.score * 10_000) / 10_000,
    url: h.url,
  }));
}
