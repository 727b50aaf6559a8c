/** Use cases of nudge rules. Writes are audited; the caller owns the transaction. */
import { recordAudit } from '../../../platform/audit/audit.service.ts';
import type { Actor } from '../../../platform/auth/principal.ts';
import type { Db } from '../../../platform/db/database.ts';
import { AppError } from '../../../platform/errors/app-error.ts';
import { newId } from '../../../platform/ids.ts';
import { type NudgeChannel, type NudgeRule, PLACEHOLDERS, unknownPlaceholders } from './nudge.ts';
import * as store from './nudge.store.ts';

export interface NudgeRuleInput {
  name: string;
  milestoneEvent?: string | null;
  daysAfterDue: number;
  channel: NudgeChannel;
  subject: string;
  message: string;
  enabled?: boolean;
}

export const toRule = (r: store.RuleRow): NudgeRule => ({
  id: r.id,
  name: r.name,
  milestoneEvent: r.milestone_event,
  daysAfterDue: r.days_after_due,
  channel: r.channel as NudgeChannel,
  subject: r.subject,
  message: r.message,
  enabled: r.enabled === 1,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

export async function listRules(db: Db, workspaceId: string): Promise<NudgeRule[]> {
  return (await store.selectRules(db, workspaceId)).map(toRule);
}

async function getRule(db: Db, workspaceId: string, id: string): Promise<NudgeRule> {
  const row = await store.findRule(db, workspaceId, id);
  if (!row) throw AppError.notFound('nudge rule');
  return toRule(row);
}

/** Subject and message may name only the placeholders Baton fills. */
function checkTemplates(input: Partial<NudgeRuleInput>): void {
  for (const field of ['subject', 'message'] as const) {
    const bad = input[field] === undefined ? [] : unknownPlaceholders(input[field]);
    if (bad.length)
      throw AppError.validation(
        `body.${field}`,
        `unknown placeholder {{${bad[0]}}}: use ${PLACEHOLDERS.map((p) => `{{${p}}}`).join(', ')}`,
      );
  }
}

export async function createRule(
  db: Db,
  actor: Actor,
  workspaceId: string,
  input: NudgeRuleInput,
  now: Date,
): Promise<NudgeRule> {
  checkTemplates(input);
  const at = now.toISOString();
  const row = {
    id: newId(),
    workspace_id: workspaceId,
    name: input.name.trim(),
    milestone_event: input.milestoneEvent?.trim() || null,
    days_after_due: input.daysAfterDue,
    channel: input.channel,
    subject: input.subject.trim(),
    message: input.message.trim(),
    enabled: input.enabled === false ? 0 : 1,
    created_at: at,
    updated_at: at,
  };
  await store.insertRule(db, row);
  const rule = toRule(row);
  await recordAudit(db, {
    workspaceId,
    actor,
    action: 'usage.nudge_rule_created',
    entityType: 'usage_nudge_rule',
    entityId: row.id,
    after: rule,
  });
  return rule;
}

export async function updateRule(
  db: Db,
  actor: Actor,
  workspaceId: string,
  id: string,
  patch: Partial<NudgeRuleInput>,
  now: Date,
): Promise<NudgeRule> {
  const before = await getRule(db, workspaceId, id);
  checkTemplates(patch);
  await store.updateRule(db, workspaceId, id, {
    name: patch.name?.trim() ?? before.name,
    milestone_event: patch.milestoneEvent === undefined ? before.milestoneEvent : patch.milestoneEvent?.trim() || null,
    days_after_due: patch.daysAfterDue ?? before.daysAfterDue,
    channel: patch.channel ?? before.channel,
    subject: patch.subject?.trim() ?? before.subject,
    message: patch.message?.trim() ?? before.message,
    enabled: patch.enabled === undefined ? (before.enabled ? 1 : 0) : patch.enabled ? 1 : 0,
    updated_at: now.toISOString(),
  });
  const after = await getRule(db, workspaceId, id);
  await recordAudit(db, {
    workspaceId,
    actor,
    action: 'usage.nudge_rule_updated',
    entityType: 'usage_nudge_rule',
    entityId: id,
    before,
    after,
  });
  return after;
}

/** Removes a rule with its nudges and eligible users. */
export async function deleteRule(db: Db, actor: Actor, workspaceId: string, id: string): Promise<void> {
  const before = await getRule(db, workspaceId, id);
  await store.deleteRule(db, workspaceId, id);
  await recordAudit(db, {
    workspaceId,
    actor,
    action: 'usage.nudge_rule_deleted',
    entityType: 'usage_nudge_rule',
    entityId: id,
    before,
  });
}
