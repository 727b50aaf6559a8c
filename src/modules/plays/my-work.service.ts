/**
 * My work, read from the earlier modules' faces: the accounts a person owns (accounts), their active signals
 * (signals), the tasks assigned to them (delivery), the questions on their briefs (handoffs), and each account's
 * money (health's portfolio, for readers who may see it).
 */
import type { Scope } from '../../platform/auth/principal.ts';
import type { DialectCapabilities } from '../../platform/db/capabilities.ts';
import type { Db } from '../../platform/db/database.ts';
import { type Account, accountNamesById, listAccounts } from '../accounts/index.ts';
import { openTasksAssignedTo } from '../delivery/index.ts';
import { openClarificationsFor } from '../handoffs/index.ts';
import { readPortfolio } from '../health/index.ts';
import { listSignals, type Signal } from '../signals/index.ts';
import { openTasksOf as openPlayTasksOf } from './play.store.ts';
import {
  type AccountMoney,
  moneyAtRisk,
  moneySentence,
  type MyWork,
  orderWork,
  OWNER_ROLE_WORDS,
  type OwnerRoleKey,
  playTaskWhy,
  sentence,
  type WorkItem,
} from './my-work.ts';

const BATCH = 200;

async function ownedAccounts(db: Db, caps: DialectCapabilities, scope: Scope, userId: string): Promise<Account[]> {
  const out: Account[] = [];
  let cursor: string | undefined;
  do {
    const page = await listAccounts(db, caps, scope, { ownerUserId: userId, limit: BATCH, cursor });
    out.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return out;
}

async function activeSignals(db: Db, scope: Scope, today: string): Promise<Signal[]> {
  const out: Signal[] = [];
  let cursor: string | undefined;
  do {
    const page = await listSignals(db, scope.workspaceId, {
      open: true,
      attention: 'active',
      partnerId: scope.partnerId,
      today,
      limit: BATCH,
      cursor,
    });
    out.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return out;
}

const rolesOf = (a: Account, userId: string): string[] =>
  (
    [
      ['ae', a.aeUserId],
      ['delivery_lead', a.deliveryLeadUserId],
      ['csm', a.csmUserId],
      ['account_manager', a.accountManagerUserId],
    ] as Array<[OwnerRoleKey, string | null]>
  )
    .filter(([, id]) => id === userId)
    .map(([role]) => OWNER_ROLE_WORDS[role]);

const dayWords = (iso: string) =>
  new Date(`${iso.slice(0, 10)}T00:00:00Z`).toLocaleDateString('en-GB', {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
  });

/**
 * One person's queue in the scope's workspace, as of `today` (YYYY-MM-DD). `withMoney`: the reader may see money
 * (`health:read`); without it no figure is given and the list is ordered by due date.
 */
export async function readMyWork(
  db: Db,
  caps: DialectCapabilities,
  scope: Scope,
  userId: string,
  today: string,
  withMoney: boolean,
): Promise<MyWork> {
  const owned = await ownedAccounts(db, caps, scope, userId);
  const ownedById = new Map(owned.map((a) => [a.id, a]));
  const names = await accountNamesById(db, scope);
  const moneyOf = new Map<string, AccountMoney>();
  let currency: string | null = null;
  if (withMoney) {
    const portfolio = await readPortfolio(db, caps, scope, today);
    currency = portfolio.currency;
    for (const a of portfolio.accounts)
      moneyOf.set(a.accountId, { arr: a.arr, arrAtRisk: a.arrAtRisk, probability: a.probability });
  }
  const accountOf = (id: string | null) => (id && names.has(id) ? { id, name: names.get(id) as string } : null);
  const moneyLine = (id: string | null) => {
    const account = accountOf(id);
    return account ? moneySentence(account.name, moneyOf.get(account.id), currency) : '';
  };
  const items: WorkItem[] = [];

  for (const s of await activeSignals(db, scope, today)) {
    const account = s.accountId ? ownedById.get(s.accountId) : undefined;
    if (!account) continue;
    items.push({
      kind: 'signal',
      id: s.id,
      title: s.title,
      account: { id: account.id, name: account.name },
      due: null,
      moneyAtRisk: withMoney ? moneyAtRisk(moneyOf.get(account.id)) : null,
      why: sentence(`you are the ${rolesOf(account, userId).join(' and ')} of ${account.name}`, moneyLine(account.id)),
      href: `/accounts?account=${account.id}`,
      signal: { attention: s.attention, severity: s.severity, kind: s.kind, snoozedUntil: s.snoozedUntil },
    });
  }

  for (const t of await openTasksAssignedTo(db, scope.workspaceId, userId)) {
    const account = accountOf(t.accountId);
    if (!account) continue;
    items.push({
      kind: 'task',
      id: t.taskId,
      title: `${t.name} (${t.project})`,
      account,
      due: t.due,
      moneyAtRisk: withMoney ? moneyAtRisk(moneyOf.get(account.id)) : null,
      why: sentence(
        `assigned to you on ${t.project}`,
        t.due ? `forecast to finish on ${dayWords(t.due)}` : 'not forecast yet',
        t.critical ? 'on the critical path: a day late here moves the go-live' : '',
        t.state === 'blocked' ? `blocked${t.blockedReason ? `: ${t.blockedReason}` : ''}` : '',
        moneyLine(account.id),
      ),
      href: `/delivery/projects/${t.projectId}`,
      signal: null,
    });
  }

  for (const c of await openClarificationsFor(db, scope.workspaceId, userId)) {
    const account = accountOf(c.accountId);
    if (c.accountId && !account) continue;
    items.push({
      kind: 'clarification',
      id: c.id,
      title: `Answer delivery: ${c.question}`,
      account,
      due: null,
      moneyAtRisk: withMoney && account ? moneyAtRisk(moneyOf.get(account.id)) : null,
      why: sentence(
        `delivery asked on ${dayWords(c.askedAt)} about the brief you wrote, and waits for your answer`,
        moneyLine(c.accountId),
      ),
      href: `/deals/handoffs/deal/${c.dealId}`,
      signal: null,
    });
  }

  for (const t of await openPlayTasksOf(db, scope.workspaceId, userId)) {
    const account = accountOf(t.account_id);
    if (!account) continue;
    items.push({
      kind: 'play_task',
      id: t.id,
      title: `${t.title} (${t.play_name})`,
      account,
      due: t.due_on,
      moneyAtRisk: withMoney ? moneyAtRisk(moneyOf.get(account.id)) : null,
      why: sentence(
        playTaskWhy(
          { playName: t.play_name, trigger: t.trigger_text, assignmentNote: t.assignment_note, due: t.due_on },
          today,
        ).replace(/\.$/, ''),
        moneyLine(account.id),
      ),
      href: `/my-work/plays/runs/${t.run_id}`,
      signal: null,
    });
  }

  return { userId, today, currency, items: orderWork(items) };
}
