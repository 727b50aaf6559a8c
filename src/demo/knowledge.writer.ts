/** Writes the demo's knowledge base through the knowledge module, published, then indexes its resolved tickets. */
import { applyArticleBatch, reindexWorkspace } from '../modules/knowledge/index.ts';
import type { Db } from '../platform/db/database.ts';
import { DEMO_ARTICLES } from './knowledge.ts';

export async function writeDemoKnowledge(
  db: Db,
  ctx: { workspaceId: string; today: Date },
): Promise<{ articles: number }> {
  const stored = await applyArticleBatch(
    db,
    { workspaceId: ctx.workspaceId, by: 'demo', now: ctx.today.toISOString() },
    DEMO_ARTICLES.map(([externalId, title, tags, body], i) => ({
      row: i + 1,
      record: { externalId, title, body, tags: [...tags], status: 'published' as const, fileName: null },
    })),
  );
  if (stored.errors.length) throw new Error(`the demo's articles do not fit: ${JSON.stringify(stored.errors[0])}`);
  await reindexWorkspace(db, ctx.workspaceId);
  return { articles: stored.created };
}
