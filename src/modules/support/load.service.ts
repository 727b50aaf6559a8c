import { accountNamesOf } from '../accounts/index.ts';
import { accountGoLive, goLivesBetween } from '../delivery/index.ts';
import { findSeats, seatsOfAccounts } from '../usage/index.ts';
import type { Db } from '../../platform/db/database.ts';
import { AppError } from '../../platform/errors/app-error.ts';
import { readSetting } from '../../platform/settings/settings.service.ts';
import { type LoadTicket, type SupportLoad, supportLoad } from './load.ts';
import type { SlaTargets } from './service-levels.ts';
import { slaTargetsSetting } from './support.settings.ts';
import { selectAccountTickets, selectMatchedLoadTickets, type TicketRow } from './ticket.store.ts';

type LoadRow = Pick<
  TicketRow,
  | 'category'
  | 'created_at'
  | 'first_response_at'
  | 'solved_at'
  | 'status'
  | 'priority'
  | 'tags'
  | 'reopens'
  | 'satisfaction'
>;

const toLoadTicket = (t: LoadRow): LoadTicket => ({
  category: t.category,
  createdAt: t.created_at,
  firstResponseAt: t.first_response_at,
  solvedAt: t.solved_at,
  status: t.status,
  priority: t.priority,
  tags: JSON.parse(t.tags) as string[],
  reopens: t.reopens,
  satisfaction: t.satisfaction,
});

/** An account's support load after go-live: go-live from delivery, licensed seats from usage. */
export async function accountSupportLoad(
  db: Db,
  workspaceId: string,
  accountId: string,
  now: Date,
): Promise<SupportLoad> {
  if ((await accountNamesOf(db, workspaceId, [accountId])).size === 0) throw AppError.notFound('account');
  const [tickets, goLive, seats, targets] = await Promise.all([
    selectAccountTickets(db, workspaceId, accountId),
    accountGoLive(db, workspaceId, accountId),
    findSeats(db, workspaceId, accountId),
    readSetting(db, workspaceId, slaTargetsSetting),
  ]);
  const today = now.toISOString().slice(0, 10);
  return supportLoad(tickets.map(toLoadTicket), goLive, seats ? Number(seats.seats) : null, today, { targets, now });
}

export interface AccountLoad extends SupportLoad {
  accountId: string;
  accountName: string;
}

/**
 * The load of every account that went live or has tickets, highest first month per 100 seats first (then most
 * tickets), with the workspace's SLA targets the breaches were counted against.
 */
export async function workspaceSupportLoads(
  db: Db,
  workspaceId: string,
  now: Date,
): Promise<{ items: AccountLoad[]; slaTargets: SlaTargets }> {
  const today = now.toISOString().slice(0, 10);
  const [rows, goLives, targets] = await Promise.all([
    selectMatchedLoadTickets(db, workspaceId),
    goLivesBetween(db, workspaceId, '0000-01-01', '9999-12-31'),
    readSetting(db, workspaceId, slaTargetsSetting),
  ]);
  const byAccount = new Map<string, LoadTicket[]>();
  for (const r of rows) {
    const list = byAccount.get(r.account_id!) ?? [];
    list.push(toLoadTicket(r));
    byAccount.set(r.account_id!, list);
  }
  const goLiveOf = new Map(goLives.map((g) => [g.accountId, g.goLive]));
  const ids = [...new Set([...byAccount.keys(), ...goLiveOf.keys()])];
  const [names, seats] = await Promise.all([
    accountNamesOf(db, workspaceId, ids),
    seatsOfAccounts(db, workspaceId, ids),
  ]);
  const items: AccountLoad[] = [];
  for (const accountId of ids) {
    const name = names.get(accountId);
    if (name === undefined) continue;
    const load = supportLoad(
      byAccount.get(accountId) ?? [],
      goLiveOf.get(accountId) ?? null,
      seats.get(accountId) ?? null,
      today,
      { targets, now },
    );
    items.push({ accountId, accountName: name, ...load });
  }
  const first = (l: AccountLoad) => l.windows[0]?.per100Seats ?? -1;
  items.sort((a, b) => first(b) - first(a) || b.tickets - a.tickets || a.accountName.localeCompare(b.accountName));
  return { items, slaTargets: targets };
}
