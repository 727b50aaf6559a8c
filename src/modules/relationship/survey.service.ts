/**
 * Recording survey answers (from the API, a file or the demo) and reading them back. Each answer finds its
 * account (a Baton id, a CRM id, a domain, a name, or its contact's account) and its contact (by id or email);
 * what cannot be found, a score out of range or an answer from the future is reported by row, never written.
 */
import {
  accountNameIndex,
  accountsByReference,
  type ContactKey,
  contactsByEmails,
  contactsByIds,
} from '../accounts/index.ts';
import type { Db } from '../../platform/db/database.ts';
import { publish } from '../../platform/events/domain-events.ts';
import { newId } from '../../platform/ids.ts';
import type { BatchOutcome, RowError } from '../../platform/imports/import-run.ts';
import { scoreProblem, type SurveyKind } from './sentiment.ts';
import * as store from './survey.store.ts';
import { ratingOf, type SurveyRecord, type SurveyResponse, surveyKey } from './survey.ts';

export const toSurveyResponse = (r: store.SurveyRow): SurveyResponse => ({
  id: r.id,
  accountId: r.account_id,
  contactId: r.contact_id,
  contactEmail: r.contact_email,
  kind: r.kind as SurveyKind,
  score: Number(r.score),
  rating: ratingOf(r.kind as SurveyKind, Number(r.score)),
  comment: r.comment,
  respondedAt: r.responded_at,
  milestone: r.milestone,
  source: r.source,
  createdAt: r.created_at,
});

/** The fields a problem of an answer names, as the import names them (the API renames them). */
export type SurveyProblemField = 'account' | 'contact_id' | 'contact_email' | 'score' | 'responded_at';

export interface SurveyBatchOptions {
  workspaceId: string;
  /** `api`, `csv` or `demo`. */
  source: string;
  /** The clock: an answer after it is refused. */
  now: Date;
}

export interface SurveyBatchResult extends BatchOutcome {
  /** The answers, in the batch's order, new or already there; refused ones left out. */
  responses: Array<{ row: number; response: SurveyResponse }>;
  accountIds: string[];
}

/** The contact an answer names and the account it belongs to, or the problem. */
function contactOf(
  r: SurveyRecord,
  byId: Map<string, ContactKey>,
  byEmail: Map<string, ContactKey[]>,
  accountId: string | null,
): { contact: ContactKey | null } | { error: RowError['reason']; field: SurveyProblemField } {
  if (r.contactId) {
    const c = byId.get(r.contactId);
    if (!c) return { field: 'contact_id', error: `no contact ${r.contactId} in this workspace` };
    return { contact: c };
  }
  if (!r.contactEmail) return { contact: null };
  const candidates = byEmail.get(r.contactEmail) ?? [];
  const fitting = accountId ? candidates.filter((c) => c.accountId === accountId) : candidates;
  if (fitting.length > 1 && !accountId)
    return { field: 'contact_email', error: `${r.contactEmail} is a contact of several accounts: name the account` };
  return { contact: fitting[0] ?? null };
}

/**
 * Records a batch of answers in the caller's transaction: each new one once (an answer sent again is unchanged),
 * and publishes `relationship.survey-recorded` for the accounts that got new answers.
 */
export async function applySurveyBatch(
  db: Db,
  opts: SurveyBatchOptions,
  batch: ReadonlyArray<{ row: number; record: SurveyRecord }>,
): Promise<SurveyBatchResult> {
  const { workspaceId } = opts;
  const records = batch.map((b) => b.record);
  const refs = await accountsByReference(
    db,
    workspaceId,
    records.flatMap((r) => [r.accountRef, r.accountName].filter((x): x is string => Boolean(x))),
  );
  const names = records.some((r) => r.accountName && !r.accountRef) ? await accountNameIndex(db, workspaceId) : null;
  const byId = await contactsByIds(
    db,
    workspaceId,
    records.flatMap((r) => (r.contactId ? [r.contactId] : [])),
  );
  const byEmail = await contactsByEmails(
    db,
    workspaceId,
    records.flatMap((r) => (r.contactEmail ? [r.contactEmail] : [])),
  );
  const now = opts.now.toISOString();
  const errors: RowError[] = [];
  const ready: Array<{ row: number; row_: ReturnType<typeof rowOf> }> = [];
  for (const { row, record: r } of batch) {
    const fail = (field: SurveyProblemField, reason: string) => errors.push({ row, field, reason });
    const before = errors.length;
    const problem = scoreProblem(r.kind, r.score);
    if (problem) fail('score', problem);
    if (r.respondedAt > now) fail('responded_at', `${r.respondedAt} is in the future`);
    let accountId: string | null = null;
    if (r.accountRef) {
      accountId = refs.get(r.accountRef) ?? null;
      if (!accountId) fail('account', `no account is known by "${r.accountRef}" (a Baton id, a CRM id or a domain)`);
    } else if (r.accountName) {
      // A name, else a domain or id written where the name goes.
      accountId = names?.get(r.accountName.trim().toLowerCase()) ?? refs.get(r.accountName) ?? null;
      if (!accountId) fail('account', `no single account is named "${r.accountName}"`);
    }
    const found = contactOf(r, byId, byEmail, accountId);
    let contact: ContactKey | null = null;
    if ('error' in found) fail(found.field, found.error);
    else contact = found.contact;
    if (contact && accountId && contact.accountId !== accountId)
      fail(r.contactId ? 'contact_id' : 'contact_email', `the contact is a stakeholder of another account`);
    accountId ??= contact?.accountId ?? null;
    if (!accountId && errors.length === before)
      fail('account', 'name the account, or a contact Baton knows (by id or email)');
    if (errors.length > before || !accountId) continue;
    ready.push({ row, row_: rowOf(r, opts, accountId, contact, now) });
  }
  const existing = new Map(
    (
      await store.selectSurveyKeys(
        db,
        workspaceId,
        ready.map((x) => x.row_.dedupe_key),
      )
    ).map((e) => [e.dedupe_key, e]),
  );
  const fresh: store.SurveyRow[] = [];
  const responses: SurveyBatchResult['responses'] = [];
  let unchanged = 0;
  for (const { row, row_ } of ready) {
    const known = existing.get(row_.dedupe_key);
    if (known) {
      unchanged++;
      responses.push({ row, response: toSurveyResponse(known) });
      continue;
    }
    existing.set(row_.dedupe_key, row_);
    fresh.push(row_);
    responses.push({ row, response: toSurveyResponse(row_) });
  }
  await store.insertSurveys(db, fresh);
  const accountIds = [...new Set(fresh.map((f) => f.account_id))];
  if (accountIds.length > 0) await publish(db, 'relationship.survey-recorded', { workspaceId, accountIds });
  return { created: fresh.length, updated: 0, unchanged, errors, responses, accountIds };
}

function rowOf(r: SurveyRecord, opts: SurveyBatchOptions, accountId: string, contact: ContactKey | null, now: string) {
  const email = r.contactEmail ?? contact?.email ?? null;
  return {
    id: newId(),
    workspace_id: opts.workspaceId,
    account_id: accountId,
    contact_id: contact?.id ?? null,
    contact_email: email,
    kind: r.kind,
    score: r.score,
    comment: r.comment,
    responded_at: r.respondedAt,
    milestone: r.milestone,
    source: opts.source,
    dedupe_key: surveyKey(opts.source, r, accountId, contact?.id ?? email),
    created_at: now,
  };
}

export interface SurveyQuery {
  accountId?: string;
  kind?: SurveyKind;
  from?: string;
  to?: string;
  limit: number;
}

/** Answers newest first. */
export async function listSurveys(db: Db, workspaceId: string, q: SurveyQuery): Promise<SurveyResponse[]> {
  return (await store.selectSurveys(db, workspaceId, q)).map(toSurveyResponse);
}
