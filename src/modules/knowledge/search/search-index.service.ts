/** Keeps the search index in step with what it covers: articles and lessons on each write, the rest by reindexing. */
import type { Db } from '../../../platform/db/database.ts';
import type { Article } from '../article.ts';
import { plainText } from './search-doc.ts';
import { deleteDoc, upsertDoc } from './search.store.ts';

/** A published article is searchable; a draft or a deleted one is not. */
export async function indexArticle(db: Db, workspaceId: string, article: Article): Promise<void> {
  if (article.status !== 'published') return unindexArticle(db, workspaceId, article.id);
  await upsertDoc(db, workspaceId, {
    kind: 'article',
    refId: article.id,
    externalId: article.externalId,
    title: article.title,
    body: `${plainText(article.body)}\n${article.tags.join(' ')}`,
    url: `/knowledge/articles/${article.id}`,
    updatedAt: article.updatedAt,
  });
}

export const unindexArticle = async (db: Db, workspaceId: string, articleId: string): Promise<void> => {
  await deleteDoc(db, workspaceId, 'article', articleId);
};
