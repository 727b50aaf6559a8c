/** Questions delivery asks about a brief, and their answers; a question the brief already answered raises a signal. */
import { recordAudit } from '../../platform/audit/audit.service.ts';
import type { Actor } from '../../platform/auth/principal.ts';
import type { Db } from '../../platform/db/database.ts';
import { AppError } from '../../platform/errors/app-error.ts';
import { newId, nowIso } from '../../platform/ids.ts';
import { raiseSignal } from '../signals/index.ts';
import { BRIEF_FIELD_LABELS, type BriefField, describeField, fieldWasFilled } from './handoff.ts';
import { later } from './handoff-change.service.ts';
import { getBrief, loadBrief, toClarification } from './handoff.service.ts';
import * as store from './handoff.store.ts';
import type { Clarification } from './handoff.views.ts';

/**
 * Delivery asks a question the brief should have answered. Asked about a field the brief had already
 * filled, it is a *repeated requirement*: the customer is asked twice, and a stage-1 signal says so.
 */
export async function askClarification(
  db: Db,
  actor: Actor,
  workspaceId: string,
  briefId: string,
  input: { field: BriefField | null; question: string },
): Promise<Clarification> {
  const brief = await getBrief(db, workspaceId, briefId);
  if (brief.state === 'draft')
    throw new AppError('conflict', 'the brief is still a draft: questions start once it is submitted');
  const repeated = input.field !== null && fieldWasFilled(brief.content, input.field);
  const row = {
    id: newId(),
    workspace_id: workspaceId,
    brief_id: briefId,
    field: input.field,
    question: input.question,
    repeated: repeated ? 1 : 0,
    asked_by: actor.type === 'user' ? actor.id : null,
    asked_at: nowIso(),
    answer: null,
    answered_by: null,
    answered_at: null,
  };
  await store.insertClarification(db, row);
  if (repeated && input.field) {
    const all = (await store.selectClarifications(db, workspaceId, briefId)).filter((c) => c.repeated === 1);
    await raiseSignal(db, {
      workspaceId,
      kind: 'handoff.repeated_requirement',
      accountId: brief.accountId,
      severity: all.length >= 3 ? 'severe' : 'warning',
      subjectType: 'handoff_brief',
      subjectId: briefId,
      title: `${brief.dealName}: delivery asked ${all.length} question${all.length > 1 ? 's' : ''} the brief already answered`,
      evidence: {
        repeatedQuestions: all.length,
        latest: {
          field: BRIEF_FIELD_LABELS[input.field],
          question: input.question,
          briefSaid: describeField(brief.content, input.field),
        },
        fields: [...new Set(all.map((c) => BRIEF_FIELD_LABELS[c.field as BriefField] ?? c.field))],
      },
    });
  }
  await store.updateBrief(db, workspaceId, briefId, { updated_at: later(nowIso(), brief.updatedAt) });
  await recordAudit(db, {
    workspaceId,
    actor,
    action: 'handoff.clarification_ask',
    entityType: 'handoff_brief',
    entityId: briefId,
    after: { field: input.field, question: input.question, repeated },
  });
  return toClarification(row);
}

export async function answerClarification(
  db: Db,
  actor: Actor,
  workspaceId: string,
  briefId: string,
  clarificationId: string,
  answer: string,
): Promise<Clarification> {
  await loadBrief(db, workspaceId, briefId);
  const row = await store.findClarification(db, workspaceId, briefId, clarificationId);
  if (!row) throw AppError.notFound('clarification');
  const patch = { answer, answered_by: actor.type === 'user' ? actor.id : null, answered_at: nowIso() };
  await store.updateClarification(db, clarificationId, patch);
  await recordAudit(db, {
    workspaceId,
    actor,
    action: 'handoff.clarification_answer',
    entityType: 'handoff_brief',
    entityId: briefId,
    before: { answer: row.answer },
    after: { answer },
  });
  return toClarification({ ...row, ...patch });
}

/** A question delivery asked about a brief that its account executive has not answered yet. */
export interface OpenClarification {
  id: string;
  briefId: string;
  dealId: string;
  accountId: string | null;
  question: string;
  field: BriefField | null;
  askedAt: string;
}

/** The unanswered questions on the briefs a person writes (their account executive), oldest first. */
export async function openClarificationsFor(db: Db, workspaceId: string, userId: string): Promise<OpenClarification[]> {
  const rows = await db
    .selectFrom('handoff_clarifications')
    .innerJoin('handoff_briefs', 'handoff_briefs.id', 'handoff_clarifications.brief_id')
    .select([
      'handoff_clarifications.id',
      'handoff_clarifications.brief_id as briefId',
      'handoff_briefs.deal_id as dealId',
      'handoff_briefs.account_id as accountId',
      'handoff_clarifications.question',
      'handoff_clarifications.field',
      'handoff_clarifications.asked_at as askedAt',
    ])
    .where('handoff_clarifications.workspace_id', '=', workspaceId)
    .where('handoff_briefs.workspace_id', '=', workspaceId)
    .where('handoff_briefs.ae_user_id', '=', userId)
    .where('handoff_clarifications.answer', 'is', null)
    .orderBy('handoff_clarifications.asked_at')
    .orderBy('handoff_clarifications.id')
    .execute();
  return rows.map((r) => ({ ...r, field: r.field as BriefField | null }));
}
