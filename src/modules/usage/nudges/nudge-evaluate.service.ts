/**
 * Evaluating the nudge rules of a workspace: who is overdue (recorded as eligible), who gets a nudge (one per rule,
 * milestone and user, kept unique by the table), then the email nudges sent over SMTP; a failed send stays failed
 * with its reason and is tried again by the next run.
 */
import { accountNamesById } from '../../accounts/index.ts';
import { milestonesAwaitingUsage } from '../../delivery/index.ts';
import type { Config } from '../../../platform/config/config.ts';
import type { Kysely } from 'kysely';
import type { Db } from '../../../platform/db/database.ts';
import type { Database } from '../../../platform/db/schema.ts';
import { newId } from '../../../platform/ids.ts';
import { sendMail } from '../../../platform/mail/mail.service.ts';
import { doneKey, firstNameOf, nudgeCandidates, renderTemplate } from './nudge.ts';
import { toRule } from './nudge-rule.service.ts';
import * as store from './nudge.store.ts';

export interface NudgeEnv {
  config: Pick<Config, 'smtp' | 'smtpFrom'>;
  now: Date;
}

export interface EvaluateSummary {
  eligible: number;
  nudged: number;
  skippedNoEmail: number;
  sent: number;
  failed: number;
}

/** A claimed send not finished after this long (its sender died) may be claimed again. */
const STALE_SEND_MS = 10 * 60_000;

const key = (r: { rule_id: string; milestone_id: string; user_id: string }) =>
  `${r.rule_id}\u0000${r.milestone_id}\u0000${r.user_id}`;

/** Finds overdue users and makes their nudges, in the caller's transaction. */
export async function planNudges(db: Db, workspaceId: string, now: Date) {
  const rules = (await store.selectRules(db, workspaceId)).map(toRule).filter((r) => r.enabled);
  if (rules.length === 0) return { eligible: 0, nudged: 0, skippedNoEmail: 0 };
  const milestones = await milestonesAwaitingUsage(db, workspaceId);
  const accountIds = [...new Set(milestones.map((m) => m.accountId))];
  const users = (await store.selectProductUsers(db, workspaceId, accountIds)).map((u) => ({
    accountId: u.account_id,
    userId: u.user_id,
    email: u.email,
  }));
  const events = [...new Set(milestones.map((m) => m.event))];
  const done = new Set(
    (await store.selectFirstDone(db, workspaceId, accountIds, events)).map((d) =>
      doneKey(d.account_id, d.user_id, d.event),
    ),
  );
  const at = now.toISOString();
  const candidates = nudgeCandidates(rules, milestones, users, done, at.slice(0, 10));
  const asRow = (c: (typeof candidates)[number]) => ({
    rule_id: c.ruleId,
    milestone_id: c.milestone.milestoneId,
    user_id: c.user.userId,
  });

  const seen = new Set((await store.selectEligibleKeys(db, workspaceId)).map(key));
  const newlyEligible = candidates.filter((c) => !seen.has(key(asRow(c))));
  await store.insertEligible(
    db,
    newlyEligible.map((c) => ({
      workspace_id: workspaceId,
      ...asRow(c),
      account_id: c.milestone.accountId,
      event: c.milestone.event,
      eligible_at: at,
    })),
  );

  const made = new Set((await store.selectNudgeKeys(db, workspaceId)).map(key));
  const fresh = candidates.filter((c) => c.due && !made.has(key(asRow(c))));
  const skippedNoEmail = fresh.filter((c) => c.skipped).length;
  const names = await accountNamesById(db, { workspaceId, partnerId: null });
  const ruleOf = new Map(rules.map((r) => [r.id, r]));
  const rows = fresh
    .filter((c) => !c.skipped)
    .map((c) => {
      const rule = ruleOf.get(c.ruleId)!;
      const values = {
        first_name: firstNameOf(c.user.email),
        milestone: c.milestone.milestoneName,
        account: names.get(c.milestone.accountId) ?? '',
      };
      return {
        id: newId(),
        workspace_id: workspaceId,
        ...asRow(c),
        account_id: c.milestone.accountId,
        event: c.milestone.event,
        channel: rule.channel,
        email: rule.channel === 'email' ? c.user.email : null,
        subject: renderTemplate(rule.subject, values),
        body: renderTemplate(rule.message, values),
        status: 'queued',
        attempts: 0,
        last_error: null,
        created_at: at,
        updated_at: at,
        sent_at: null,
        shown_at: null,
        dismissed_at: null,
      };
    });
  await store.insertNudges(db, rows);
  return { eligible: newlyEligible.length, nudged: rows.length, skippedNoEmail };
}

const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** Sends the workspace's email nudges not sent yet (new, failed before, or abandoned by a sender). */
export async function sendEmailNudges(db: Db, workspaceId: string, env: NudgeEnv) {
  const staleBefore = new Date(env.now.getTime() - STALE_SEND_MS).toISOString();
  let sent = 0;
  let failed = 0;
  for (const row of await store.selectSendable(db, workspaceId, staleBefore)) {
    const at = env.now.toISOString();
    if (!(await store.claimNudge(db, row, at))) continue;
    const result = row.email
      ? await sendMail(env.config, {
          to: row.email,
          subject: row.subject,
          text: row.body,
          html: row.body
            .split(/\n{2,}/)
            .map((p) => `<p>${escapeHtml(p).replace(/\n/g, '<br>')}</p>`)
            .join('\n'),
          headers: { 'X-Baton-Nudge': row.id },
        })
      : { ok: false, status: null, answer: 'no email address' };
    if (result.ok) {
      sent += 1;
      await store.updateNudge(db, workspaceId, row.id, {
        status: 'sent',
        sent_at: at,
        last_error: null,
        updated_at: at,
      });
    } else {
      failed += 1;
      await store.updateNudge(db, workspaceId, row.id, { status: 'failed', last_error: result.answer, updated_at: at });
    }
  }
  return { sent, failed };
}

/** Plans the workspace's nudges in one transaction, then sends its email nudges one by one. */
export async function evaluateNudges(
  db: Kysely<Database>,
  workspaceId: string,
  env: NudgeEnv,
): Promise<EvaluateSummary> {
  const planned = await db.transaction().execute((trx) => planNudges(trx, workspaceId, env.now));
  const sending = await sendEmailNudges(db, workspaceId, env);
  return { ...planned, ...sending };
}
