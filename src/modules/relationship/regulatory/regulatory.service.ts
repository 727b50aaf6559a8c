/**
 * Regulatory events and reviews: record an event, review it for an account, list each event with the accounts in
 * its scope, and raise or resolve `regulatory.review_needed` (the rule in `regulatory.ts`).
 */
import { recordAudit } from '../../../platform/audit/audit.service.ts';
import type { Actor } from '../../../platform/auth/principal.ts';
import type { DialectCapabilities } from '../../../platform/db/capabilities.ts';
import type { Db } from '../../../platform/db/database.ts';
import { AppError } from '../../../platform/errors/app-error.ts';
import { newId } from '../../../platform/ids.ts';
import { readSetting } from '../../../platform/settings/settings.service.ts';
import { listAccounts } from '../../accounts/index.ts';
import { reconcileSignals } from '../../signals/index.ts';
import {
  inScope,
  type RegulatoryEvent,
  reviewFrom,
  reviewsNeeded,
  type ScopedAccount,
  subjectOf,
} from './regulatory.ts';
import { regulatorySignalsSetting } from './regulatory.settings.ts';
import * as store from './regulatory.store.ts';

const KIND = 'regulatory.review_needed' as const;

export interface ReviewView {
  accountId: string;
  accountName: string;
  industry: string | null;
  region: string | null;
  review: { by: string; at: string; note: string | null } | null;
}

export interface EventView extends RegulatoryEvent {
  createdBy: string;
  /** The first day accounts in scope are asked for a review (the effective day minus the lead time). */
  reviewFrom: string;
  inScope: number;
  reviewed: number;
  accounts: ReviewView[];
}

const toEvent = (r: store.EventRow): RegulatoryEvent => ({
  id: r.id,
  name: r.name,
  industries: JSON.parse(r.industries) as string[],
  regions: JSON.parse(r.regions) as string[],
  effectiveOn: r.effective_on,
  note: r.note,
  createdAt: r.created_at,
});

async function allAccounts(db: Db, caps: DialectCapabilities, workspaceId: string): Promise<ScopedAccount[]> {
  const out: ScopedAccount[] = [];
  let cursor: string | undefined;
  do {
    const page = await listAccounts(db, caps, { workspaceId, partnerId: null }, { limit: 200, cursor });
    for (const a of page.items)
      out.push({ id: a.id, name: a.name, industry: a.industry, region: a.region, lifecyclePhase: a.lifecyclePhase });
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return out;
}

/** Every event, newest effective day first, with its accounts in scope and their reviews. */
export async function listRegulatoryEvents(
  db: Db,
  caps: DialectCapabilities,
  workspaceId: string,
): Promise<EventView[]> {
  const [events, reviews, accounts, settings] = await Promise.all([
    store.selectEvents(db, workspaceId),
    store.selectReviews(db, workspaceId),
    allAccounts(db, caps, workspaceId),
    readSetting(db, workspaceId, regulatorySignalsSetting),
  ]);
  const byKey = new Map(reviews.map((r) => [subjectOf(r.event_id, r.account_id), r]));
  return events.map((row) => {
    const e = toEvent(row);
    const scoped = accounts.filter((a) => inScope(e, a));
    const views = scoped.map((a): ReviewView => {
      const r = byKey.get(subjectOf(e.id, a.id));
      return {
        accountId: a.id,
        accountName: a.name,
        industry: a.industry,
        region: a.region,
        review: r ? { by: r.reviewed_by_label, at: r.at, note: r.note } : null,
      };
    });
    return {
      ...e,
      createdBy: row.created_by_label,
      reviewFrom: reviewFrom(e.effectiveOn, settings.reviewNeeded.leadDays),
      inScope: views.length,
      reviewed: views.filter((v) => v.review).length,
      accounts: views,
    };
  });
}

export interface NewRegulatoryEvent {
  name: string;
  industries: string[];
  regions: string[];
  effectiveOn: string;
  note?: string | null;
}

/** Records an event and raises the reviews it needs today. The caller owns the transaction. */
export async function createRegulatoryEvent(
  db: Db,
  caps: DialectCapabilities,
  actor: Actor,
  workspaceId: string,
  input: NewRegulatoryEvent,
  now: Date,
): Promise<string> {
  const id = newId();
  const row = {
    id,
    workspace_id: workspaceId,
    name: input.name,
    industries: JSON.stringify(input.industries),
    regions: JSON.stringify(input.regions),
    effective_on: input.effectiveOn,
    note: input.note ?? null,
    created_at: now.toISOString(),
    created_by_label: actor.label,
  };
  await store.insertEvent(db, row);
  await recordAudit(db, {
    workspaceId,
    actor,
    action: 'regulatory_event.create',
    entityType: 'regulatory_event',
    entityId: id,
    after: input,
  });
  await evaluateRegulatorySignals(db, caps, workspaceId, now.toISOString().slice(0, 10));
  return id;
}

/** Links an account's review to an event, which closes its signal. One review per account and event. */
export async function reviewRegulatoryEvent(
  db: Db,
  caps: DialectCapabilities,
  actor: Actor,
  workspaceId: string,
  eventId: string,
  input: { accountId: string; note?: string | null },
  now: Date,
): Promise<void> {
  const event = await store.findEvent(db, workspaceId, eventId);
  if (!event) throw AppError.notFound('regulatory event');
  if (await store.findReview(db, workspaceId, eventId, input.accountId))
    throw new AppError('conflict', 'this account has already reviewed this event');
  const accounts = await allAccounts(db, caps, workspaceId);
  const account = accounts.find((a) => a.id === input.accountId);
  if (!account || !inScope(toEvent(event), account))
    throw AppError.validation('body.accountId', 'the account is not in the event’s scope (industry and region)');
  await store.insertReview(db, {
    id: newId(),
    workspace_id: workspaceId,
    event_id: eventId,
    account_id: input.accountId,
    reviewed_by_user_id: actor.type === 'user' ? actor.id : null,
    reviewed_by_label: actor.label,
    at: now.toISOString(),
    note: input.note ?? null,
  });
  await recordAudit(db, {
    workspaceId,
    actor,
    action: 'regulatory_event.review',
    entityType: 'regulatory_event',
    entityId: eventId,
    after: input,
  });
  await evaluateRegulatorySignals(db, caps, workspaceId, now.toISOString().slice(0, 10));
}

/** Raises `regulatory.review_needed` where a review is due and missing, and resolves the rest, as of `asOf`. */
export async function evaluateRegulatorySignals(
  db: Db,
  caps: DialectCapabilities,
  workspaceId: string,
  asOf: string,
): Promise<{ accounts: number; raised: number; resolved: number }> {
  const [rows, reviews, accounts, settings] = await Promise.all([
    store.selectEvents(db, workspaceId),
    store.selectReviews(db, workspaceId),
    allAccounts(db, caps, workspaceId),
    readSetting(db, workspaceId, regulatorySignalsSetting),
  ]);
  const events = rows.map(toEvent);
  const reviewed = new Set(reviews.map((r) => subjectOf(r.event_id, r.account_id)));
  const held = settings.reviewNeeded.enabled
    ? reviewsNeeded(events, accounts, reviewed, asOf, settings.reviewNeeded.leadDays)
    : [];
  const subjects = events.flatMap((e) => accounts.map((a) => subjectOf(e.id, a.id)));
  const out = await reconcileSignals(
    db,
    workspaceId,
    { kinds: [KIND], subjectIds: subjects },
    held.map((h) => ({
      workspaceId,
      kind: KIND,
      accountId: h.accountId,
      severity: h.severity,
      subjectType: 'regulatory_review',
      subjectId: h.subjectId,
      title: h.title,
      evidence: h.evidence,
    })),
    'reviewed, out of scope, or the rule is off',
  );
  const scoped = new Set(accounts.filter((a) => events.some((e) => inScope(e, a))).map((a) => a.id));
  return { accounts: scoped.size, ...out };
}
