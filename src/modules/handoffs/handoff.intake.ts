/**
 * Where a deal's journey meets the handoff: a deal that passes the closed-won guard gets its brief, and a
 * confirmed deal the CRM reopens pulls its brief back and raises a signal. Called by the deals module in
 * the same transaction as the deal change, so a deal is never confirmed without its brief.
 */
import type { Db } from '../../platform/db/database.ts';
import { newId, nowIso } from '../../platform/ids.ts';
import { type Account, type Contact, CONTACT_ROLE_LABELS, getAccount, listContacts } from '../accounts/index.ts';
import { raiseSignal, resolveSignals } from '../signals/index.ts';
import { type BriefContent, EMPTY_BRIEF, scoreBrief } from './handoff.ts';
import { completenessSetting } from './handoff.settings.ts';
import * as store from './handoff.store.ts';
import { readSetting } from '../../platform/settings/settings.service.ts';

export interface JourneyTransition {
  dealId: string;
  dealName: string;
  accountId: string | null;
  from: string | null;
  to: string;
  stage: string;
  amount: number | null;
  currency: string | null;
  partnerName: string | null;
}

/** What the CRM already knows goes into the new brief: the account's current stakeholders. */
function prefill(contacts: Contact[]): BriefContent {
  const current = contacts.filter((c) => !c.leftAt);
  return {
    ...EMPTY_BRIEF,
    stakeholders: current
      .slice(0, 20)
      .map((c) => ({ name: c.name, role: CONTACT_ROLE_LABELS[c.role], email: c.email })),
  };
}

/** Deals just linked to an account: their briefs without one (a deal won before its account was known) follow. */
export async function onDealsLinkedToAccount(
  db: Db,
  workspaceId: string,
  accountId: string,
  dealIds: string[],
): Promise<void> {
  await store.setAccountOfDealBriefs(db, workspaceId, accountId, dealIds);
}

export async function onJourneyTransitions(
  db: Db,
  workspaceId: string,
  transitions: JourneyTransition[],
): Promise<void> {
  if (transitions.length === 0) return;
  const config = await readSetting(db, workspaceId, completenessSetting);
  const scope = { workspaceId, partnerId: null };
  const now = nowIso();
  for (const t of transitions) {
    if (t.to === t.from) continue;
    if (t.to === 'confirmed') {
      const existing = await store.findBriefByDeal(db, workspaceId, t.dealId);
      if (existing) {
        if (existing.deal_reopened_at)
          await store.updateBrief(db, workspaceId, existing.id, { deal_reopened_at: null, updated_at: now });
        await resolveSignals(db, workspaceId, 'deal.reopened', t.dealId, 'the deal is won and confirmed again');
        continue;
      }
      const account: Account | null = t.accountId ? await getAccount(db, scope, t.accountId).catch(() => null) : null;
      const content = account ? prefill(await listContacts(db, scope, account.id)) : EMPTY_BRIEF;
      const score = scoreBrief(content, config, account?.segment ?? null, Boolean(t.partnerName ?? account?.partnerId));
      const id = newId();
      await store.insertBrief(db, {
        id,
        workspace_id: workspaceId,
        deal_id: t.dealId,
        account_id: account?.id ?? null,
        state: 'draft',
        content: JSON.stringify(content),
        completeness: score.completeness,
        ae_user_id: account?.aeUserId ?? null,
        delivery_lead_user_id: account?.deliveryLeadUserId ?? null,
        submitted_at: null,
        accepted_at: null,
        returned_at: null,
        return_reasons: null,
        deal_reopened_at: null,
        created_at: now,
        updated_at: now,
      });
      await store.insertEvent(db, {
        id: newId(),
        workspace_id: workspaceId,
        brief_id: id,
        at: now,
        actor_label: 'baton',
        actor_id: null,
        from_state: null,
        to_state: 'draft',
        completeness: score.completeness,
        note: `${t.dealName} passed the closed-won guard`,
      });
    } else if (t.to === 'reopened') {
      const brief = await store.findBriefByDeal(db, workspaceId, t.dealId);
      if (brief) await store.updateBrief(db, workspaceId, brief.id, { deal_reopened_at: now, updated_at: now });
      await raiseSignal(db, {
        workspaceId,
        kind: 'deal.reopened',
        accountId: t.accountId,
        severity: brief?.state === 'accepted' ? 'severe' : 'warning',
        subjectType: 'deal',
        subjectId: t.dealId,
        title: `${t.dealName} was reopened in the CRM after it was won`,
        evidence: {
          deal: t.dealName,
          stageNow: t.stage,
          amount: t.amount,
          currency: t.currency,
          briefState: brief?.state ?? null,
          reopenedAt: now,
        },
      });
    }
  }
}
