import { type Kysely, sql, SqliteAdapter } from 'kysely';

// Frozen in time: migrations never import application code.

const isSqlite = (db: Kysely<any>) => db.getExecutor().adapter instanceof SqliteAdapter;

const insertTrigger = sql`create trigger knowledge_search_docs_ai after insert on knowledge_search_docs begin
  insert into knowledge_search_fts (title, body, doc_id) values (new.title, new.body, new.id);
  insert into knowledge_search_fts_rows (doc_id, fts_rowid) values (new.id, last_insert_rowid()); end`;

const deleteTrigger = sql`create trigger knowledge_search_docs_ad after delete on knowledge_search_docs begin
  delete from knowledge_search_fts
    where rowid = (select fts_rowid from knowledge_search_fts_rows where doc_id = old.id);
  delete from knowledge_search_fts_rows where doc_id = old.id; end`;

const updateTrigger = sql`create trigger knowledge_search_docs_au after update of title, body on knowledge_search_docs
  begin
  delete from knowledge_search_fts
    where rowid = (select fts_rowid from knowledge_search_fts_rows where doc_id = old.id);
  insert into knowledge_search_fts (title, body, doc_id) values (new.title, new.body, new.id);
  update knowledge_search_fts_rows set fts_rowid = last_insert_rowid() where doc_id = new.id; end`;

/**
 * SQLite: each search document's row in the full-text index is found through a table of its own
 * (`knowledge_search_fts_rows`: document id → index row), where the index's unindexed `doc_id` column made every
 * update and delete read the whole index (40 ms a document at 50,000). PostgreSQL keeps its `tsvector` in the row.
 */
export async function up(db: Kysely<any>): Promise<void> {
  if (!isSqlite(db)) return;
  await sql`create table knowledge_search_fts_rows (
    doc_id text primary key, fts_rowid integer not null)`.execute(db);
  await sql`insert into knowledge_search_fts_rows (doc_id, fts_rowid)
    select doc_id, rowid from knowledge_search_fts`.execute(db);
  for (const name of ['ai', 'ad', 'au']) await sql.raw(`drop trigger knowledge_search_docs_${name}`).execute(db);
  for (const trigger of [insertTrigger, deleteTrigger, updateTrigger]) await trigger.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  if (!isSqlite(db)) return;
  for (const name of ['ai', 'ad', 'au']) await sql.raw(`drop trigger knowledge_search_docs_${name}`).execute(db);
  await sql`drop table knowledge_search_fts_rows`.execute(db);
  await sql`create trigger knowledge_search_docs_ai after insert on knowledge_search_docs begin
    insert into knowledge_search_fts (title, body, doc_id) values (new.title, new.body, new.id); end`.execute(db);
  await sql`create trigger knowledge_search_docs_ad after delete on knowledge_search_docs begin
    delete from knowledge_search_fts where doc_id = old.id; end`.execute(db);
  await sql`create trigger knowledge_search_docs_au after update on knowledge_search_docs begin
    delete from knowledge_search_fts where doc_id = old.id;
    insert into knowledge_search_fts (title, body, doc_id) values (new.title, new.body, new.id); end`.execute(db);
}
