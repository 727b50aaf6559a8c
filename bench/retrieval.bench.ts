/**
 * Retrieval: the labelled questions of `bench/retrieval/questions.json` (customers' words, not the titles) asked of
 * the demo knowledge base through Baton's search (SQLite FTS5; and PostgreSQL full text on the server
 * BENCH_POSTGRES_URL names, when it answers), against a plain BM25 baseline in the same run (raw lower-case tokens,
 * k1 1.2, b 0.75, no stemming, no stop words, title and body as one text). Prints MRR@5 and recall@5 of each and
 * the ratio Baton / baseline.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { writeDemoKnowledge } from '../src/demo/knowledge.writer.ts';
import { DEMO_ARTICLES } from '../src/demo/knowledge.ts';
import { searchKnowledge } from '../src/modules/knowledge/index.ts';
import { SYSTEM_ACTOR } from '../src/platform/auth/principal.ts';
import { type DatabaseHandle, openDatabase } from '../src/platform/db/database.ts';
import { migrateToLatest } from '../src/platform/db/migrate.ts';
import { createWorkspace } from '../src/platform/identity/workspace.service.ts';
import { onScratchPostgres, ROOT } from './lib.ts';

const K = 5;
interface Question {
  question: string;
  relevant: string[];
}

/** The figures of one ranker over every question. */
function figures(questions: readonly Question[], ranked: ReadonlyArray<readonly string[]>) {
  let rr = 0;
  let recall = 0;
  questions.forEach((q, i) => {
    const top = (ranked[i] ?? []).slice(0, K);
    const first = top.findIndex((id) => q.relevant.includes(id));
    rr += first >= 0 ? 1 / (first + 1) : 0;
    recall += q.relevant.filter((id) => top.includes(id)).length / q.relevant.length;
  });
  return { mrr: rr / questions.length, recall: recall / questions.length };
}

/** Plain BM25 over raw lower-case tokens, as a search engine without any language handling would rank. */
function bm25Baseline(docs: ReadonlyArray<{ id: string; text: string }>) {
  const tokens = (s: string) => s.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  const k1 = 1.2;
  const b = 0.75;
  const tf = docs.map((d) => {
    const m = new Map<string, number>();
    for (const t of tokens(d.text)) m.set(t, (m.get(t) ?? 0) + 1);
    return m;
  });
  const len = docs.map((d) => tokens(d.text).length);
  const avg = len.reduce((a, x) => a + x, 0) / docs.length;
  const df = new Map<string, number>();
  for (const m of tf) for (const t of m.keys()) df.set(t, (df.get(t) ?? 0) + 1);
  const idf = (t: string) => Math.log(1 + (docs.length - (df.get(t) ?? 0) + 0.5) / ((df.get(t) ?? 0) + 0.5));
  return (query: string): string[] => {
    const terms = [...new Set(tokens(query))];
    return docs
      .map((d, i) => {
        let score = 0;
        for (const t of terms) {
          const f = tf[i]!.get(t) ?? 0;
          if (f) score += (idf(t) * f * (k1 + 1)) / (f + k1 * (1 - b + (b * len[i]!) / avg));
        }
        return { id: d.id, score };
      })
      .filter((x) => x.score > 0)
      .sort((x, y) => y.score - x.score || x.id.localeCompare(y.id))
      .slice(0, K)
      .map((x) => x.id);
  };
}

async function askBaton(dbh: DatabaseHandle, questions: readonly Question[]): Promise<string[][]> {
  await migrateToLatest(dbh);
  const ws = await createWorkspace(dbh.db, SYSTEM_ACTOR, { slug: 'retrieval' });
  await dbh.db.transaction().execute((trx) => writeDemoKnowledge(trx, { workspaceId: ws.id, today: new Date() }));
  const out: string[][] = [];
  for (const q of questions) {
    const hits = await searchKnowledge(
      dbh.db,
      { workspaceId: ws.id, partnerId: null },
      { query: q.question, limit: K, kinds: ['article'] },
    );
    out.push(hits.map((h) => h.external_id ?? h.id));
  }
  return out;
}

async function onPostgres(questions: readonly Question[]): Promise<string[][] | undefined> {
  const server = process.env.BENCH_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  return onScratchPostgres(server, 'baton_bench_retrieval', async (url) => {
    const dbh = await openDatabase(url);
    try {
      return await askBaton(dbh, questions);
    } finally {
      await dbh.close();
    }
  });
}

const line = (name: string, f: { mrr: number; recall: number }) =>
  `  ${name.padEnd(26)} MRR@${K} ${f.mrr.toFixed(3)}   recall@${K} ${f.recall.toFixed(3)}`;

export async function run(): Promise<void> {
  const { questions } = JSON.parse(fs.readFileSync(path.join(ROOT, 'bench/retrieval/questions.json'), 'utf8')) as {
    questions: Question[];
  };
  const docs = DEMO_ARTICLES.map(([id, title, , body]) => ({ id, text: `${title}\n${body}` }));
  const baselineRank = bm25Baseline(docs);
  const baseline = figures(
    questions,
    questions.map((q) => baselineRank(q.question)),
  );
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'baton-retrieval-'));
  let sqlite: { mrr: number; recall: number };
  try {
    const dbh = await openDatabase(`sqlite:${path.join(dir, 'baton.db')}`);
    try {
      sqlite = figures(questions, await askBaton(dbh, questions));
    } finally {
      await dbh.close();
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  const postgres = await onPostgres(questions);
  const pgFigures = postgres ? figures(questions, postgres) : undefined;
  console.log(`${questions.length} questions, ${docs.length} articles, top ${K}`);
  console.log(line('plain BM25 (baseline)', baseline));
  console.log(line('Baton on SQLite (FTS5)', sqlite));
  if (pgFigures) console.log(line('Baton on PostgreSQL', pgFigures));
  else console.log('  Baton on PostgreSQL        skipped: no server at BENCH_POSTGRES_URL');
  const ratio = (a: number, b: number) => (b === 0 ? '∞' : (a / b).toFixed(2));
  console.log(
    `  ratio Baton/baseline: SQLite MRR ×${ratio(sqlite.mrr, baseline.mrr)}, recall ` +
      `×${ratio(sqlite.recall, baseline.recall)}` +
      (pgFigures
        ? `; PostgreSQL MRR ×${ratio(pgFigures.mrr, baseline.mrr)}, recall ×${ratio(pgFigures.recall, baseline.recall)}`
        : ''),
  );
}
