/**
 * The portfolio read model: every account the caller reads (accounts' face) with its ARR and next renewal (revenue's
 * face), its churn risk and drivers (this module's scores) and its chain stage and open signals (signals' face).
 */
import { listAccounts, type Account } from '../accounts/index.ts';
import { renewalReport } from '../revenue/index.ts';
import { chainStageOf, listSignals, SIGNAL_STAGES, type Signal } from '../signals/index.ts';
import type { Scope } from '../../platform/auth/principal.ts';
import type { DialectCapabilities } from '../../platform/db/capabilities.ts';
import type { Db } from '../../platform/db/database.ts';
import { userNamesOf } from '../../platform/identity/identity.names.ts';
import { cents, daysBetween, type PortfolioAccount } from './portfolio.ts';
import { readAll } from './risk-accounts.service.ts';
import { currentHealthScores } from './score/score.service.ts';

/** Renewals further away than this are not looked for. */
const RENEWAL_HORIZON_DAYS = 730;
const BATCH = 200;

async function allAccounts(db: Db, caps: DialectCapabilities, scope: Scope, filter: AccountQuery): Promise<Account[]> {
  const out: Account[] = [];
  let cursor: string | undefined;
  do {
    const page = await listAccounts(db, caps, scope, { ...filter, limit: BATCH, cursor });
    out.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return out;
}

async function openSignals(db: Db, scope: Scope): Promise<Map<string, Signal[]>> {
  const out = new Map<string, Signal[]>();
  let cursor: string | undefined;
  do {
    const page = await listSignals(db, scope.workspaceId, {
      open: true,
      partnerId: scope.partnerId,
      limit: BATCH,
      cursor,
    });
    for (const s of page.items) {
      if (!s.accountId) continue;
      const list = out.get(s.accountId) ?? [];
      list.push(s);
      out.set(s.accountId, list);
    }
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return out;
}

/** The accounts list's own filters, asked of accounts. */
export interface AccountQuery {
  q?: string;
  segment?: string;
  lifecyclePhase?: string;
  region?: string;
  ownerUserId?: string;
}

export interface Portfolio {
  today: string;
  currency: string;
  scoredAt: string | null;
  model: string | null;
  accounts: PortfolioAccount[];
}

/** Every account the scope reads, with its figures; `today` is the caller's clock. */
export async function readPortfolio(
  db: Db,
  caps: DialectCapabilities,
  scope: Scope,
  today: string,
  filter: AccountQuery = {},
): Promise<Portfolio> {
  const accounts = await allAccounts(db, caps, scope, filter);
  const risk = await readAll(db, caps, scope.workspaceId, today);
  const riskOf = new Map(risk.items.map((r) => [r.accountId, r]));
  const { arrOf } = risk;
  const renewals = await renewalReport(db, caps, scope.workspaceId, today, RENEWAL_HORIZON_DAYS);
  const renewalOf = new Map<string, string>();
  for (const r of renewals.items) {
    const seen = renewalOf.get(r.accountId);
    if (!seen || r.date < seen) renewalOf.set(r.accountId, r.date);
  }
  const signals = await openSignals(db, scope);
  const health = await currentHealthScores(db, scope.workspaceId);
  const owners = new Set<string>();
  for (const a of accounts) for (const id of [a.csmUserId, a.accountManagerUserId]) if (id) owners.add(id);
  const names = await userNamesOf(db, scope.workspaceId, [...owners]);
  const nameOf = (id: string | null) => (id ? (names.get(id) ?? null) : null);
  const rows = accounts.map((a): PortfolioAccount => {
    const r = riskOf.get(a.id);
    const arr = arrOf.get(a.id) ?? 0;
    const open = [...(signals.get(a.id) ?? [])].sort(
      (x, y) => SIGNAL_STAGES.indexOf(x.stage) - SIGNAL_STAGES.indexOf(y.stage),
    );
    const nextRenewal = renewalOf.get(a.id) ?? null;
    return {
      accountId: a.id,
      account: a.name,
      domain: a.domain,
      segment: a.segment,
      industry: a.industry,
      lifecyclePhase: a.lifecyclePhase,
      region: a.region,
      aeUserId: a.aeUserId,
      csmUserId: a.csmUserId,
      accountManagerUserId: a.accountManagerUserId,
      csm: nameOf(a.csmUserId),
      accountManager: nameOf(a.accountManagerUserId),
      partnerId: a.partnerId,
      arr,
      probability: r?.probability ?? null,
      decile: r?.decile ?? null,
      arrAtRisk: r ? cents(r.probability * arr) : null,
      nextRenewal,
      daysToRenewal: nextRenewal === null ? null : daysBetween(today, nextRenewal),
      chainStage: chainStageOf(open),
      why: (r?.drivers ?? []).map((d) => d.sentence),
      signals: open.map((s) => s.title),
      health: health.get(a.id)?.score ?? null,
      healthBand: health.get(a.id)?.band ?? null,
    };
  });
  return {
    today,
    currency: risk.currency,
    scoredAt: risk.items[0]?.scoredAt ?? null,
    model: risk.model,
    accounts: rows,
  };
}
