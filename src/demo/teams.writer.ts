/**
 * Writes the demo's new team: on a customer live for over two months whose usage tells a healthy story, the
 * Operations people's first week in the product, taken in as the ingest API would (identify calls naming their
 * department, then their events). The `new_team_active` trigger finds them in the daily play evaluation.
 */
import { accountNamesById } from '../modules/accounts/index.ts';
import { projectRecords } from '../modules/delivery/index.ts';
import { ingestMessages, type UsageMessage } from '../modules/usage/index.ts';
import type { Actor } from '../platform/auth/principal.ts';
import type { Db } from '../platform/db/database.ts';
import type { DemoData } from './demo.ts';
import type { Random } from './random.ts';
import { NEW_TEAM, planNewTeam } from './teams.ts';
import { usageStories } from './usage.ts';

const DAY_MS = 86_400_000;

export async function writeDemoNewTeam(
  db: Db,
  ctx: { workspaceId: string; data: DemoData; today: Date; actor: Actor },
  rng: Random,
): Promise<{ account: string | null; users: number }> {
  const scope = { workspaceId: ctx.workspaceId, partnerId: null };
  const names = await accountNamesById(db, scope);
  const liveSince = new Date(ctx.today.getTime() - 75 * DAY_MS).toISOString().slice(0, 10);
  const longLive = new Set(
    (await projectRecords(db, scope))
      .filter((p) => p.status === 'live' && p.go_live_on && p.go_live_on <= liveSince)
      .map((p) => names.get(p.account_id)),
  );
  const account = usageStories(ctx.data.accounts).find((s) => s.story === 'healthy' && longLive.has(s.account.name));
  if (!account) return { account: null, users: 0 };
  const users = planNewTeam(rng, account.account, ctx.today);
  let n = 0;
  const messages: UsageMessage[] = users.flatMap((u) =>
    u.sessions.flatMap((s, i) =>
      [...(i === 0 ? [null] : []), ...s.events].map((event, k): UsageMessage => {
        const at = new Date(Date.parse(`${s.day}T00:00:00Z`) + s.hour * 3_600_000 + k * 240_000).toISOString();
        return {
          source: 'segment',
          messageId: `demo-team-${++n}`,
          type: event === null ? 'identify' : 'track',
          event,
          userId: u.userId,
          anonymousId: null,
          groupId: account.account.domain,
          occurredAt: at,
          properties: JSON.stringify(event === null ? { email: u.email, name: u.name, department: NEW_TEAM } : {}),
          email: event === null ? u.email : null,
        };
      }),
    ),
  );
  await ingestMessages(db, { workspaceId: ctx.workspaceId, source: 'segment', actor: ctx.actor, messages });
  return { account: account.account.name, users: users.length };
}
