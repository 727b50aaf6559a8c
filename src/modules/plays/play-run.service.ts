/**
 * Play runs: a trigger occurrence starts each enabled play it matches once per account (the unique key on play,
 * account and occurrence decides, so two instances or a repeated event cannot start it twice), its tasks dated from
 * the start day and assigned through the account's owners. A run ends when its tasks are done or its signal goes;
 * its outcome is judged then, or 30 days after the start.
 */
import type { Actor } from '../../platform/auth/principal.ts';
import type { Db } from '../../platform/db/database.ts';
import { AppError } from '../../platform/errors/app-error.ts';
import { newId } from '../../platform/ids.ts';
import { getAccount } from '../accounts/index.ts';
import {
  assignTask,
  dueOf,
  matchTrigger,
  type Occurrence,
  type Owners,
  type PlayDefinition,
  triggerWords,
} from './play.ts';
import * as store from './play.store.ts';

export interface StartedRun {
  runId: string;
  playId: string;
  accountId: string;
}

async function ownersOf(db: Db, workspaceId: string, accountId: string) {
  const a = await getAccount(db, { workspaceId, partnerId: null }, accountId).catch(() => null);
  if (!a) return null;
  const owners: Owners = {
    ae: a.aeUserId,
    delivery_lead: a.deliveryLeadUserId,
    csm: a.csmUserId,
    account_manager: a.accountManagerUserId,
  };
  return { name: a.name, owners };
}

const occurrenceWords = (o: Occurrence): string => {
  switch (o.type) {
    case 'signal':
      return `${o.kind} signal raised (${o.severity})`;
    case 'deal_confirmed':
      return 'closed-won deal confirmed';
    case 'handoff_accepted':
      return 'handoff accepted by delivery';
    case 'kickoff':
      return `project kicked off on ${o.on}`;
    case 'first_value':
      return `first value reached on ${o.on}`;
    case 'go_live':
      return `went live on ${o.goLive}`;
    case 'renewal':
      return `renews on ${o.renewal}`;
    case 'survey':
      return `${o.survey.toUpperCase()} answer of ${o.score}`;
    case 'seats_above':
      return `${o.used} of ${o.licensed} licensed seats in use`;
    case 'healthy_after_go_live':
      return `healthy since ${o.healthySince > o.goLive ? o.healthySince : o.goLive}, live since ${o.goLive}`;
    case 'unentitled_feature':
      return `used ${o.featureName} since ${o.firstDay}, not in the ${o.plan} plan`;
    case 'new_team_active':
      return `${o.team} active since ${o.firstDay} (${o.users} ${o.users === 1 ? 'user' : 'users'})`;
  }
};

/** Writes one run with its tasks, unless the play already ran for that occurrence; null then. */
async function startRun(
  db: Db,
  workspaceId: string,
  play: { id: string; version: number; def: PlayDefinition },
  accountId: string,
  key: string,
  o: Occurrence,
  today: string,
  createdAt: string,
  account?: { name: string; owners: Owners } | null,
): Promise<StartedRun | null> {
  const acc = account ?? (await ownersOf(db, workspaceId, accountId));
  if (!acc) return null;
  const runId = newId();
  const inserted = await store.insertRun(db, {
    id: runId,
    workspace_id: workspaceId,
    play_id: play.id,
    play_version: play.version,
    account_id: accountId,
    occurrence_key: key,
    trigger_text: `${acc.name}: ${occurrenceWords(o)}, ${triggerWords(play.def.trigger)}`,
    signal_id: o.type === 'signal' ? o.signalId : null,
    started_on: today,
    status: 'open',
    ended_at: null,
    end_reason: null,
    outcome: null,
    success: null,
    outcome_at: null,
    created_at: createdAt,
  });
  if (!inserted) return null;
  await store.insertTasks(
    db,
    play.def.tasks.map((t, i) => {
      const a = assignTask(t, acc.owners, acc.name);
      return {
        id: newId(),
        workspace_id: workspaceId,
        run_id: runId,
        position: i + 1,
        title: t.title,
        instructions: t.instructions,
        email_template: t.emailTemplate,
        role: a.role,
        assignee_user_id: a.userId,
        assignment_note: a.note,
        due_on: dueOf(today, t),
        done_at: null,
        done_by_label: null,
      };
    }),
  );
  return { runId, playId: play.id, accountId };
}

/** An enabled play as the triggers use it: its current version's definition. */
export interface LoadedPlay {
  id: string;
  version: number;
  def: PlayDefinition;
}

/** The enabled plays of a trigger type (for a signal, of that kind), read once for many accounts. */
export const enabledPlays = async (db: Db, workspaceId: string, type: string, kind?: string): Promise<LoadedPlay[]> =>
  (await store.enabledPlaysOf(db, workspaceId, type, kind)).map((p) => ({
    id: p.id,
    version: p.current_version,
    def: JSON.parse(p.definition) as PlayDefinition,
  }));

/**
 * Starts every enabled play whose trigger this occurrence on `accountId` matches, on `today` (YYYY-MM-DD, the
 * caller's clock). Returns the runs started (none for an occurrence that already started them).
 */
export async function startMatchingPlays(
  db: Db,
  workspaceId: string,
  accountId: string,
  o: Occurrence,
  today: string,
  createdAt: string,
  loaded?: readonly LoadedPlay[],
): Promise<StartedRun[]> {
  const plays = loaded ?? (await enabledPlays(db, workspaceId, o.type, o.type === 'signal' ? o.kind : undefined));
  if (plays.length === 0) return [];
  const started: StartedRun[] = [];
  let account: { name: string; owners: Owners } | null | undefined;
  for (const p of plays) {
    const key = matchTrigger(p.def.trigger, o, today);
    if (!key) continue;
    if (account === undefined) account = await ownersOf(db, workspaceId, accountId);
    if (!account) return [];
    const run = await startRun(db, workspaceId, p, accountId, key, o, today, createdAt, account);
    if (run) started.push(run);
  }
  return started;
}

/** Starts a play by hand on an account: once per play, account and day. */
export async function startPlayByHand(
  db: Db,
  actor: Actor,
  workspaceId: string,
  playId: string,
  accountId: string,
  today: string,
  createdAt: string,
): Promise<{ runId: string; started: boolean }> {
  const row = await store.findPlay(db, workspaceId, playId);
  if (!row) throw AppError.notFound('play');
  const v = await store.findVersion(db, playId, row.current_version);
  if (!v) throw new Error(`play ${playId} has no version ${row.current_version}`);
  const account = await ownersOf(db, workspaceId, accountId);
  if (!account) throw AppError.validation('body.accountId', 'no such account in this workspace');
  const def = JSON.parse(v.definition) as PlayDefinition;
  const key = `manual:${today}`;
  const run = await startRun(
    db,
    workspaceId,
    { id: playId, version: row.current_version, def },
    accountId,
    key,
    { type: 'deal_confirmed', id: today },
    today,
    createdAt,
    account,
  );
  if (run) {
    await store.setTriggerText(db, run.runId, `${account.name}: started by ${actor.label}`);
    return { runId: run.runId, started: true };
  }
  const existing = await store.findRunByKey(db, playId, accountId, key);
  if (!existing) throw new Error(`play ${playId} neither started nor found on ${accountId}`);
  return { runId: existing.id, started: false };
}
