/** The account executive's side of a brief: editing its content and handing it to delivery. */
import { recordAudit } from '../../platform/audit/audit.service.ts';
import type { Actor } from '../../platform/auth/principal.ts';
import type { Db } from '../../platform/db/database.ts';
import { AppError } from '../../platform/errors/app-error.ts';
import { nowIso } from '../../platform/ids.ts';
import { readSetting } from '../../platform/settings/settings.service.ts';
import { getAccount } from '../accounts/index.ts';
import { raiseSignal, resolveSignals } from '../signals/index.ts';
import { BRIEF_FIELD_LABELS, briefContentSchema, scoreBrief } from './handoff.ts';
import { check, later, logEvent } from './handoff-change.service.ts';
import { briefVersion, getBrief, scopeOf } from './handoff.service.ts';
import { completenessSetting } from './handoff.settings.ts';
import * as store from './handoff.store.ts';
import type { BriefDetail } from './handoff.views.ts';

/** Replaces the brief's content (and, optionally, links it to an account) while it is a draft or returned. */
export async function updateBriefContent(
  db: Db,
  actor: Actor,
  workspaceId: string,
  id: string,
  input: { content: unknown; accountId?: string | null },
  ifMatch?: string,
): Promise<BriefDetail> {
  const before = await getBrief(db, workspaceId, id);
  if (ifMatch && ifMatch !== briefVersion(before)) {
    throw new AppError(
      'precondition_failed',
      'someone changed this brief since you opened it: reload and apply your change again',
    );
  }
  check(before.state, 'edit');
  const parsed = briefContentSchema.safeParse(input.content);
  if (!parsed.success) {
    throw new AppError(
      'validation',
      parsed.error.issues.map((i) => `content.${i.path.join('.')}: ${i.message}`).join('; '),
      {
        fieldErrors: parsed.error.issues.map((i) => ({
          field: ['body', 'content', ...i.path].join('.'),
          message: i.message,
        })),
      },
    );
  }
  let account = before.account;
  if (input.accountId !== undefined && input.accountId !== before.accountId) {
    account = input.accountId
      ? await getAccount(db, scopeOf(workspaceId), input.accountId).catch(() => {
          throw AppError.validation('body.accountId', 'no such account in this workspace');
        })
      : null;
  }
  const config = await readSetting(db, workspaceId, completenessSetting);
  const score = scoreBrief(
    parsed.data,
    config,
    account?.segment ?? null,
    Boolean(before.deal.partnerName ?? account?.partnerId),
  );
  await store.updateBrief(db, workspaceId, id, {
    content: JSON.stringify(parsed.data),
    completeness: score.completeness,
    account_id: account?.id ?? null,
    ae_user_id: before.aeUserId ?? account?.aeUserId ?? null,
    updated_at: later(nowIso(), before.updatedAt),
  });
  const after = await getBrief(db, workspaceId, id);
  await recordAudit(db, {
    workspaceId,
    actor,
    action: 'handoff.update',
    entityType: 'handoff_brief',
    entityId: id,
    before: before.content,
    after: after.content,
  });
  return after;
}

/** The account executive hands the brief to delivery. Required fields must be filled; a thin brief raises a signal. */
export async function submitBrief(
  db: Db,
  actor: Actor,
  workspaceId: string,
  id: string,
  note?: string,
): Promise<BriefDetail> {
  const before = await getBrief(db, workspaceId, id);
  const to = check(before.state, 'submit');
  if (before.score.missingRequired.length > 0) {
    const names = before.score.missingRequired.map((f) => BRIEF_FIELD_LABELS[f]).join(', ');
    throw new AppError('conflict', `fill the required fields before submitting: ${names}`, {
      fieldErrors: before.score.missingRequired.map((f) => ({
        field: `content.${f}`,
        message: 'required before submitting',
      })),
    });
  }
  const now = nowIso();
  await store.updateBrief(db, workspaceId, id, {
    state: to,
    submitted_at: now,
    updated_at: later(now, before.updatedAt),
  });
  await logEvent(db, workspaceId, id, actor, before.state, to, before.completeness, note ?? null);
  const { completeness, threshold } = before.score;
  if (completeness < threshold) {
    await raiseSignal(db, {
      workspaceId,
      kind: 'handoff.thin_brief',
      accountId: before.accountId,
      severity: completeness < threshold - 30 ? 'severe' : 'warning',
      subjectType: 'handoff_brief',
      subjectId: id,
      title: `${before.dealName}: brief submitted ${completeness} % complete (threshold ${threshold} %)`,
      evidence: {
        completeness,
        threshold,
        submittedAt: now,
        incomplete: before.score.fields
          .filter((f) => f.status !== 'filled')
          .map((f) => ({ field: f.label, status: f.status, weight: f.weight, hint: f.hint })),
      },
    });
  } else {
    await resolveSignals(db, workspaceId, 'handoff.thin_brief', id, `resubmitted ${completeness} % complete`);
  }
  const after = await getBrief(db, workspaceId, id);
  await recordAudit(db, {
    workspaceId,
    actor,
    action: 'handoff.submit',
    entityType: 'handoff_brief',
    entityId: id,
    before: { state: before.state },
    after: { state: after.state, completeness },
  });
  return after;
}
