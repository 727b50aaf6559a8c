/**
 * How many of a workspace's documents hold each search term (PostgreSQL), for the terms' weights: counted on the
 * newest `SAMPLE_PER_KIND` documents of each kind and scaled to the kind's size (exact for a kind that small). The
 * counts are kept in memory for a few minutes per workspace and forgotten as soon as this process changes one of
 * its documents; a document written by another process changes the weights only once they expire.
 */
import { sql } from 'kysely';
import type { Db } from '../../../platform/db/database.ts';
import type { SearchScope } from './search.store.ts';

/** The most documents of a kind whose words are counted to weigh the terms. */
export const SAMPLE_PER_KIND = 1_000;
const KEPT_MS = 5 * 60_000;
const MAX_KEPT = 200;

interface Counted {
  expires: number;
  generation: number;
  /** Documents of each kind searched. */
  sizes: Map<string, number>;
  /** Estimated documents holding each term. */
  terms: Map<string, number>;
}

const kept = new Map<string, Counted>();
const generations = new Map<string, number>();

/** Forgets the counts of a workspace whose documents changed. */
export function forgetTermCounts(workspaceId: string): void {
  generations.set(workspaceId, (generations.get(workspaceId) ?? 0) + 1);
}

async function kindSizes(db: Db, scope: SearchScope): Promise<Map<string, number>> {
  const within = scope.refIds ? sql`and d.ref_id in (${sql.join(scope.refIds)})` : sql``;
  const rows = await sql<{ kind: string; n: string | number }>`
    select d.kind, count(*) as n from knowledge_search_docs d
    where d.workspace_id = ${scope.workspaceId} and d.kind in (${sql.join(scope.kinds)}) ${within}
    group by d.kind`.execute(db);
  return new Map(rows.rows.map((r) => [r.kind, Number(r.n)]));
}

async function countTerms(db: Db, scope: SearchScope, sizes: Map<string, number>, terms: readonly string[]) {
  const within = scope.refIds ? sql`and d.ref_id in (${sql.join(scope.refIds)})` : sql``;
  const hits = await sql<{ i: string | number; kind: string; hits: string | number }>`
    with terms as (
      select t.i, to_tsquery('english', t.term) as tq
      from unnest(cast(${terms} as text[])) with ordinality as t(term, i)),
    sample as (
      select s.kind, s.tsv from unnest(cast(${[...sizes.keys()]} as text[])) as k(kind)
      cross join lateral (
        select d.kind, d.tsv from knowledge_search_docs d
        where d.workspace_id = ${scope.workspaceId} and d.kind = k.kind ${within}
        order by d.ref_id desc limit ${SAMPLE_PER_KIND}) s)
    select t.i, s.kind, count(*) as hits from terms t join sample s on s.tsv @@ t.tq group by t.i, s.kind`.execute(db);
  const held = new Map(hits.rows.map((r) => [`${Number(r.i) - 1}:${r.kind}`, Number(r.hits)]));
  return terms.map((_, i) => {
    let documents = 0;
    for (const [kind, n] of sizes) {
      const sampled = Math.min(n, SAMPLE_PER_KIND);
      // A term no sampled document holds may still be in the rest of a large kind: counted as half a document.
      const found = held.get(`${i}:${kind}`) ?? (n > sampled ? 0.5 : 0);
      documents += (found * n) / sampled;
    }
    return documents;
  });
}

/** The documents searched, and how many of them hold each term (estimated on a large set). */
export async function termDocuments(
  db: Db,
  scope: SearchScope,
  terms: readonly string[],
  now = performance.now(),
): Promise<{ total: number; documents: number[] }> {
  const key = `${scope.workspaceId}\u0000${scope.kinds.join(',')}`;
  const generation = generations.get(scope.workspaceId) ?? 0;
  let entry = scope.refIds ? undefined : kept.get(key);
  if (!entry || entry.expires < now || entry.generation !== generation) {
    entry = { expires: now + KEPT_MS, generation, sizes: await kindSizes(db, scope), terms: new Map() };
    if (!scope.refIds) {
      if (kept.size >= MAX_KEPT) kept.delete(kept.keys().next().value as string);
      kept.set(key, entry);
    }
  }
  const unknown = terms.filter((t) => !entry.terms.has(t));
  if (unknown.length > 0 && entry.sizes.size > 0) {
    const counted = await countTerms(db, scope, entry.sizes, unknown);
    unknown.forEach((t, i) => entry.terms.set(t, counted[i] ?? 0));
  }
  const total = [...entry.sizes.values()].reduce((a, b) => a + b, 0);
  return { total, documents: terms.map((t) => entry.terms.get(t) ?? 0) };
}
