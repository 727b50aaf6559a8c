/**
 * Search latency over a large index: 25,000 articles and 25,000 resolved tickets (50,000 documents, written from the
 * demo knowledge base's sentences with their words shuffled between documents), asked the 122 customer questions of
 * `bench/retrieval/questions.json` through Baton's search (SQLite FTS5; PostgreSQL full text when
 * BATON_BENCH_DATABASE_URL, BATON_TEST_DATABASE_URL or BENCH_POSTGRES_URL names a server that answers), against a
 * plain `LIKE` select of the same documents for any of the question's words, in the same run. Prints p50 and p95 of
 * each and the ratio (goal: Baton's p95 under 100 ms). On PostgreSQL, where only the documents holding a question's
 * rarer words are scored, it also prints how many of the ten found are the ten that scoring every document holding
 * any of its words finds.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import '../src/app/modules.ts';
import { DEMO_ARTICLES } from '../src/demo/knowledge.ts';
import { searchKnowledge, searchTerms } from '../src/modules/knowledge/index.ts';
import { searchDocsPostgres } from '../src/modules/knowledge/search/search.pg.ts';
import { SEARCH_KINDS } from '../src/modules/knowledge/search/search-doc.ts';
import { upsertDoc } from '../src/modules/knowledge/search/search.store.ts';
import { SYSTEM_ACTOR } from '../src/platform/auth/principal.ts';
import { type DatabaseHandle, openDatabase } from '../src/platform/db/database.ts';
import { migrateToLatest } from '../src/platform/db/migrate.ts';
import { createWorkspace } from '../src/platform/identity/workspace.service.ts';
import { fmt, onScratchPostgres, ROOT } from './lib.ts';

const PER_KIND = Number(process.env.BENCH_SEARCH_DOCS ?? 25_000);
const ROUNDS = Number(process.env.BENCH_SEARCH_ROUNDS ?? 2);

/** A small deterministic generator, so every run searches the same documents. */
function lcg(seed: number) {
  let s = seed >>> 0;
  return (n: number) => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s % n;
  };
}

const sentences = DEMO_ARTICLES.flatMap(([, , , body]) =>
  body
    .split(/(?<=[.!?])\s+/)
    .map((x) => x.replace(/[#*`>_-]+/g, ' ').trim())
    .filter((x) => x.length > 20),
);
const titles = DEMO_ARTICLES.map(([, title]) => title);

async function fill(dbh: DatabaseHandle, workspaceId: string): Promise<void> {
  const pick = lcg(7);
  const doc = () => Array.from({ length: 4 + pick(6) }, () => sentences[pick(sentences.length)]).join(' ');
  for (let start = 0; start < PER_KIND; start += 1_000)
    await dbh.db.transaction().execute(async (trx) => {
      for (let i = start; i < Math.min(PER_KIND, start + 1_000); i++) {
        await upsertDoc(trx, workspaceId, {
          kind: 'article',
          refId: `a-${i}`,
          externalId: `article-${i}`,
          title: `${titles[pick(titles.length)]} (${i})`,
          body: doc(),
          url: `/knowledge/articles/a-${i}`,
          updatedAt: '2026-11-01T09:00:00.000Z',
        });
        await upsertDoc(trx, workspaceId, {
          kind: 'ticket',
          refId: `t-${i}`,
          externalId: `T-${i}`,
          title: `Customer asks: ${(titles[pick(titles.length)] ?? '').toLowerCase()}`,
          body: doc(),
          url: `/support/tickets/t-${i}`,
          updatedAt: '2026-11-01T09:00:00.000Z',
        });
      }
    });
}

const percentile = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)] as number;
};

interface Figures {
  p50: number;
  p95: number;
  hits: number;
}

async function timed(questions: readonly string[], ask: (q: string) => Promise<number>): Promise<Figures> {
  for (const q of questions.slice(0, 10)) await ask(q); // warm the caches
  const ms: number[] = [];
  let hits = 0;
  for (let r = 0; r < ROUNDS; r++)
    for (const q of questions) {
      const t0 = performance.now();
      hits += await ask(q);
      ms.push(performance.now() - t0);
    }
  return { p50: percentile(ms, 50), p95: percentile(ms, 95), hits: hits / ROUNDS / questions.length };
}

async function measure(dbh: DatabaseHandle, questions: readonly string[]) {
  await migrateToLatest(dbh);
  const ws = await createWorkspace(dbh.db, SYSTEM_ACTOR, { slug: 'search-bench' });
  const t0 = performance.now();
  await fill(dbh, ws.id);
  const fillMs = performance.now() - t0;
  // A bulk load is analysed by PostgreSQL's autovacuum within a minute; searches after that use its statistics.
  if (dbh.caps.kind === 'postgres') await sql`analyze knowledge_search_docs`.execute(dbh.db);
  const scope = { workspaceId: ws.id, partnerId: null };
  const baton = await timed(
    questions,
    async (q) => (await searchKnowledge(dbh.db, scope, { query: q, limit: 10 })).length,
  );
  // The baseline: the same documents, any of the question's words anywhere in the title or body, ten of them.
  const plain = await timed(questions, async (q) => {
    const words = searchTerms(q).slice(0, 6);
    if (words.length === 0) return 0;
    const rows = await dbh.db
      .selectFrom('knowledge_search_docs')
      .select(['kind', 'ref_id', 'title'])
      .where('workspace_id', '=', ws.id)
      .where((eb) =>
        eb.or(words.flatMap((w) => [eb(sql`lower(title)`, 'like', `%${w}%`), eb(sql`lower(body)`, 'like', `%${w}%`)])),
      )
      .limit(10)
      .execute();
    return rows.length;
  });
  return {
    baton,
    plain,
    fillMs,
    agreement: dbh.caps.kind === 'postgres' ? await agreement(dbh, ws.id, questions) : null,
  };
}

/** How many of the ten documents found are among the ten found by scoring every document that holds any term. */
async function agreement(dbh: DatabaseHandle, workspaceId: string, questions: readonly string[]): Promise<number> {
  let same = 0;
  let shown = 0;
  for (const q of questions) {
    const terms = searchTerms(q);
    if (terms.length === 0) continue;
    const scope = { workspaceId, kinds: SEARCH_KINDS };
    const found = await searchDocsPostgres(dbh.db, scope, terms, 10);
    const every = new Set((await searchDocsPostgres(dbh.db, scope, terms, 10, Infinity)).map((h) => h.ref_id));
    same += found.filter((h) => every.has(h.ref_id)).length;
    shown += every.size;
  }
  return shown === 0 ? 1 : same / shown;
}

async function onPostgres(questions: readonly string[]) {
  const server =
    process.env.BATON_BENCH_DATABASE_URL ?? process.env.BATON_TEST_DATABASE_URL ?? process.env.BENCH_POSTGRES_URL;
  if (!server) return undefined;
  return onScratchPostgres(server, 'baton_bench_search', async (url) => {
    const dbh = await openDatabase(url);
    try {
      return await measure(dbh, questions);
    } finally {
      await dbh.close();
    }
  });
}

function report(engine: string, m: { baton: Figures; plain: Figures; fillMs: number; agreement: number | null }) {
  const line = (name: string, f: Figures) =>
    `  ${name.padEnd(34)} p50 ${fmt(f.p50, 1).padStart(7)} ms   p95 ${fmt(f.p95, 1).padStart(7)} ms   ` +
    `${fmt(f.hits, 1)} hits a question`;
  console.log(`${engine}: ${fmt(2 * PER_KIND)} documents indexed in ${fmt(m.fillMs / 1000, 1)} s`);
  console.log(line('plain LIKE select (baseline)', m.plain));
  console.log(line('Baton search (ranked, snippets)', m.baton));
  console.log(
    `  ratio Baton / baseline: p50 ×${fmt(m.baton.p50 / m.plain.p50, 2)}, p95 ×${fmt(m.baton.p95 / m.plain.p95, 2)}` +
      `   (goal: p95 under 100 ms: ${m.baton.p95 < 100 ? 'met' : 'missed'})`,
  );
  if (m.agreement !== null)
    console.log(`  top 10 shared with scoring every document that holds any word: ${fmt(100 * m.agreement, 1)} %`);
}

export async function run(): Promise<void> {
  const { questions } = JSON.parse(fs.readFileSync(path.join(ROOT, 'bench/retrieval/questions.json'), 'utf8')) as {
    questions: Array<{ question: string }>;
  };
  const asked = questions.map((q) => q.question);
  console.log(`${asked.length} questions, ${ROUNDS} rounds, top 10`);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'baton-bench-search-'));
  try {
    const dbh = await openDatabase(`sqlite:${path.join(dir, 'baton.db')}`);
    try {
      report('SQLite (FTS5)', await measure(dbh, asked));
    } finally {
      await dbh.close();
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  const pg = await onPostgres(asked);
  if (pg) report('PostgreSQL (full text)', pg);
  else console.log('PostgreSQL skipped: set BATON_BENCH_DATABASE_URL to a server that answers');
}
