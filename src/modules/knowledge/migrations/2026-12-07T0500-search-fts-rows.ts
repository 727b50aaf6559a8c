import { type Kysely, sql, SqliteAdapter } from 'kysely';

// Frozen in time: migrations never import application code.

const isSqlite = (db: Kysely<any>) => db.getExecutor().adapter instanceof SqliteAdapter;

/**
 * A workspace id as one search token the porter tokenizer leaves alone: dashes out, then 9 → 90 and a…f → 91…96 (no
 * code is the start of another, so two ids never meet), after a `w`. The same rule is `workspaceToken` in query.ts.
 */
const code = (column: string) =>
  `'w' || ${[
    ['9', '90'],
    ['a', '91'],
    ['b', '92'],
    ['c', '93'],
    ['d', '94'],
    ['e', '95'],
    ['f', '96'],
  ].reduce((expr, [from, to]) => `replace(${expr}, '${from}', '${to}')`, `replace(${column}, '-', '')`)}`;
const scope = (row: string) =>
  `${code(`${row}.workspace_id`)} || ' ' || ${code(`${row}.workspace_id`)} || 'k' || ${row}.kind`;

const createIndex = sql`create virtual table knowledge_search_fts using fts5(
  title, body, scope, doc_id unindexed, tokenize = 'porter unicode61 remove_diacritics 2')`;

const triggers = [
  sql.raw(`create trigger knowledge_search_docs_ai after insert on knowledge_search_docs begin
    insert into knowledge_search_fts (title, body, scope, doc_id) values (new.title, new.body, ${scope('new')}, new.id);
    insert into knowledge_search_fts_rows (doc_id, fts_rowid) values (new.id, last_insert_rowid()); end`),
  sql.raw(`create trigger knowledge_search_docs_ad after delete on knowledge_search_docs begin
    delete from knowledge_search_fts
      where rowid = (select fts_rowid from knowledge_search_fts_rows where doc_id = old.id);
    delete from knowledge_search_fts_rows where doc_id = old.id; end`),
  sql.raw(`create trigger knowledge_search_docs_au after update of title, body on knowledge_search_docs begin
    delete from knowledge_search_fts
      where rowid = (select fts_rowid from knowledge_search_fts_rows where doc_id = old.id);
    insert into knowledge_search_fts (title, body, scope, doc_id) values (new.title, new.body, ${scope('new')}, new.id);
    update knowledge_search_fts_rows set fts_rowid = last_insert_rowid() where doc_id = new.id; end`),
];

/**
 * SQLite's full-text index, rebuilt: each row also holds its document's scope (a token for the workspace, one for
 * the workspace and kind), so a search is answered by the index alone and only the best rows are read from the
 * documents; and each document's index row is found through `knowledge_search_fts_rows` (document id → index row),
 * where the index's unindexed `doc_id` made every update and delete read the whole index. PostgreSQL keeps its
 * `tsvector` in the document's row.
 */
export async function up(db: Kysely<any>): Promise<void> {
  if (!isSqlite(db)) return;
  for (const name of ['ai', 'ad', 'au']) await sql.raw(`drop trigger knowledge_search_docs_${name}`).execute(db);
  await sql`drop table knowledge_search_fts`.execute(db);
  await createIndex.execute(db);
  await sql`create table knowledge_search_fts_rows (doc_id text primary key, fts_rowid integer not null)`.execute(db);
  await sql
    .raw(
      `insert into knowledge_search_fts (title, body, scope, doc_id)
        select d.title, d.body, ${scope('d')}, d.id from knowledge_search_docs d order by d.rowid`,
    )
    .execute(db);
  await sql`insert into knowledge_search_fts_rows (doc_id, fts_rowid)
    select doc_id, rowid from knowledge_search_fts`.execute(db);
  for (const trigger of triggers) await trigger.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  if (!isSqlite(db)) return;
  for (const name of ['ai', 'ad', 'au']) await sql.raw(`drop trigger knowledge_search_docs_${name}`).execute(db);
  await sql`drop table knowledge_search_fts_rows`.execute(db);
  await sql`drop table knowledge_search_fts`.execute(db);
  await sql`create virtual table knowledge_search_fts using fts5(
    title, body, doc_id unindexed, tokenize = 'porter unicode61 remove_diacritics 2')`.execute(db);
  await sql`insert into knowledge_search_fts (title, body, doc_id)
    select title, body, id from knowledge_search_docs order by rowid`.execute(db);
  await sql`create trigger knowledge_search_docs_ai after insert on knowledge_search_docs begin
    insert into knowledge_search_fts (title, body, doc_id) values (new.title, new.body, new.id); end`.execute(db);
  await sql`create trigger knowledge_search_docs_ad after delete on knowledge_search_docs begin
    delete from knowledge_search_fts where doc_id = old.id; end`.execute(db);
  await sql`create trigger knowledge_search_docs_au after update on knowledge_search_docs begin
    delete from knowledge_search_fts where doc_id = old.id;
    insert into knowledge_search_fts (title, body, doc_id) values (new.title, new.body, new.id); end`.execute(db);
}
