import { listAccounts } from '../accounts/index.ts';
import type { Scope } from '../../platform/auth/principal.ts';
import type { DialectCapabilities } from '../../platform/db/capabilities.ts';
import type { Db } from '../../platform/db/database.ts';
import { AppError } from '../../platform/errors/app-error.ts';
import { daysBetween, isoDay } from './commitment.ts';
import { toCommitment } from './commitment.service.ts';
import * as store from './commitment.store.ts';
import { DEFAULT_RENEWAL_WINDOW_DAYS, type ExposureReport, exposureReport } from './exposure-report.ts';

export interface AccountEntry {
  name: string;
  renewalDate: string | null;
}

/** Every account in scope with its name and renewal date, read page by page through the accounts module. */
export async function accountDirectory(
  db: Db,
  caps: DialectCapabilities,
  scope: Scope,
): Promise<Map<string, AccountEntry>> {
  const out = new Map<string, AccountEntry>();
  let cursor: string | undefined;
  do {
    const page = await listAccounts(db, caps, scope, { limit: 200, cursor });
    for (const a of page.items) out.set(a.id, { name: a.name, renewalDate: a.renewalDate });
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return out;
}

/** Accounts whose renewal falls between today and `withinDays` from today, both included. */
export async function renewingAccountIds(
  db: Db,
  caps: DialectCapabilities,
  scope: Scope,
  withinDays: number,
  today = isoDay(new Date()),
): Promise<string[]> {
  const ids: string[] = [];
  for (const [id, a] of await accountDirectory(db, caps, scope)) {
    if (a.renewalDate === null) continue;
    const days = daysBetween(today, a.renewalDate);
    if (days >= 0 && days <= withinDays) ids.push(id);
  }
  return ids;
}

/** The exposure report of a workspace as of today (see `exposureReport`). */
export async function commitmentExposure(
  db: Db,
  caps: DialectCapabilities,
  scope: Scope,
  opts: { withinDays?: number; today?: string } = {},
): Promise<ExposureReport> {
  if (scope.partnerId) throw new AppError('forbidden', 'partner users do not see the commitments ledger');
  const today = opts.today ?? isoDay(new Date());
  const accounts = await accountDirectory(db, caps, scope);
  const names = { account: new Map([...accounts].map(([id, a]) => [id, a.name])), deal: new Map<string, string>() };
  const commitments = (await store.selectAllCommitments(db, scope.workspaceId)).map((r) =>
    toCommitment(r, names, today),
  );
  const renewals = new Map([...accounts].map(([id, a]) => [id, a.renewalDate]));
  return exposureReport(commitments, renewals, today, opts.withinDays ?? DEFAULT_RENEWAL_WINDOW_DAYS);
}
