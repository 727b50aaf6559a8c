import { recordAudit } from '../../platform/audit/audit.service.ts';
import type { Actor } from '../../platform/auth/principal.ts';
import type { Db } from '../../platform/db/database.ts';
import { projectIdOfHandoff, startProjectForHandoff } from '../delivery/projects/project.service.ts';
import { AppError } from '../../platform/errors/app-error.ts';
import { decodeCursor, encodeCursor } from '../../platform/http/cursor.ts';
import { getMember } from '../../platform/identity/member.service.ts';
import { newId, nowIso } from '../../platform/ids.ts';
import { readSetting } from '../../platform/settings/settings.service.ts';
import { accountNamesOf, getAccount, updateAccount } from '../accounts/index.ts';
import { type DealFacts, dealFactsOf, getDeal, guardSetting } from '../deals/index.ts';
import { raiseSignal, resolveSignals } from '../signals/index.ts';
import {
  BRIEF_FIELD_LABELS,
  type BriefAction,
  type BriefField,
  type BriefState,
  briefContentSchema,
  describeField,
  fieldWasFilled,
  nextState,
  scoreBrief,
} from './handoff.ts';
import { completenessSetting } from './handoff.settings.ts';
import * as store from './handoff.store.ts';
import type { BriefDetail, BriefSummary, Clarification } from './handoff.views.ts';
import { userNamesOf } from '../../platform/identity/identity.names.ts';

export type { BriefDetail, BriefEvent, BriefSummary, Clarification } from './handoff.views.ts';

const scopeOf = (workspaceId: string) => ({ workspaceId, partnerId: null });

const toClarification = (r: store.ClarificationRow): Clarification => ({
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

async function loadBrief(db: Db, workspaceId: string, id: string): Promise<store.BriefRow> {
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
    projectId: await projectIdOfHandoff(db, workspaceId, id),
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

function check(state: BriefState, action: BriefAction): BriefState {
  const next = nextState(state, action);
  if (!next.ok) throw new AppError('conflict', next.reason);
  return next.state;
}

const later = (now: string, before: string): string =>
  now > before ? now : new Date(Date.parse(before) + 1).toISOString();

async function logEvent(
  db: Db,
  workspaceId: string,
  briefId: string,
  actor: Actor,
  from: BriefState | null,
  to: BriefState,
  completeness: number,
  note: string | null,
) {
  await store.insertEvent(db, {
    id: newId(),
    workspace_id: workspaceId,
    brief_id: briefId,
    at: nowIso(),
    actor_label: actor.label,
    actor_id: actor.id,
    from_state: from,
    to_state: to,
    completeness,
    note,
  });
}

/** Replaces the brief's content (and, optionally, links it to an account) while it is a draft or returned. */
export async function updateBriefContent(
  db: Db,
  actor: Actor,
  workspaceId: string,
  id: string,
  input: { content: unknown; accountId?: string | null },
  ifMatch?: string,
): Promise<BriefDetail> {
  const before = await getBrief(db, workspaceId, id);
  if (ifMatch && ifMatch !== briefVersion(before)) {
    throw new AppError(
      'precondition_failed',
      'someone changed this brief since you opened it: reload and apply your change again',
    );
  }
  check(before.state, 'edit');
  const parsed = briefContentSchema.safeParse(input.content);
  if (!parsed.success) {
    throw new AppError(
      'validation',
      parsed.error.issues.map((i) => `content.${i.path.join('.')}: ${i.message}`).join('; '),
      {
        fieldErrors: parsed.error.issues.map((i) => ({
          field: ['body', 'content', ...i.path].join('.'),
          message: i.message,
        })),
      },
    );
  }
  let account = before.account;
  if (input.accountId !== undefined && input.accountId !== before.accountId) {
    account = input.accountId
      ? await getAccount(db, scopeOf(workspaceId), input.accountId).catch(() => {
          throw AppError.validation('body.accountId', 'no such account in this workspace');
        })
      : null;
  }
  const config = await readSetting(db, workspaceId, completenessSetting);
  const score = scoreBrief(
    parsed.data,
    config,
    account?.segment ?? null,
    Boolean(before.deal.partnerName ?? account?.partnerId),
  );
  await store.updateBrief(db, workspaceId, id, {
    content: JSON.stringify(parsed.data),
    completeness: score.completeness,
    account_id: account?.id ?? null,
    ae_user_id: before.aeUserId ?? account?.aeUserId ?? null,
    updated_at: later(nowIso(), before.updatedAt),
  });
  const after = await getBrief(db, workspaceId, id);
  await recordAudit(db, {
    workspaceId,
    actor,
    action: 'handoff.update',
    entityType: 'handoff_brief',
    entityId: id,
    before: before.content,
    after: after.content,
  });
  return after;
}

/** The account executive hands the brief to delivery. Required fields must be filled; a thin brief raises a signal. */
export async function submitBrief(
  db: Db,
  actor: Actor,
  workspaceId: string,
  id: string,
  note?: string,
): Promise<BriefDetail> {
  const before = await getBrief(db, workspaceId, id);
  const to = check(before.state, 'submit');
  if (before.score.missingRequired.length > 0) {
    const names = before.score.missingRequired.map((f) => BRIEF_FIELD_LABELS[f]).join(', ');
    throw new AppError('conflict', `fill the required fields before submitting: ${names}`, {
      fieldErrors: before.score.missingRequired.map((f) => ({
        field: `content.${f}`,
        message: 'required before submitting',
      })),
    });
  }
  const now = nowIso();
  await store.updateBrief(db, workspaceId, id, {
    state: to,
    submitted_at: now,
    updated_at: later(now, before.updatedAt),
  });
  await logEvent(db, workspaceId, id, actor, before.state, to, before.completeness, note ?? null);
  const { completeness, threshold } = before.score;
  if (completeness < threshold) {
    await raiseSignal(db, {
      workspaceId,
      kind: 'handoff.thin_brief',
      accountId: before.accountId,
      severity: completeness < threshold - 30 ? 'severe' : 'warning',
      subjectType: 'handoff_brief',
      subjectId: id,
      title: `${before.dealName}: brief submitted ${completeness} % complete (threshold ${threshold} %)`,
      evidence: {
        completeness,
        threshold,
        submittedAt: now,
        incomplete: before.score.fields
          .filter((f) => f.status !== 'filled')
          .map((f) => ({ field: f.label, status: f.status, weight: f.weight, hint: f.hint })),
      },
    });
  } else {
    await resolveSignals(db, workspaceId, 'handoff.thin_brief', id, `resubmitted ${completeness} % complete`);
  }
  const after = await getBrief(db, workspaceId, id);
  await recordAudit(db, {
    workspaceId,
    actor,
    action: 'handoff.submit',
    entityType: 'handoff_brief',
    entityId: id,
    before: { state: before.state },
    after: { state: after.state, completeness },
  });
  return after;
}

/** Delivery returns the brief to the account executive, saying what is missing or wrong. */
export async function returnBrief(
  db: Db,
  actor: Actor,
  workspaceId: string,
  id: string,
  reasons: string[],
): Promise<BriefDetail> {
  const before = await getBrief(db, workspaceId, id);
  const to = check(before.state, 'return');
  const now = nowIso();
  await store.updateBrief(db, workspaceId, id, {
    state: to,
    returned_at: now,
    return_reasons: JSON.stringify(reasons),
    updated_at: later(now, before.updatedAt),
  });
  await logEvent(db, workspaceId, id, actor, before.state, to, before.completeness, reasons.join('; '));
  const after = await getBrief(db, workspaceId, id);
  await recordAudit(db, {
    workspaceId,
    actor,
    action: 'handoff.return',
    entityType: 'handoff_brief',
    entityId: id,
    before: { state: before.state },
    after: { state: to, reasons },
  });
  return after;
}

/**
 * Delivery accepts the brief: the first ownership handoff (account executive → delivery lead) is recorded
 * and dated, and the account gets its delivery lead.
 */
export async function acceptBrief(
  db: Db,
  actor: Actor,
  workspaceId: string,
  id: string,
  input: { deliveryLeadUserId?: string | null; note?: string },
): Promise<BriefDetail> {
  const before = await getBrief(db, workspaceId, id);
  const to = check(before.state, 'accept');
  if (before.dealReopenedAt)
    throw new AppError(
      'conflict',
      'the deal was reopened in the CRM; it must be won and confirmed again before delivery accepts it',
    );
  if (!before.account) throw new AppError('conflict', 'link the brief to a customer account before accepting it');
  const leadId =
    input.deliveryLeadUserId ?? (actor.type === 'user' ? actor.id : null) ?? before.account.deliveryLeadUserId;
  if (!leadId) throw AppError.validation('body.deliveryLeadUserId', 'name the delivery lead who takes the account');
  await getMember(db, workspaceId, leadId).catch(() => {
    throw AppError.validation('body.deliveryLeadUserId', 'is not a member of this workspace');
  });
  const now = nowIso();
  await store.updateBrief(db, workspaceId, id, {
    state: to,
    accepted_at: now,
    delivery_lead_user_id: leadId,
    updated_at: later(now, before.updatedAt),
  });
  await logEvent(db, workspaceId, id, actor, before.state, to, before.completeness, input.note ?? null);
  const account = before.account;
  await updateAccount(db, actor, scopeOf(workspaceId), account.id, { deliveryLeadUserId: leadId });
  await store.insertOwnershipHandoff(db, {
    id: newId(),
    workspace_id: workspaceId,
    account_id: account.id,
    from_role: 'ae',
    to_role: 'delivery_lead',
    from_user_id: before.aeUserId ?? account.aeUserId,
    to_user_id: leadId,
    brief_id: id,
    at: now,
    note: input.note ?? null,
  });
  // Delivery starts: the project comes from the playbook the deal's products and the account's segment select.
  await startProjectForHandoff(db, actor, {
    workspaceId,
    handoffId: id,
    accountId: account.id,
    accountName: account.name,
    segment: account.segment,
    partnerId: account.partnerId,
    dealId: before.deal.id,
    dealName: before.deal.name,
    products: before.deal.products,
    signedOn: before.deal.signedDate,
    promisedGoLive: before.content.promisedGoLive,
    servicesSold: before.deal.terms.servicesSold,
    currency: before.deal.currency,
    leadUserId: leadId,
  });
  const after = await getBrief(db, workspaceId, id);
  await recordAudit(db, {
    workspaceId,
    actor,
    action: 'handoff.accept',
    entityType: 'handoff_brief',
    entityId: id,
    before: { state: before.state },
    after: { state: to, deliveryLeadUserId: leadId },
  });
  return after;
}

/**
 * Delivery asks a question the brief should have answered. Asked about a field the brief had already
 * filled, it is a *repeated requirement*: the customer is asked twice, and a stage-1 signal says so.
 */
export async function askClarification(
  db: Db,
  actor: Actor,
  workspaceId: string,
  briefId: string,
  input: { field: BriefField | null; question: string },
): Promise<Clarification> {
  const brief = await getBrief(db, workspaceId, briefId);
  if (brief.state === 'draft')
    throw new AppError('conflict', 'the brief is still a draft: questions start once it is submitted');
  const repeated = input.field !== null && fieldWasFilled(brief.content, input.field);
  const row = {
    id: newId(),
    workspace_id: workspaceId,
    brief_id: briefId,
    field: input.field,
    question: input.question,
    repeated: repeated ? 1 : 0,
    asked_by: actor.type === 'user' ? actor.id : null,
    asked_at: nowIso(),
    answer: null,
    answered_by: null,
    answered_at: null,
  };
  await store.insertClarification(db, row);
  if (repeated && input.field) {
    const all = (await store.selectClarifications(db, workspaceId, briefId)).filter((c) => c.repeated === 1);
    await raiseSignal(db, {
      workspaceId,
      kind: 'handoff.repeated_requirement',
      accountId: brief.accountId,
      severity: all.length >= 3 ? 'severe' : 'warning',
      subjectType: 'handoff_brief',
      subjectId: briefId,
      title: `${brief.dealName}: delivery asked ${all.length} question${all.length > 1 ? 's' : ''} the brief already answered`,
      evidence: {
        repeatedQuestions: all.length,
        latest: {
          field: BRIEF_FIELD_LABELS[input.field],
          question: input.question,
          briefSaid: describeField(brief.content, input.field),
        },
        fields: [...new Set(all.map((c) => BRIEF_FIELD_LABELS[c.field as BriefField] ?? c.field))],
      },
    });
  }
  await store.updateBrief(db, workspaceId, briefId, { updated_at: later(nowIso(), brief.updatedAt) });
  await recordAudit(db, {
    workspaceId,
    actor,
    action: 'handoff.clarification_ask',
    entityType: 'handoff_brief',
    entityId: briefId,
    after: { field: input.field, question: input.question, repeated },
  });
  return toClarification(row);
}

export async function answerClarification(
  db: Db,
  actor: Actor,
  workspaceId: string,
  briefId: string,
  clarificationId: string,
  answer: string,
): Promise<Clarification> {
  await loadBrief(db, workspaceId, briefId);
  const row = await store.findClarification(db, workspaceId, briefId, clarificationId);
  if (!row) throw AppError.notFound('clarification');
  const patch = { answer, answered_by: actor.type === 'user' ? actor.id : null, answered_at: nowIso() };
  await store.updateClarification(db, clarificationId, patch);
  await recordAudit(db, {
    workspaceId,
    actor,
    action: 'handoff.clarification_answer',
    entityType: 'handoff_brief',
    entityId: briefId,
    before: { answer: row.answer },
    after: { answer },
  });
  return toClarification({ ...row, ...patch });
}
