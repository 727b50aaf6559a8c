/**
 * The search index (Kysely, one face, two engines): documents in `knowledge_search_docs`; on SQLite their FTS5
 * twin (kept by triggers) ranked by `bm25()` with the title weighted above the body, snippets by `snippet()`;
 * on PostgreSQL their stored `tsvector` (`search.pg.ts`), snippets by `ts_headline`.
 */
import { sql } from 'kysely';
import { capabilitiesOf, type Db } from '../../../platform/db/database.ts';
import { newId } from '../../../platform/ids.ts';
import { MARK_END, MARK_START, scopedFtsMatch } from './query.ts';
import { SEARCH_KINDS, type SearchDoc, type SearchKind, TITLE_WEIGHT } from './search-doc.ts';
import { searchDocsPostgres } from './search.pg.ts';
import { forgetTermCounts, termDocuments } from './term-counts.ts';

/** Stores a document, replacing the one of the same record. */
export async function upsertDoc(db: Db, workspaceId: string, doc: SearchDoc): Promise<void> {
  forgetTermCounts(workspaceId);
  const values = {
    external_id: doc.externalId,
    title: doc.title,
    body: doc.body,
    url: doc.url,
    updated_at: doc.updatedAt,
  };
  await db
    .insertInto('knowledge_search_docs')
    .values({ id: newId(), workspace_id: workspaceId, kind: doc.kind, ref_id: doc.refId, ...values })
    .onConflict((oc) => oc.columns(['workspace_id', 'kind', 'ref_id']).doUpdateSet(values))
    .execute();
}

export const deleteDoc = (db: Db, workspaceId: string, kind: SearchKind, refId: string) => {
  forgetTermCounts(workspaceId);
  return db
    .deleteFrom('knowledge_search_docs')
    .where('workspace_id', '=', workspaceId)
    .where('kind', '=', kind)
    .where('ref_id', '=', refId)
    .execute();
};

/** The record ids of a kind the index holds for a workspace, with when each was indexed. */
export const selectDocRefs = (db: Db, workspaceId: string, kind: SearchKind) =>
  db
    .selectFrom('knowledge_search_docs')
    .select(['ref_id', 'updated_at', 'title'])
    .where('workspace_id', '=', workspaceId)
    .where('kind', '=', kind)
    .execute();

export interface RawHit {
  kind: string;
  ref_id: string;
  external_id: string | null;
  title: string;
  url: string;
  snippet: string;
  score: number;
}

/** Whose documents are searched: one workspace's, of some kinds, and only some records when `refIds` is given. */
export interface SearchScope {
  workspaceId: string;
  kinds: readonly SearchKind[];
  refIds?: readonly string[];
}

/** The best documents for the terms, of the kinds asked, in one workspace. */
export async function searchDocs(
  db: Db,
  workspaceId: string,
  terms: readonly string[],
  kinds: readonly SearchKind[],
  limit: number,
  refIds?: readonly string[],
): Promise<RawHit[]> {
  if (terms.length === 0 || kinds.length === 0 || refIds?.length === 0) return [];
  if (capabilitiesOf(db).kind !== 'sqlite') return searchDocsPostgres(db, { workspaceId, kinds, refIds }, terms, limit);
  const match = scopedFtsMatch(workspaceId, kinds, SEARCH_KINDS, terms);
  if (refIds) {
    // Some records only (a few): every match of the workspace is read with its document and kept if it is one.
    const rows = await sql<RawHit>`
      select d.kind, d.ref_id, d.external_id, d.title, d.url,
        snippet(knowledge_search_fts, 1, ${MARK_START}, ${MARK_END}, '…', 24) as snippet,
        -bm25(knowledge_search_fts, ${TITLE_WEIGHT}, 1.0, 0.0) as score
      from knowledge_search_fts
      join knowledge_search_docs d on d.id = knowledge_search_fts.doc_id
      where knowledge_search_fts match ${match} and d.ref_id in (${sql.join(refIds)})
      order by bm25(knowledge_search_fts, ${TITLE_WEIGHT}, 1.0, 0.0), d.id
      limit ${limit}`.execute(db);
    return rows.rows;
  }
  // The index alone ranks the workspace's documents (its scope column weighs nothing); only the best are read from
  // the documents, with their snippets.
  const rows = await sql<RawHit>`
    with best as (
      select rowid as fts_rowid, bm25(knowledge_search_fts, ${TITLE_WEIGHT}, 1.0, 0.0) as rank
      from knowledge_search_fts where knowledge_search_fts match ${match}
      order by rank limit ${limit})
    select d.kind, d.ref_id, d.external_id, d.title, d.url,
      snippet(knowledge_search_fts, 1, ${MARK_START}, ${MARK_END}, '…', 24) as snippet, -best.rank as score
    from best
    join knowledge_search_fts on knowledge_search_fts.rowid = best.fts_rowid
    join knowledge_search_docs d on d.id = knowledge_search_fts.doc_id
    where knowledge_search_fts match ${match}
    order by best.rank, d.id`.execute(db);
  return rows.rows;
}

/**
 * How many documents of the kinds hold each term, matched as the search matches it (by stem), and how many there
 * are: what weighs a term by its rarity across the workspace. Exact on SQLite; estimated on PostgreSQL.
 */
export async function countTermDocuments(
  db: Db,
  workspaceId: string,
  kinds: readonly SearchKind[],
  terms: readonly string[],
): Promise<{ total: number; documents: number[] }> {
  if (kinds.length === 0) return { total: 0, documents: terms.map(() => 0) };
  if (capabilitiesOf(db).kind !== 'sqlite') return termDocuments(db, { workspaceId, kinds }, terms);
  const total = await db
    .selectFrom('knowledge_search_docs')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('workspace_id', '=', workspaceId)
    .where('kind', 'in', kinds)
    .executeTakeFirstOrThrow();
  const documents: number[] = [];
  for (const term of terms) {
    const row = await sql<{ n: number }>`
      select count(*) as n from knowledge_search_fts
      where knowledge_search_fts match ${scopedFtsMatch(workspaceId, kinds, SEARCH_KINDS, [term])}`.execute(db);
    documents.push(Number(row.rows[0]?.n ?? 0));
  }
  return { total: Number(total.n), documents };
}

/** The full text of indexed documents (what an answer is drawn from), by `kind:ref_id`. */
export async function selectDocTexts(
  db: Db,
  workspaceId: string,
  refs: ReadonlyArray<{ kind: SearchKind; refId: string }>,
): Promise<Map<string, { title: string; body: string }>> {
  if (refs.length === 0) return new Map();
  const rows = await db
    .selectFrom('knowledge_search_docs')
    .select(['kind', 'ref_id', 'title', 'body'])
    .where('workspace_id', '=', workspaceId)
    .where(
      'ref_id',
      'in',
      refs.map((r) => r.refId),
    )
    .execute();
  return new Map(rows.map((r) => [`${r.kind}:${r.ref_id}`, { title: r.title, body: r.body }]));
}
