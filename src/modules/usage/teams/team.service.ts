/**
 * Teams of product users: the team trait kept per user as identify calls arrive (the writer calls
 * `keepUserTeams` in its group's transaction), the setting naming the trait, and the teams that became active.
 */
import type { Actor } from '../../../platform/auth/principal.ts';
import type { Db } from '../../../platform/db/database.ts';
import { readSetting, writeSetting } from '../../../platform/settings/settings.service.ts';
import { type NewTeam, newTeams, teamOf } from './team.ts';
import { type TeamTrait, teamTraitSetting } from './team.settings.ts';

export const readTeamTrait = (db: Db, workspaceId: string): Promise<TeamTrait> =>
  readSetting(db, workspaceId, teamTraitSetting);
export const writeTeamTrait = (db: Db, actor: Actor, workspaceId: string, value: TeamTrait) =>
  writeSetting(db, actor, workspaceId, teamTraitSetting, value);

/** Keeps the team each identify call gives its user, the last one stated winning. */
export async function keepUserTeams(
  db: Db,
  workspaceId: string,
  messages: Iterable<{ type: string; userId: string | null; properties: string }>,
  at: string,
): Promise<void> {
  let key: string | null = null;
  const teams = new Map<string, string>();
  for (const m of messages) {
    if (m.type !== 'identify' || !m.userId) continue;
    key ??= (await readTeamTrait(db, workspaceId)).traitKey;
    const team = teamOf(m.properties, key);
    if (team) teams.set(m.userId, team);
  }
  if (teams.size === 0) return;
  const rows = [...teams]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([user_id, team]) => ({ workspace_id: workspaceId, user_id, team, updated_at: at }));
  await db
    .insertInto('usage_user_teams')
    .values(rows)
    .onConflict((oc) =>
      oc
        .columns(['workspace_id', 'user_id'])
        .doUpdateSet((eb) => ({ team: eb.ref('excluded.team'), updated_at: eb.ref('excluded.updated_at') })),
    )
    .execute();
}

/**
 * The teams of each account active in the `recentDays` up to `today` whose users were not active in the
 * `lookbackDays` before, in accounts active in those days.
 */
export async function teamsNewlyActive(
  db: Db,
  workspaceId: string,
  today: string,
  recentDays: number,
  lookbackDays: number,
): Promise<NewTeam[]> {
  const day = (n: number) => new Date(Date.parse(`${today}T00:00:00Z`) - n * 86_400_000).toISOString().slice(0, 10);
  const since = day(recentDays - 1);
  const from = day(recentDays - 1 + lookbackDays);
  const rows = await db
    .selectFrom('usage_daily_account_user as u')
    .innerJoin('usage_user_teams as t', (j) =>
      j.onRef('t.workspace_id', '=', 'u.workspace_id').onRef('t.user_id', '=', 'u.user_key'),
    )
    .select(['u.account_id', 't.team', 'u.user_key', 'u.day'])
    .where('u.workspace_id', '=', workspaceId)
    .where('u.day', '>=', from)
    .where('u.day', '<=', today)
    .execute();
  const active = await db
    .selectFrom('usage_daily_account_user')
    .select('account_id')
    .distinct()
    .where('workspace_id', '=', workspaceId)
    .where('day', '>=', from)
    .where('day', '<', since)
    .execute();
  return newTeams(
    rows.map((r) => ({ accountId: r.account_id, team: r.team, userKey: r.user_key, day: r.day })),
    new Set(active.map((a) => a.account_id)),
    since,
  );
}
