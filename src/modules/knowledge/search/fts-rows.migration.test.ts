import { type Kysely, sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { createDatabaseAt } from '../../../../test/helpers/test-db.ts';
import type { DatabaseHandle } from '../../../platform/db/database.ts';
import { scopedFtsMatch } from './query.ts';
import { SEARCH_KINDS } from './search-doc.ts';

/**
 * SQLite's full-text index, rebuilt with each document's scope and found through `knowledge_search_fts_rows`:
 * documents indexed before the migration stay found, in their workspace and kind only, and an update or a delete
 * after it changes the index row of that document only.
 */
const BEFORE = '2026-12-06T2300-deflections';
const open: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const close of open.splice(0)) await close();
});

const raw = (dbh: DatabaseHandle) => dbh.db as unknown as Kysely<any>;

const doc = (id: string, title: string, body: string, workspace = 'w1') => ({
  id,
  workspace_id: workspace,
  kind: 'article',
  ref_id: `r-${id}`,
  external_id: null,
  title,
  body,
  url: `/knowledge/articles/r-${id}`,
  updated_at: '2026-12-01T00:00:00.000Z',
});

/** The documents of workspace w1 holding the word, as the search asks the index (scoped, title and body). */
const found = async (dbh: DatabaseHandle, word: string) =>
  (
    await sql<{ doc_id: string }>`select doc_id from knowledge_search_fts
      where knowledge_search_fts match ${scopedFtsMatch('w1', ['article'], SEARCH_KINDS, [word])}
      order by doc_id`.execute(dbh.db)
  ).rows.map((r) => r.doc_id);

describe('the search index rows migration', () => {
  it('keeps what was indexed and keeps the index in step with each document afterwards', async (ctx) => {
    const at = await createDatabaseAt(BEFORE);
    open.push(at.close);
    if (!at.dbh.sqlite) return ctx.skip(); // PostgreSQL keeps its tsvector in the document's own row
    const db = raw(at.dbh);
    await db
      .insertInto('workspaces')
      .values(['w1', 'w2'].map((id) => ({ id, slug: id, name: id, created_at: '2026-11-01T00:00:00.000Z' })))
      .execute();
    await db
      .insertInto('knowledge_search_docs')
      .values([
        doc('d1', 'Okta sign-on', 'Paste the metadata URL.'),
        doc('d2', 'Invoices', 'Billing sends invoices monthly.'),
        doc('d3', 'Okta groups', 'Groups sync every hour.'),
        doc('d5', 'Okta elsewhere', 'Another workspace’s article.', 'w2'),
        { ...doc('d6', 'Okta ticket', 'A ticket, not an article.'), kind: 'ticket' },
      ])
      .execute();
    const { error } = await at.migrator.migrateToLatest();
    expect(error).toBeUndefined();

    expect(await found(at.dbh, 'okta')).toEqual(['d1', 'd3']);
    await db.updateTable('knowledge_search_docs').set({ title: 'Entra sign-on' }).where('id', '=', 'd1').execute();
    await db.deleteFrom('knowledge_search_docs').where('id', '=', 'd3').execute();
    await db
      .insertInto('knowledge_search_docs')
      .values(doc('d4', 'Okta again', 'A new one.'))
      .execute();
    expect(await found(at.dbh, 'okta')).toEqual(['d4']);
    expect(await found(at.dbh, 'entra')).toEqual(['d1']);
    expect(await found(at.dbh, 'invoices')).toEqual(['d2']);
    const counts = await sql<{ fts: number; rows: number; docs: number }>`select
      (select count(*) from knowledge_search_fts) as fts, (select count(*) from knowledge_search_fts_rows) as rows,
      (select count(*) from knowledge_search_docs) as docs`.execute(at.dbh.db);
    expect(counts.rows[0]).toEqual({ fts: 5, rows: 5, docs: 5 });

    // And back down: the index as it was, kept by its own column again.
    const down = await at.migrator.migrateTo(BEFORE);
    expect(down.error).toBeUndefined();
    await db.deleteFrom('knowledge_search_docs').where('id', '=', 'd4').execute();
    const left = await sql<{ doc_id: string }>`select doc_id from knowledge_search_fts
      where knowledge_search_fts match 'okta' order by doc_id`.execute(at.dbh.db);
    expect(left.rows.map((r) => r.doc_id)).toEqual(['d5', 'd6']);
  });
});
