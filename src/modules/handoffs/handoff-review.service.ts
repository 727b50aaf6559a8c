/** Delivery's review of a submitted brief: accepting it (the account passes to the delivery lead) or returning it. */
import { recordAudit } from '../../platform/audit/audit.service.ts';
import type { Actor } from '../../platform/auth/principal.ts';
import type { Db } from '../../platform/db/database.ts';
import { AppError } from '../../platform/errors/app-error.ts';
import { publish } from '../../platform/events/domain-events.ts';
import { getMember } from '../../platform/identity/member.service.ts';
import { newId, nowIso } from '../../platform/ids.ts';
import { updateAccount } from '../accounts/index.ts';
import { check, later, logEvent } from './handoff-change.service.ts';
import { getBrief, scopeOf } from './handoff.service.ts';
import * as store from './handoff.store.ts';
import type { BriefDetail } from './handoff.views.ts';

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
  // Delivery starts (its project, from the playbook the deal's products and the account's segment select).
  await publish(db, 'handoffs.accepted', {
    actor,
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
