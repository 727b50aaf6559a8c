/**
 * Where a deal's journey meets the handoff, as the deals module announces it (`deals.*` events, handled in the
 * transaction of the deal change, so a deal is never confirmed without its brief): a deal that passes the closed-won
 * guard gets its brief, a confirmed deal the CRM reopens pulls its brief back and raises a signal, and deals linked
 * to their account once it appeared take their briefs along.
 */
import type { EventHandler } from '../../platform/events/domain-events.ts';
import { newId, nowIso } from '../../platform/ids.ts';
import { type Account, type Contact, CONTACT_ROLE_LABELS, getAccount, listContacts } from '../accounts/index.ts';
import { raiseSignal, resolveSignals } from '../signals/index.ts';
import { type BriefContent, EMPTY_BRIEF, scoreBrief } from './handoff.ts';
import { completenessSetting } from './handoff.settings.ts';
import * as store from './handoff.store.ts';
import { readSetting } from '../../platform/settings/settings.service.ts';

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
export const linkBriefsToAccount: EventHandler<'deals.account-linked'> = async (
  db,
  { workspaceId, accountId, dealIds },
) => {
  await store.setAccountOfDealBriefs(db, workspaceId, accountId, dealIds);
};

/** Deals that entered the journey: each gets its draft brief, prefilled with its account's stakeholders. */
export const openBriefsOfConfirmedDeals: EventHandler<'deals.confirmed'> = async (db, { workspaceId, deals }) => {
  const config = await readSetting(db, workspaceId, completenessSetting);
  const scope = { workspaceId, partnerId: null };
  const now = nowIso();
  for (const d of deals) {
    const existing = await store.findBriefByDeal(db, workspaceId, d.dealId);
    if (existing) {
      if (existing.deal_reopened_at)
        await store.updateBrief(db, workspaceId, existing.id, { deal_reopened_at: null, updated_at: now });
      await resolveSignals(db, workspaceId, 'deal.reopened', d.dealId, 'the deal is won and confirmed again');
      continue;
    }
    const account: Account | null = d.accountId ? await getAccount(db, scope, d.accountId).catch(() => null) : null;
    const content = account ? prefill(await listContacts(db, scope, account.id)) : EMPTY_BRIEF;
    const score = scoreBrief(content, config, account?.segment ?? null, Boolean(d.partnerName ?? account?.partnerId));
    const id = newId();
    await store.insertBrief(db, {
      id,
      workspace_id: workspaceId,
      deal_id: d.dealId,
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
      note: `${d.name} passed the closed-won guard`,
    });
  }
};

/** Confirmed deals the CRM reopened: their briefs are marked pulled back, and a signal says so. */
export const pullBackBriefsOfReopenedDeals: EventHandler<'deals.reopened'> = async (db, { workspaceId, deals }) => {
  const now = nowIso();
  for (const d of deals) {
    const brief = await store.findBriefByDeal(db, workspaceId, d.dealId);
    if (brief) await store.updateBrief(db, workspaceId, brief.id, { deal_reopened_at: now, updated_at: now });
    await raiseSignal(db, {
      workspaceId,
      kind: 'deal.reopened',
      accountId: d.accountId,
      severity: brief?.state === 'accepted' ? 'severe' : 'warning',
      subjectType: 'deal',
      subjectId: d.dealId,
      title: `${d.name} was reopened in the CRM after it was won`,
      evidence: {
        deal: d.name,
        stageNow: d.stage,
        amount: d.amount,
        currency: d.currency,
        briefState: brief?.state ?? null,
        reopenedAt: now,
      },
    });
  }
};
