/**
 * Brings the index's copies of other modules' records up to date: resolved tickets (support's face) and handoff
 * briefs (handoffs' face). A ticket no longer resolved, or a record gone, leaves the index.
 */
import type { Db } from '../../../platform/db/database.ts';
import { getBrief, listBriefs } from '../../handoffs/index.ts';
import { listTickets } from '../../support/index.ts';
import { isResolved } from '../draft.ts';
import { plainText } from './search-doc.ts';
import { deleteDoc, selectDocRefs, upsertDoc } from './search.store.ts';

export interface ReindexCounts {
  indexed: number;
  removed: number;
}

export async function reindexTickets(db: Db, workspaceId: string): Promise<ReindexCounts> {
  const known = new Map((await selectDocRefs(db, workspaceId, 'ticket')).map((d) => [d.ref_id, d]));
  const seen = new Set<string>();
  let indexed = 0;
  let cursor: string | undefined;
  do {
    const page = await listTickets(db, workspaceId, { limit: 500, cursor });
    for (const t of page.items) {
      if (!isResolved(t)) continue;
      seen.add(t.id);
      const updatedAt = t.updatedAt ?? t.solvedAt ?? t.createdAt;
      const title = t.subject?.trim() || `Ticket ${t.externalId}`;
      const before = known.get(t.id);
      if (before && before.updated_at === updatedAt && before.title === title) continue;
      await upsertDoc(db, workspaceId, {
        kind: 'ticket',
        refId: t.id,
        externalId: t.externalId,
        title,
        body: plainText(`${t.description ?? ''}\n${t.tags.join(' ')}`),
        url: `/support?ticket=${t.id}`,
        updatedAt,
      });
      indexed += 1;
    }
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  let removed = 0;
  for (const id of known.keys())
    if (!seen.has(id)) {
      await deleteDoc(db, workspaceId, 'ticket', id);
      removed += 1;
    }
  return { indexed, removed };
}

/** Every text of a brief's content (strings of any depth), one a line. */
export const textsOf = (value: unknown): string[] =>
  typeof value === 'string'
    ? value.trim()
      ? [value.trim()]
      : []
    : Array.isArray(value)
      ? value.flatMap(textsOf)
      : value && typeof value === 'object'
        ? Object.values(value).flatMap(textsOf)
        : [];

export async function reindexBriefs(db: Db, workspaceId: string): Promise<ReindexCounts> {
  const known = new Map((await selectDocRefs(db, workspaceId, 'brief')).map((d) => [d.ref_id, d]));
  const seen = new Set<string>();
  let indexed = 0;
  let cursor: string | undefined;
  do {
    const page = await listBriefs(db, workspaceId, { limit: 200, cursor });
    for (const b of page.items) {
      seen.add(b.id);
      const title = `Handoff brief: ${b.accountName ?? b.dealName}`;
      const before = known.get(b.id);
      if (before && before.updated_at === b.updatedAt && before.title === title) continue;
      const brief = await getBrief(db, workspaceId, b.id);
      await upsertDoc(db, workspaceId, {
        kind: 'brief',
        refId: b.id,
        externalId: null,
        title,
        body: [b.dealName, ...textsOf(brief.content)].join('\n'),
        url: `/deals/handoffs/${b.id}`,
        updatedAt: b.updatedAt,
      });
      indexed += 1;
    }
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  let removed = 0;
  for (const id of known.keys())
    if (!seen.has(id)) {
      await deleteDoc(db, workspaceId, 'brief', id);
      removed += 1;
    }
  return { indexed, removed };
}

/** Every kind kept by reindexing, for one workspace. */
export async function reindexWorkspace(db: Db, workspaceId: string): Promise<ReindexCounts> {
  const tickets = await reindexTickets(db, workspaceId);
  const briefs = await reindexBriefs(db, workspaceId);
  return { indexed: tickets.indexed + briefs.indexed, removed: tickets.removed + briefs.removed };
}
