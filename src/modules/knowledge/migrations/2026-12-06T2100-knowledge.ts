import { type Kysely, sql, SqliteAdapter } from 'kysely';

// Frozen in time: migrations never import application code.

const isSqlite = (db: Kysely<any>) => db.getExecutor().adapter instanceof SqliteAdapter;

/**
 * Articles and their versions, project lessons and decisions, and the search documents with their full-text index:
 * on SQLite an FTS5 table (porter stemming over unicode61) kept in step with the documents by triggers; on
 * PostgreSQL a stored `tsvector` (title weight A, body weight D) behind a GIN index.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('knowledge_articles')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('external_id', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('tags', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('source_ref', 'text')
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('content_hash', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('knowledge_articles_external', ['workspace_id', 'external_id'])
    .execute();
  await db.schema
    .createIndex('knowledge_articles_updated')
    .on('knowledge_articles')
    .columns(['workspace_id', 'updated_at'])
    .execute();

  await db.schema
    .createTable('knowledge_article_versions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('article_id', 'text', (c) => c.notNull().references('knowledge_articles.id').onDelete('cascade'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('tags', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('saved_by', 'text', (c) => c.notNull())
    .addColumn('saved_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('knowledge_article_versions_number', ['article_id', 'version'])
    .execute();

  await db.schema
    .createTable('knowledge_project_lessons')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('project_id', 'text', (c) => c.notNull().references('projects.id').onDelete('cascade'))
    .addColumn('milestone', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('author', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('knowledge_project_lessons_project')
    .on('knowledge_project_lessons')
    .columns(['workspace_id', 'project_id', 'created_at'])
    .execute();

  await db.schema
    .createTable('knowledge_search_docs')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('ref_id', 'text', (c) => c.notNull())
    .addColumn('external_id', 'text')
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('url', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('knowledge_search_docs_ref', ['workspace_id', 'kind', 'ref_id'])
    .execute();

  if (isSqlite(db)) {
    await sql`create virtual table knowledge_search_fts using fts5(
      title, body, doc_id unindexed, tokenize = 'porter unicode61 remove_diacritics 2')`.execute(db);
    await sql`create trigger knowledge_search_docs_ai after insert on knowledge_search_docs begin
      insert into knowledge_search_fts (title, body, doc_id) values (new.title, new.body, new.id); end`.execute(db);
    await sql`create trigger knowledge_search_docs_ad after delete on knowledge_search_docs begin
      delete from knowledge_search_fts where doc_id = old.id; end`.execute(db);
    await sql`create trigger knowledge_search_docs_au after update on knowledge_search_docs begin
      delete from knowledge_search_fts where doc_id = old.id;
      insert into knowledge_search_fts (title, body, doc_id) values (new.title, new.body, new.id); end`.execute(db);
  } else {
    await sql`alter table knowledge_search_docs add column tsv tsvector generated always as (
      setweight(to_tsvector('english', title), 'A') || setweight(to_tsvector('english', body), 'D')) stored`.execute(
      db,
    );
    await sql`create index knowledge_search_docs_tsv on knowledge_search_docs using gin (tsv)`.execute(db);
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  if (isSqlite(db)) await sql`drop table if exists knowledge_search_fts`.execute(db);
  await db.schema.dropTable('knowledge_search_docs').execute();
  await db.schema.dropTable('knowledge_project_lessons').execute();
  await db.schema.dropTable('knowledge_article_versions').execute();
  await db.schema.dropTable('knowledge_articles').execute();
}
