/**
 * Evaluates the usage signals of a workspace as of a day: the stage 5, knowledge-loss and business-change
 * rules on every account, integration decay on every account × integration, and release underuse on every
 * released feature. A rule that holds raises (or refreshes) its signal with the numbers as evidence; one that
 * no longer holds resolves it. Idempotent: evaluating the same day twice changes nothing but the sighting time.
 */
import { listAccounts, listContacts } from '../../accounts/index.ts';
import { listSignals, raiseSignal, resolveSignals, type SignalKind } from '../../signals/index.ts';
import type { Scope } from '../../../platform/auth/principal.ts';
import type { DialectCapabilities } from '../../../platform/db/capabilities.ts';
import type { Db } from '../../../platform/db/database.ts';
import { readSetting } from '../../../platform/settings/settings.service.ts';
import { addDays } from '../adoption/adoption.ts';
import { integrationRows } from '../integrations/integration-status.service.ts';
import { underuse } from '../releases/release.service.ts';
import * as rollups from '../adoption/rollup.store.ts';
import * as usageStore from '../ingest/event.store.ts';
import { type Champion, usageRules } from './usage-signals.ts';
import { type UsageThresholds, usageRuleOn, usageThresholdsSetting } from './usage-signals.settings.ts';
import * as store from './usage-signals.store.ts';

export interface EvaluationSummary {
  asOf: string;
  accounts: number;
  raised: Partial<Record<SignalKind, number>>;
  resolved: Partial<Record<SignalKind, number>>;
}

type Tally = { raised: Partial<Record<SignalKind, number>>; resolved: Partial<Record<SignalKind, number>> };

const bump = (m: Partial<Record<SignalKind, number>>, kind: SignalKind, n = 1) => {
  if (n > 0) m[kind] = (m[kind] ?? 0) + n;
};

/**
 * Champion contacts of an account with the product user matched to each: by user id = email, else the email the
 * user identified with (kept with the user as identify calls arrive, `usage_user_traits`; never read off the raw
 * events).
 */
async function championsOf(db: Db, scope: Scope, accountId: string, userKeys: readonly string[]): Promise<Champion[]> {
  const champions = (await listContacts(db, scope, accountId)).filter((c) => c.role === 'champion' && c.email);
  if (champions.length === 0) return [];
  const byEmail = new Map<string, string>();
  for (const key of userKeys) byEmail.set(key.toLowerCase(), key);
  const known = await usageStore.selectUserEmails(db, scope.workspaceId, userKeys);
  for (const u of known) if (!byEmail.has(u.email)) byEmail.set(u.email, u.user_id);
  const matched = champions.map((c) => ({ c, userKey: byEmail.get((c.email as string).toLowerCase()) ?? null }));
  const last = await store.lastActiveDays(
    db,
    scope.workspaceId,
    accountId,
    matched.flatMap((m) => (m.userKey ? [m.userKey] : [])),
  );
  return matched.map(({ c, userKey }) => ({
    contactId: c.id,
    name: c.name,
    email: c.email,
    userKey,
    lastActiveDay: userKey ? (last.get(userKey) ?? null) : null,
  }));
}

async function evaluateAccount(
  db: Db,
  scope: Scope,
  accountId: string,
  asOf: string,
  t: UsageThresholds,
  tally: Tally,
): Promise<void> {
  const from = addDays(asOf, -(Math.max(t.knowledge.lookbackDays, 7 * (t.volume.baselineWeeks + 1), 28) - 1));
  const features = (await rollups.selectFeatureRows(db, scope.workspaceId, accountId, from, asOf)).map((r) => ({
    day: r.day,
    feature: r.feature,
    events: Number(r.events),
  }));
  const users = (await rollups.selectUserRows(db, scope.workspaceId, accountId, from, asOf)).map((r) => ({
    day: r.day,
    user_key: r.user_key,
    events: Number(r.events),
  }));
  const seatsRow = await rollups.findSeats(db, scope.workspaceId, accountId);
  const first = await store.firstUsageDay(db, scope.workspaceId, accountId);
  const userKeys = [...new Set(users.map((u) => u.user_key))];
  const champions = await championsOf(db, scope, accountId, userKeys);
  const outcomes = usageRules(
    {
      asOf,
      firstUsageDay: first !== null && first <= asOf ? first : null,
      seats: seatsRow ? Number(seatsRow.seats) : null,
      features,
      users,
      champions,
    },
    t,
  );
  for (const o of outcomes) {
    if (o.holds && usageRuleOn(t, o.kind)) {
      await raiseSignal(db, {
        workspaceId: scope.workspaceId,
        kind: o.kind,
        accountId,
        severity: o.severity,
        subjectType: 'account',
        subjectId: accountId,
        title: o.title,
        evidence: o.evidence,
      });
      bump(tally.raised, o.kind);
    } else
      bump(
        tally.resolved,
        o.kind,
        await resolveSignals(db, scope.workspaceId, o.kind, accountId, `back to normal as of ${asOf}`),
      );
  }
}

async function evaluateIntegrations(
  db: Db,
  scope: Scope,
  asOf: string,
  t: UsageThresholds,
  tally: Tally,
): Promise<void> {
  for (const row of await integrationRows(db, scope, asOf, t.integration)) {
    const subjectId = `${row.accountId}/${row.integration}`;
    const evidence = {
      asOf,
      integration: row.integration,
      reports7d: row.reports7d,
      errors7d: row.errors7d,
      errorRate7d: row.errorRate7d,
      baselineReports: row.baselineReports,
      baselineErrorRate: row.baselineErrorRate,
      spikeFactor: t.integration.spikeFactor,
      lastSuccessDay: row.lastSuccessDay,
      daysSinceSuccess: row.daysSinceSuccess,
      lastErrorDetail: row.lastErrorDetail,
    };
    const rules: Array<[SignalKind, boolean, string]> = [
      [
        'integration.error_spike',
        row.errorSpike,
        `${row.integration}: ${row.errors7d} of ${row.reports7d} syncs failed in 7 days`,
      ],
      [
        'integration.no_recent_sync',
        row.noRecentSync,
        `${row.integration}: no successful sync ${row.lastSuccessDay ? `since ${row.lastSuccessDay}` : 'yet'}`,
      ],
    ];
    for (const [kind, holds, title] of rules) {
      if (holds && t.integration.enabled) {
        await raiseSignal(db, {
          workspaceId: scope.workspaceId,
          kind,
          accountId: row.accountId,
          severity: 'warning',
          subjectType: 'integration',
          subjectId,
          title,
          evidence,
        });
        bump(tally.raised, kind);
      } else
        bump(
          tally.resolved,
          kind,
          await resolveSignals(db, scope.workspaceId, kind, subjectId, `back to normal as of ${asOf}`),
        );
    }
  }
}

async function evaluateReleases(db: Db, scope: Scope, asOf: string, t: UsageThresholds, tally: Tally): Promise<void> {
  const kind = 'release.underused_feature' as const;
  const report = await underuse(db, scope, asOf, t.release);
  const flagged = new Set<string>();
  for (const row of report.items.filter((r) => r.flagged && t.release.enabled)) {
    flagged.add(row.feature);
    const { nonUsers, ...numbers } = row;
    await raiseSignal(db, {
      workspaceId: scope.workspaceId,
      kind,
      accountId: null,
      severity: 'warning',
      subjectType: 'feature',
      subjectId: row.feature,
      title: `${row.featureName}: used by ${row.usingAccounts} of ${row.entitledAccounts} entitled accounts since ${row.releasedOn}`,
      evidence: { asOf, ...numbers, threshold: t.release.minShare, nonUsers },
    });
    bump(tally.raised, kind);
  }
  // Open warnings on features no longer flagged (recovered, or their release changed) are resolved.
  let cursor: string | undefined;
  do {
    const page = await listSignals(db, scope.workspaceId, {
      stage: 'release_underuse',
      open: true,
      limit: 200,
      cursor,
    });
    for (const s of page.items)
      if (!flagged.has(s.subjectId))
        bump(
          tally.resolved,
          kind,
          await resolveSignals(db, scope.workspaceId, kind, s.subjectId, `share back above threshold as of ${asOf}`),
        );
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
}

/** Evaluates every usage signal of a workspace as of `asOf`. The caller owns the transaction. */
export async function evaluateUsageSignals(
  db: Db,
  caps: DialectCapabilities,
  workspaceId: string,
  asOf: string,
): Promise<EvaluationSummary> {
  const scope: Scope = { workspaceId, partnerId: null };
  const t = await readSetting(db, workspaceId, usageThresholdsSetting);
  const tally: Tally = { raised: {}, resolved: {} };
  let accounts = 0;
  let cursor: string | undefined;
  do {
    const page = await listAccounts(db, caps, scope, { limit: 200, cursor });
    for (const account of page.items) {
      if (account.lifecyclePhase === 'churned') continue;
      accounts += 1;
      await evaluateAccount(db, scope, account.id, asOf, t, tally);
    }
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  await evaluateIntegrations(db, scope, asOf, t, tally);
  await evaluateReleases(db, scope, asOf, t, tally);
  return { asOf, accounts, ...tally };
}
