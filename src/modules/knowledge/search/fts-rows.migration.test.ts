import { type Kysely, sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { createDatabaseAt } from '../../../../test/helpers/test-db.ts';
import type { DatabaseHandle } from '../../../platform/db/database.ts';

/**
 * SQLite's full-text index finds a document's row through `knowledge_search_fts_rows`: documents indexed before the
 * migration stay found, and an update or a delete after it changes the index row of that document only.
 */
const BEFORE = '2026-12-06T2300-deflections';
const open: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const close of open.splice(0)) await close();
});

const raw = (dbh: DatabaseHandle) => dbh.db as unknown as Kysely<any>;

const doc = (id: string, title: string, body: string) => ({
  id,
  workspace_id: 'w1',
  kind: 'article',
  ref_id: `r-${id}`,
  external_id: null,
  title,
  body,
  url: `/knowledge/articles/r-${id}`,
  updated_at: '2026-12-01T00:00:00.000Z',
});

const found = async (dbh: DatabaseHandle, word: string) =>
  (
    await sql<{ doc_id: string }>`select doc_id from knowledge_search_fts where knowledge_search_fts match ${word}
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
      .values({ id: 'w1', slug: 'w1', name: 'w1', created_at: '2026-11-01T00:00:00.000Z' })
      .execute();
    await db
      .insertInto('knowledge_search_docs')
      .values([
        doc('d1', 'Okta sign-on', 'Paste the metadata URL.'),
        doc('d2', 'Invoices', 'Billing sends invoices monthly.'),
        doc('d3', 'Okta groups', 'Groups sync every hour.'),
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
    expect(counts.rows[0]).toEqual({ fts: 3, rows: 3, docs: 3 });

    // And back down: the index keeps answering through its own column again.
    const down = await at.migrator.migrateTo(BEFORE);
    expect(down.error).toBeUndefined();
    await db.deleteFrom('knowledge_search_docs').where('id', '=', 'd4').execute();
    expect(await found(at.dbh, 'okta')).toEqual([]);
  });
});
