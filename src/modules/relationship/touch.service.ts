/**
 * Recording touches (from the API, a CRM's activity export or the demo) and reading them back. A touch finds its
 * account by the id or name the source gives, else by its people: known contacts' account, else the one account
 * whose domain their addresses share. It moves each known contact's last touch forward (never back).
 */
import {
  accountNameIndex,
  accountsByReference,
  type ContactKey,
  contactsByEmails,
  contactsByReference,
  recordContactTouches,
} from '../accounts/index.ts';
import type { Db } from '../../platform/db/database.ts';
import { publish } from '../../platform/events/domain-events.ts';
import { newId } from '../../platform/ids.ts';
import type { BatchOutcome, RowError } from '../../platform/imports/import-run.ts';
import type { RelationshipTouchTable } from './relationship.table.ts';
import * as store from './touch.store.ts';
import { type Direction, domainOf, type Touch, type TouchKind, touchKey, type TouchRecord } from './touch.ts';

export const toTouch = (r: store.TouchRow): Touch => ({
  id: r.id,
  accountId: r.account_id,
  kind: r.kind as TouchKind,
  occurredAt: r.occurred_at,
  subject: r.subject,
  direction: r.direction as Direction | null,
  source: r.source,
  externalId: r.external_id,
  contactIds: JSON.parse(r.contact_ids) as string[],
  emails: JSON.parse(r.emails) as string[],
  createdAt: r.created_at,
});

/** The fields a problem of a touch names, as the import names them (the API renames them). */
export type TouchProblemField = 'account' | 'contact_email' | 'occurred_at';

export interface TouchBatchOptions {
  workspaceId: string;
  /** The clock: a touch after it has not happened yet and is refused. */
  now: Date;
}

export interface TouchBatchResult extends BatchOutcome {
  touches: Array<{ row: number; touch: Touch }>;
  accountIds: string[];
  /** Contacts whose last touch moved forward. */
  contactsTouched: number;
  /** Touches whose account was found by their addresses' domain alone. */
  byDomain: number;
}

const unique = <T>(xs: Iterable<T>): T[] => [...new Set(xs)];

/** Records a batch of touches in the caller's transaction; publishes `relationship.touched` for new ones. */
export async function applyTouchBatch(
  db: Db,
  opts: TouchBatchOptions,
  batch: ReadonlyArray<{ row: number; record: TouchRecord }>,
): Promise<TouchBatchResult> {
  const { workspaceId } = opts;
  const records = batch.map((b) => b.record);
  const contactRefs = await contactsByReference(
    db,
    workspaceId,
    records.flatMap((r) => r.contactRefs),
  );
  const byEmail = await contactsByEmails(
    db,
    workspaceId,
    records.flatMap((r) => r.emails),
  );
  const accountRefs = await accountsByReference(db, workspaceId, [
    ...records.flatMap((r) => [r.accountRef, r.accountName].filter((x): x is string => Boolean(x))),
    ...records.flatMap((r) => r.emails.map(domainOf)),
  ]);
  const names = records.some((r) => r.accountName) ? await accountNameIndex(db, workspaceId) : null;
  const now = opts.now.toISOString();
  const errors: RowError[] = [];
  const ready: Array<{ row: number; row_: RelationshipTouchTable }> = [];
  let byDomain = 0;
  for (const { row, record: r } of batch) {
    const fail = (field: TouchProblemField, reason: string) => errors.push({ row, field, reason });
    if (r.occurredAt > now) {
      fail('occurred_at', `${r.occurredAt} is in the future: record a touch once it happened`);
      continue;
    }
    const unknownRefs = r.contactRefs.filter((ref) => !contactRefs.has(ref));
    const people: ContactKey[] = [
      ...r.contactRefs.flatMap((ref) => contactRefs.get(ref) ?? []),
      ...r.emails.flatMap((e) => byEmail.get(e) ?? []),
    ];
    let accountId = (r.accountRef && accountRefs.get(r.accountRef)) || null;
    if (!accountId && r.accountName)
      accountId = names?.get(r.accountName.trim().toLowerCase()) ?? accountRefs.get(r.accountName) ?? null;
    if (!accountId) {
      const theirs = unique(people.map((p) => p.accountId));
      if (theirs.length > 1) {
        fail('contact_email', 'the people named are contacts of several accounts: name the account');
        continue;
      }
      accountId = theirs[0] ?? null;
    }
    if (!accountId) {
      const domains = unique(r.emails.map(domainOf));
      const accounts = unique(domains.flatMap((d) => accountRefs.get(d) ?? []));
      if (accounts.length === 1) {
        accountId = accounts[0] as string;
        byDomain++;
      }
    }
    if (!accountId) {
      const named = [r.accountRef, r.accountName].filter(Boolean).map((n) => `"${n}"`);
      const who = [...r.emails, ...unknownRefs];
      fail(
        named.length ? 'account' : 'contact_email',
        named.length
          ? `no account is known by ${named.join(' or ')}, and no contact or email domain names one`
          : who.length
            ? `no contact and no single account's domain matches ${who.join(', ')}`
            : 'name the account or at least one of its people',
      );
      continue;
    }
    const contactIds = unique(people.filter((p) => p.accountId === accountId).map((p) => p.id));
    const emails = unique([...r.emails, ...people.flatMap((p) => (p.email ? [p.email] : []))]);
    const row_: RelationshipTouchTable = {
      id: newId(),
      workspace_id: workspaceId,
      account_id: accountId,
      kind: r.kind,
      occurred_at: r.occurredAt,
      subject: r.subject,
      direction: r.direction,
      source: r.source,
      external_id: r.externalId,
      contact_ids: JSON.stringify(contactIds),
      emails: JSON.stringify(emails),
      dedupe_key: touchKey(r, accountId),
      created_at: now,
    };
    ready.push({ row, row_ });
  }
  const existing = new Map(
    (
      await store.selectTouchKeys(
        db,
        workspaceId,
        ready.map((x) => x.row_.dedupe_key),
      )
    ).map((e) => [e.dedupe_key, e]),
  );
  const fresh: RelationshipTouchTable[] = [];
  const touches: TouchBatchResult['touches'] = [];
  let unchanged = 0;
  for (const { row, row_ } of ready) {
    const known = existing.get(row_.dedupe_key);
    if (known) {
      unchanged++;
      touches.push({ row, touch: toTouch(known) });
      continue;
    }
    existing.set(row_.dedupe_key, row_);
    fresh.push(row_);
    touches.push({ row, touch: toTouch(row_) });
  }
  await store.insertTouches(db, fresh);
  const contactsTouched = await recordContactTouches(
    db,
    workspaceId,
    fresh.flatMap((t) =>
      (JSON.parse(t.contact_ids) as string[]).map((contactId) => ({ contactId, at: t.occurred_at })),
    ),
  );
  const accountIds = unique(fresh.map((f) => f.account_id));
  if (accountIds.length > 0) await publish(db, 'relationship.touched', { workspaceId, accountIds });
  return { created: fresh.length, updated: 0, unchanged, errors, touches, accountIds, contactsTouched, byDomain };
}

export interface TouchQuery {
  accountId?: string;
  kind?: TouchKind;
  from?: string;
  to?: string;
  limit: number;
}

export async function listTouches(db: Db, workspaceId: string, q: TouchQuery): Promise<Touch[]> {
  return (await store.selectTouches(db, workspaceId, q)).map(toTouch);
}
