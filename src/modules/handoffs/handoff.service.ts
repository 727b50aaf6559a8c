/** Reading handoff briefs: one with its deal, account, score, clarifications and history, and the lists. */
import type { Db } from '../../platform/db/database.ts';
import { AppError } from '../../platform/errors/app-error.ts';
import { decodeCursor, encodeCursor } from '../../platform/http/cursor.ts';
import { userNamesOf } from '../../platform/identity/identity.names.ts';
import { readSetting } from '../../platform/settings/settings.service.ts';
import { accountNamesOf, getAccount } from '../accounts/index.ts';
import { type DealFacts, dealFactsOf, getDeal, guardSetting } from '../deals/index.ts';
import { projectOfBrief } from './brief-project.service.ts';
import { type BriefField, type BriefState, briefContentSchema, scoreBrief } from './handoff.ts';
import { completenessSetting } from './handoff.settings.ts';
import * as store from './handoff.store.ts';
import type { BriefDetail, BriefSummary, Clarification } from './handoff.views.ts';

export type { BriefDetail, BriefEvent, BriefSummary, Clarification } from './handoff.views.ts';

/** The workspace's own scope: briefs are read by members of the workspace only. */
export const scopeOf = (workspaceId: string) => ({ workspaceId, partnerId: null });

export const toClarification = (r: store.ClarificationRow): Clarification => ({
  id: r.id,
  field: r.field as BriefField | null,
  question: r.question,
  repeated: r.repeated === 1,
  askedBy: r.asked_by,
  askedAt: r.asked_at,
  answer: r.answer,
  answeredBy: r.answered_by,
  answeredAt: r.answered_at,
});

/** The promised go-live a brief's content names, when it names a day. */
function promisedGoLiveOf(content: string): string | null {
  const v = (JSON.parse(content) as { promisedGoLive?: unknown }).promisedGoLive;
  return typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v) ? v : null;
}

/** A brief as lists show it, from its row, its deal, its account's name and its open clarifications (pure). */
function summarize(
  r: store.BriefRow,
  d: DealFacts,
  accountName: string | null,
  openClarifications: number,
): BriefSummary {
  return {
    id: r.id,
    dealId: r.deal_id,
    dealName: d.name,
    amount: d.amount,
    currency: d.currency,
    signedDate: d.signedDate,
    accountId: r.account_id,
    accountName: accountName ?? d.accountName,
    state: r.state as BriefState,
    completeness: r.completeness,
    aeUserId: r.ae_user_id,
    deliveryLeadUserId: r.delivery_lead_user_id,
    submittedAt: r.submitted_at,
    acceptedAt: r.accepted_at,
    returnedAt: r.returned_at,
    returnReasons: r.return_reasons ? (JSON.parse(r.return_reasons) as string[]) : [],
    dealReopenedAt: r.deal_reopened_at,
    promisedGoLive: promisedGoLiveOf(r.content),
    openClarifications,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

export async function loadBrief(db: Db, workspaceId: string, id: string): Promise<store.BriefRow> {
  const row = await store.findBrief(db, workspaceId, id);
  if (!row) throw AppError.notFound('handoff brief');
  return row;
}

export async function getBrief(db: Db, workspaceId: string, id: string): Promise<BriefDetail> {
  const r = await loadBrief(db, workspaceId, id);
  const req = await readSetting(db, workspaceId, guardSetting);
  const deal = await getDeal(db, workspaceId, r.deal_id, req);
  const account = r.account_id ? await getAccount(db, scopeOf(workspaceId), r.account_id).catch(() => null) : null;
  const content = briefContentSchema.parse(JSON.parse(r.content));
  const config = await readSetting(db, workspaceId, completenessSetting);
  const clarifications = await store.selectClarifications(db, workspaceId, id);
  // The history names people as they are called today, not by the email they signed in with.
  const events = await store.selectEvents(db, workspaceId, id);
  const actorIds = events.map((e) => e.actor_id).filter((a): a is string => a !== null);
  const people = await userNamesOf(db, workspaceId, [...new Set(actorIds)]);
  return {
    ...summarize(r, deal, account?.name ?? null, clarifications.filter((c) => c.answered_at === null).length),
    content,
    score: scoreBrief(content, config, account?.segment ?? null, Boolean(deal.partnerName ?? account?.partnerId)),
    deal,
    account,
    clarifications: clarifications.map(toClarification),
    projectId: await projectOfBrief(db, workspaceId, id),
    events: events.map((e) => ({
      at: e.at,
      actor: (e.actor_id && people.get(e.actor_id)) || e.actor_label,
      from: e.from_state as BriefState | null,
      to: e.to_state as BriefState,
      completeness: e.completeness,
      note: e.note,
    })),
  };
}

const isKey = (v: unknown): v is { updatedAt: string; id: string } =>
  typeof v === 'object' &&
  v !== null &&
  typeof (v as { id?: unknown }).id === 'string' &&
  typeof (v as { updatedAt?: unknown }).updatedAt === 'string';

export async function listBriefs(
  db: Db,
  workspaceId: string,
  opts: { limit: number; cursor?: string; states?: BriefState[]; accountId?: string; dealId?: string; userId?: string },
): Promise<{ items: BriefSummary[]; nextCursor: string | null; counts: Record<string, number> }> {
  const rows = await store.selectBriefs(db, workspaceId, {
    ...opts,
    before: decodeCursor(opts.cursor, isKey),
    limit: opts.limit + 1,
  });
  const page = rows.slice(0, opts.limit);
  // Three queries for the page, whatever its length: the deals, the accounts' names, the open clarifications.
  const deals = await dealFactsOf(
    db,
    workspaceId,
    page.map((r) => r.deal_id),
  );
  const accounts = await accountNamesOf(
    db,
    workspaceId,
    page.flatMap((r) => r.account_id ?? []),
  );
  const open = await store.countOpenClarifications(
    db,
    workspaceId,
    page.map((r) => r.id),
  );
  const items = page.map((r) => {
    const d = deals.get(r.deal_id);
    if (!d) throw AppError.notFound('deal');
    return summarize(r, d, (r.account_id && accounts.get(r.account_id)) || null, open.get(r.id) ?? 0);
  });
  const last = items.at(-1);
  return {
    items,
    nextCursor: rows.length > opts.limit && last ? encodeCursor({ updatedAt: last.updatedAt, id: last.id }) : null,
    counts: await store.countBriefsByState(db, workspaceId),
  };
}

/** A version tag for `ETag` / `If-Match`: it changes whenever the brief does. */
export const briefVersion = (b: { id: string; updatedAt: string }): string => `"${b.id}:${b.updatedAt}"`;
