/** Articles written, imported, drafted and read: every save that changes an article is a new version. */
import { recordAudit } from '../../platform/audit/audit.service.ts';
import type { Actor } from '../../platform/auth/principal.ts';
import type { Db } from '../../platform/db/database.ts';
import { AppError } from '../../platform/errors/app-error.ts';
import { decodeCursor, encodeCursor } from '../../platform/http/cursor.ts';
import { newId } from '../../platform/ids.ts';
import type { BatchOutcome } from '../../platform/imports/import-run.ts';
import {
  type Article,
  type ArticleContent,
  type ArticleRecord,
  type ArticleSource,
  type ArticleStatus,
  type ArticleVersion,
  contentHash,
} from './article.ts';
import * as store from './article.store.ts';
import { indexArticle, unindexArticle } from './search/search-index.service.ts';
import { queueKnowledgeSignals } from './signals/materials-stale.queue.ts';

/** Whether any of these tag lists puts an article among a playbook's onboarding materials. */
const ofPlaybook = (...tagLists: ReadonlyArray<readonly string[]>): boolean =>
  tagLists.some((tags) => tags.some((t) => t.startsWith('playbook:')));

export const toArticle = (r: store.ArticleRow): Article => ({
  id: r.id,
  externalId: r.external_id,
  title: r.title,
  body: r.body,
  tags: JSON.parse(r.tags) as string[],
  status: r.status as ArticleStatus,
  source: r.source as ArticleSource,
  sourceRef: r.source_ref,
  version: r.version,
  createdBy: r.created_by,
  createdAt: r.created_at,
  updatedBy: r.updated_by,
  updatedAt: r.updated_at,
});

const toVersion = (r: store.ArticleVersionRow): ArticleVersion => ({
  version: r.version,
  title: r.title,
  body: r.body,
  tags: JSON.parse(r.tags) as string[],
  status: r.status as ArticleStatus,
  savedBy: r.saved_by,
  savedAt: r.saved_at,
});

const versionRow = (workspaceId: string, a: Article): store.ArticleVersionRow => ({
  id: newId(),
  workspace_id: workspaceId,
  article_id: a.id,
  version: a.version,
  title: a.title,
  body: a.body,
  tags: JSON.stringify(a.tags),
  status: a.status,
  saved_by: a.updatedBy,
  saved_at: a.updatedAt,
});

const contentOf = (a: Article): ArticleContent => ({ title: a.title, body: a.body, tags: a.tags, status: a.status });

export interface NewArticle {
  /** Its id in its source; the new article's own id when none is given. */
  externalId?: string;
  content: ArticleContent;
  source: ArticleSource;
  sourceRef?: string | null;
}

/** Writes a new article (version 1), refusing an external id the workspace already has. */
async function insertNew(db: Db, workspaceId: string, by: string, input: NewArticle, now: string): Promise<Article> {
  const id = newId();
  const article: Article = {
    id,
    externalId: input.externalId ?? id,
    ...input.content,
    source: input.source,
    sourceRef: input.sourceRef ?? null,
    version: 1,
    createdBy: by,
    createdAt: now,
    updatedBy: by,
    updatedAt: now,
  };
  await store.insertArticle(db, {
    id,
    workspace_id: workspaceId,
    external_id: article.externalId,
    title: article.title,
    body: article.body,
    tags: JSON.stringify(article.tags),
    status: article.status,
    source: article.source,
    source_ref: article.sourceRef,
    version: 1,
    content_hash: contentHash(input.content),
    created_by: by,
    created_at: now,
    updated_by: by,
    updated_at: now,
  });
  await store.insertVersion(db, versionRow(workspaceId, article));
  await indexArticle(db, workspaceId, article);
  return article;
}

/** Saves new content over an article as its next version (nothing when the content is the same). */
async function saveVersion(
  db: Db,
  workspaceId: string,
  by: string,
  before: Article,
  content: ArticleContent,
  now: string,
): Promise<Article | null> {
  if (contentHash(content) === contentHash(contentOf(before))) return null;
  const after: Article = { ...before, ...content, version: before.version + 1, updatedBy: by, updatedAt: now };
  await store.updateArticleRow(db, workspaceId, before.id, {
    title: after.title,
    body: after.body,
    tags: JSON.stringify(after.tags),
    status: after.status,
    version: after.version,
    content_hash: contentHash(content),
    updated_by: by,
    updated_at: now,
  });
  await store.insertVersion(db, versionRow(workspaceId, after));
  await indexArticle(db, workspaceId, after);
  return after;
}

const summaryOf = (a: Article) => ({ externalId: a.externalId, title: a.title, status: a.status, version: a.version });

/** A new article from a person or a draft, audited. */
export async function createArticle(
  db: Db,
  actor: Actor,
  workspaceId: string,
  input: NewArticle,
  now: string,
): Promise<Article> {
  if (input.externalId !== undefined) {
    const [taken] = await store.selectArticlesByExternalIds(db, workspaceId, [input.externalId]);
    if (taken)
      throw new AppError('conflict', `body.externalId: the workspace already has an article "${input.externalId}"`, {
        fieldErrors: [
          { field: 'body.externalId', message: `the workspace already has an article "${input.externalId}"` },
        ],
      });
  }
  const article = await insertNew(db, workspaceId, actor.label, input, now);
  await recordAudit(db, {
    workspaceId,
    actor,
    action: 'article.create',
    entityType: 'article',
    entityId: article.id,
    after: summaryOf(article),
  });
  if (ofPlaybook(article.tags)) await queueKnowledgeSignals(db, workspaceId);
  return article;
}

export async function getArticle(db: Db, workspaceId: string, id: string): Promise<Article> {
  const row = await store.selectArticle(db, workspaceId, id);
  if (!row) throw AppError.notFound('article');
  return toArticle(row);
}

/** Changes an article: a new version when its content changes, audited. */
export async function updateArticle(
  db: Db,
  actor: Actor,
  workspaceId: string,
  id: string,
  patch: Partial<ArticleContent>,
  now: string,
): Promise<Article> {
  const before = await getArticle(db, workspaceId, id);
  const after = await saveVersion(db, workspaceId, actor.label, before, { ...contentOf(before), ...patch }, now);
  if (!after) return before;
  await recordAudit(db, {
    workspaceId,
    actor,
    action: 'article.update',
    entityType: 'article',
    entityId: id,
    before: summaryOf(before),
    after: summaryOf(after),
  });
  if (ofPlaybook(before.tags, after.tags)) await queueKnowledgeSignals(db, workspaceId);
  return after;
}

/** Deletes an article with its versions and its place in the search index, audited. */
export async function deleteArticle(db: Db, actor: Actor, workspaceId: string, id: string): Promise<void> {
  const before = await getArticle(db, workspaceId, id);
  await unindexArticle(db, workspaceId, id);
  await store.deleteVersions(db, workspaceId, id);
  await store.deleteArticleRow(db, workspaceId, id);
  await recordAudit(db, {
    workspaceId,
    actor,
    action: 'article.delete',
    entityType: 'article',
    entityId: id,
    before: summaryOf(before),
  });
  if (ofPlaybook(before.tags)) await queueKnowledgeSignals(db, workspaceId);
}

export interface ArticleFilter {
  status?: ArticleStatus;
  tags?: string[];
  limit: number;
  cursor?: string;
}

const isKey = (v: unknown): v is { title: string; id: string } =>
  typeof v === 'object' &&
  v !== null &&
  typeof (v as { title?: unknown }).title === 'string' &&
  typeof (v as { id?: unknown }).id === 'string';

/** A page of articles by title, of a status and with every tag asked. */
export async function listArticles(
  db: Db,
  workspaceId: string,
  filter: ArticleFilter,
): Promise<{ items: Article[]; nextCursor: string | null }> {
  const rows = await store.selectArticles(db, workspaceId, { ...filter, after: decodeCursor(filter.cursor, isKey) });
  const page = rows.slice(0, filter.limit);
  const last = page.at(-1);
  return {
    items: page.map(toArticle),
    nextCursor: rows.length > filter.limit && last ? encodeCursor({ title: last.title, id: last.id }) : null,
  };
}

export async function listVersions(db: Db, workspaceId: string, id: string): Promise<ArticleVersion[]> {
  await getArticle(db, workspaceId, id);
  return (await store.selectVersions(db, workspaceId, id)).map(toVersion);
}

export async function getVersion(db: Db, workspaceId: string, id: string, version: number): Promise<ArticleVersion> {
  const row = await store.selectVersion(db, workspaceId, id, version);
  if (!row) throw AppError.notFound('article version');
  return toVersion(row);
}

/**
 * Stores a batch of imported articles keyed by external id: a new one is created, one with new content gets a new
 * version, one with the same content is left alone. A later row of the same id in one batch wins.
 */
export async function applyArticleBatch(
  db: Db,
  ctx: { workspaceId: string; by: string; now: string },
  batch: ReadonlyArray<{ row: number; record: ArticleRecord }>,
): Promise<BatchOutcome> {
  const out: BatchOutcome = { created: 0, updated: 0, unchanged: 0, errors: [] };
  let playbookChanged = false;
  const known = new Map<string, Article>();
  const ids = [...new Set(batch.map((b) => b.record.externalId))];
  for (const row of await store.selectArticlesByExternalIds(db, ctx.workspaceId, ids))
    known.set(row.external_id, toArticle(row));
  for (const { record } of batch) {
    const { externalId, fileName, ...content } = record;
    const before = known.get(externalId);
    if (!before) {
      const created = await insertNew(
        db,
        ctx.workspaceId,
        ctx.by,
        { externalId, content, source: 'import', sourceRef: fileName },
        ctx.now,
      );
      known.set(externalId, created);
      out.created += 1;
      playbookChanged ||= ofPlaybook(created.tags);
      continue;
    }
    const after = await saveVersion(db, ctx.workspaceId, ctx.by, before, content, ctx.now);
    if (after) {
      known.set(externalId, after);
      out.updated += 1;
      playbookChanged ||= ofPlaybook(before.tags, after.tags);
    } else out.unchanged += 1;
  }
  if (playbookChanged) await queueKnowledgeSignals(db, ctx.workspaceId);
  return out;
}
