/**
 * Search on PostgreSQL: each term weighted by its inverse document frequency (BM25's), times its `ts_rank` in a
 * document (a title word counts 2.5 times a body word). The frequencies are counted on the newest documents of each
 * kind (`term-counts.ts`); the documents scored are those holding the rarer terms (`term-plan.ts`), or any term when
 * those are fewer than asked for.
 */
import { sql } from 'kysely';
import type { Db } from '../../../platform/db/database.ts';
import { MARK_END, MARK_START, tsQueryText } from './query.ts';
import type { RawHit, SearchScope } from './search.store.ts';
import { termDocuments } from './term-counts.ts';
import { CANDIDATE_BUDGET, planTerms } from './term-plan.ts';

/** PostgreSQL's weights of the labels D, C, B, A: a title (A) word counts 2.5 times a body (D) word. */
const RANK_WEIGHTS = '{0.4, 0.2, 0.4, 1.0}';
const HEADLINE = [
  `StartSel=${MARK_START}, StopSel=${MARK_END}`,
  'MaxWords=35, MinWords=15, MaxFragments=2, FragmentDelimiter=" … "',
].join(', ');

/** The best `limit` documents holding any of the `scored` terms, every term counting with its weight. */
async function scoreDocuments(
  db: Db,
  scope: SearchScope,
  terms: readonly string[],
  weights: readonly number[],
  scored: readonly string[],
  limit: number,
) {
  const within = scope.refIds ? sql`and d.ref_id in (${sql.join(scope.refIds)})` : sql``;
  // Each candidate is read once and scored against the (few) terms in memory: no sort of documents by id.
  const rows = await sql<RawHit>`
    with terms as materialized (
      select t.w, to_tsquery('english', t.term) as tq
      from unnest(cast(${terms} as text[]), cast(${weights} as float8[])) as t(term, w)),
    ranked as (
      select d.id,
        (select sum(t.w * ts_rank(${RANK_WEIGHTS}, d.tsv, t.tq, 0)) from terms t where d.tsv @@ t.tq) as score
      from knowledge_search_docs d
      where d.workspace_id = ${scope.workspaceId} and d.kind in (${sql.join(scope.kinds)}) ${within}
        and d.tsv @@ to_tsquery('english', ${tsQueryText(scored)})
      order by score desc, d.id
      limit ${limit})
    select d.kind, d.ref_id, d.external_id, d.title, d.url, r.score,
      ts_headline('english', d.body, to_tsquery('english', ${tsQueryText(terms)}), ${HEADLINE}) as snippet
    from ranked r join knowledge_search_docs d on d.id = r.id
    order by r.score desc, r.id`.execute(db);
  return rows.rows.map((r) => ({ ...r, score: Number(r.score) }));
}

/**
 * The best documents for the terms in one workspace's documents of the kinds searched (PostgreSQL): those holding
 * the essential terms, or any term when they are fewer than `limit`.
 */
export async function searchDocsPostgres(
  db: Db,
  scope: SearchScope,
  terms: readonly string[],
  limit: number,
  budget = CANDIDATE_BUDGET,
): Promise<RawHit[]> {
  const { total, documents } = await termDocuments(db, scope, terms);
  const plan = planTerms(total, documents, budget);
  if (plan.essential.length === 0) return [];
  const essential = plan.essential.map((i) => terms[i] as string);
  const hits = await scoreDocuments(db, scope, terms, plan.weights, essential, limit);
  if (hits.length >= limit || plan.whole) return hits;
  const held = terms.filter((_, i) => (documents[i] ?? 0) > 0);
  return scoreDocuments(db, scope, terms, plan.weights, held, limit);
}
