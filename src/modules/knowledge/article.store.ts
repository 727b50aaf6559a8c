/** Articles and their versions in the database (Kysely); every query takes the workspace. */
import { type Selectable, sql } from 'kysely';
import type { Db } from '../../platform/db/database.ts';
import type { KnowledgeArticleTable, KnowledgeArticleVersionTable } from './knowledge.table.ts';

export type ArticleRow = Selectable<KnowledgeArticleTable>;
export type ArticleVersionRow = Selectable<KnowledgeArticleVersionTable>;

export const selectArticle = (db: Db, workspaceId: string, id: string) =>
  db
    .selectFrom('knowledge_articles')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .executeTakeFirst();

export const selectArticlesByExternalIds = (db: Db, workspaceId: string, externalIds: readonly string[]) =>
  externalIds.length === 0
    ? Promise.resolve([] as ArticleRow[])
    : db
        .selectFrom('knowledge_articles')
        .selectAll()
        .where('workspace_id', '=', workspaceId)
        .where('external_id', 'in', externalIds)
        .execute();

export interface ArticleQuery {
  status?: string;
  tags?: readonly string[];
  after?: { title: string; id: string };
  limit: number;
}

/** A page of articles by title (one more than asked, to tell whether another page follows). */
export async function selectArticles(db: Db, workspaceId: string, q: ArticleQuery): Promise<ArticleRow[]> {
  let query = db.selectFrom('knowledge_articles').selectAll().where('workspace_id', '=', workspaceId);
  if (q.status) query = query.where('status', '=', q.status);
  // Tags are a JSON list of normalised strings: each asked tag must appear as one of its quoted items.
  for (const tag of q.tags ?? []) {
    const pattern = `%${JSON.stringify(tag).replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    query = query.where(sql<boolean>`tags like ${pattern} escape '\\'`);
  }
  if (q.after) {
    const { title, id } = q.after;
    query = query.where((eb) => eb.or([eb('title', '>', title), eb.and([eb('title', '=', title), eb('id', '>', id)])]));
  }
  return query
    .orderBy('title')
    .orderBy('id')
    .limit(q.limit + 1)
    .execute();
}

export const insertArticle = (db: Db, row: ArticleRow) => db.insertInto('knowledge_articles').values(row).execute();

export const updateArticleRow = (db: Db, workspaceId: string, id: string, values: Partial<ArticleRow>) =>
  db
    .updateTable('knowledge_articles')
    .set(values)
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .execute();

export const deleteArticleRow = (db: Db, workspaceId: string, id: string) =>
  db.deleteFrom('knowledge_articles').where('workspace_id', '=', workspaceId).where('id', '=', id).execute();

export const insertVersion = (db: Db, row: ArticleVersionRow) =>
  db.insertInto('knowledge_article_versions').values(row).execute();

export const deleteVersions = (db: Db, workspaceId: string, articleId: string) =>
  db
    .deleteFrom('knowledge_article_versions')
    .where('workspace_id', '=', workspaceId)
    .where('article_id', '=', articleId)
    .execute();

export const selectVersions = (db: Db, workspaceId: string, articleId: string) =>
  db
    .selectFrom('knowledge_article_versions')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('article_id', '=', articleId)
    .orderBy('version', 'desc')
    .execute();

export const selectVersion = (db: Db, workspaceId: string, articleId: string, version: number) =>
  db
    .selectFrom('knowledge_article_versions')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('article_id', '=', articleId)
    .where('version', '=', version)
    .executeTakeFirst();
