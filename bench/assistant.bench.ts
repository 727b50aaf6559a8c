/**
 * The implementation assistant over the demo knowledge base: for the labelled questions of
 * `bench/retrieval/questions.json`, how often the answer's first cited source is an expected article; for the
 * out-of-scope questions of `bench/retrieval/unanswerable.json`, how often it says "I don't know"; and, for the
 * answerable ones, how often it wrongly says so. Extractive answers (no model), on SQLite. Baseline: the first
 * result of the plain search (`searchKnowledge`) for the same answerable questions, which always answers something.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { writeDemoKnowledge } from '../src/demo/knowledge.writer.ts';
import { answerQuestion, searchKnowledge } from '../src/modules/knowledge/index.ts';
import { SYSTEM_ACTOR } from '../src/platform/auth/principal.ts';
import { openDatabase } from '../src/platform/db/database.ts';
import { migrateToLatest } from '../src/platform/db/migrate.ts';
import { createWorkspace } from '../src/platform/identity/workspace.service.ts';
import { ROOT } from './lib.ts';

interface Question {
  question: string;
  relevant: string[];
}

const read = <T>(file: string): T => JSON.parse(fs.readFileSync(path.join(ROOT, 'bench/retrieval', file), 'utf8')) as T;
const pct = (n: number, of: number) => `${((100 * n) / Math.max(1, of)).toFixed(1)}% (${n}/${of})`;

export async function run(): Promise<void> {
  const { questions } = read<{ questions: Question[] }>('questions.json');
  const unanswerable = read<{ questions: string[] }>('unanswerable.json').questions;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'baton-assistant-'));
  const dbh = await openDatabase(`sqlite:${path.join(dir, 'baton.db')}`);
  try {
    await migrateToLatest(dbh);
    const ws = await createWorkspace(dbh.db, SYSTEM_ACTOR, { slug: 'assistant' });
    await dbh.db.transaction().execute((trx) => writeDemoKnowledge(trx, { workspaceId: ws.id, today: new Date() }));
    const scope = { workspaceId: ws.id, partnerId: null };
    const today = new Date().toISOString().slice(0, 10);
    const externalIds = new Map(
      (await dbh.db.selectFrom('knowledge_articles').select(['id', 'external_id']).execute()).map((a) => [
        a.id,
        a.external_id,
      ]),
    );
    let firstCited = 0;
    let wronglyUnknown = 0;
    let searchFirst = 0;
    const started = performance.now();
    for (const q of questions) {
      const a = await answerQuestion(dbh.db, scope, { question: q.question }, { today });
      const first = a.sources[0];
      if (!a.known) wronglyUnknown += 1;
      if (first && q.relevant.includes(externalIds.get(first.id) ?? '')) firstCited += 1;
      const [hit] = await searchKnowledge(dbh.db, scope, { query: q.question, limit: 1, kinds: ['article'] });
      if (hit && q.relevant.includes(hit.external_id ?? '')) searchFirst += 1;
    }
    let saidUnknown = 0;
    for (const q of unanswerable) {
      const a = await answerQuestion(dbh.db, scope, { question: q }, { today });
      if (!a.known) saidUnknown += 1;
    }
    const ms = (performance.now() - started) / (questions.length + unanswerable.length);
    console.log(`${questions.length} answerable questions, ${unanswerable.length} out of scope, extractive, SQLite`);
    console.log(`  first cited source is an expected article   ${pct(firstCited, questions.length)}`);
    console.log(`  baseline: search's first result is one      ${pct(searchFirst, questions.length)}`);
    console.log(`  "I don't know" on an answerable question    ${pct(wronglyUnknown, questions.length)}`);
    console.log(`  "I don't know" on an out-of-scope question  ${pct(saidUnknown, unanswerable.length)}`);
    console.log(`  ${ms.toFixed(1)} ms per answer (with the baseline's search)`);
  } finally {
    await dbh.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
