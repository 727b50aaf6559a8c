/**
 * Writes the demo's onboarding nudges by living through the weeks since its rule was made, one day at a time on the
 * demo's clock: each morning the real nudge evaluation runs; then the product users of the customers being onboarded
 * sign in (an in-app reminder waiting for them is shown, and later dismissed by those who ignore it), their events
 * are taken in as the ingest API would take them, and a first report published completes its milestone the same day,
 * as delivery's usage job does. The effect on the Nudges tab is measured from what followed.
 */
import { accountNamesById } from '../modules/accounts/index.ts';
import {
  completeMilestonesByUsage,
  milestonesAwaitingUsage,
  projectRecords,
  recomputeForecasts,
} from '../modules/delivery/index.ts';
import {
  createNudgeRule,
  ingestMessages,
  markInApp,
  planNudges,
  recentNudges,
  type UsageMessage,
} from '../modules/usage/index.ts';
import type { Actor } from '../platform/auth/principal.ts';
import type { Db } from '../platform/db/database.ts';
import type { DemoData } from './demo.ts';
import { DEMO_NUDGE_RULE, FIRST_REPORT_EVENT, NUDGE_RULE_DAYS_AGO, planOnboardingUsage } from './nudges.ts';
import type { Random } from './random.ts';

const DAY_MS = 86_400_000;
const at = (day: string, hour: number, minute = 0) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + hour * 3_600_000 + minute * 60_000).toISOString();

export async function writeDemoNudges(
  db: Db,
  ctx: { workspaceId: string; data: DemoData; today: Date; actor: Actor },
  rng: Random,
): Promise<{ productUsers: number; nudges: number }> {
  const { workspaceId } = ctx;
  const scope = { workspaceId, partnerId: null };
  const names = await accountNamesById(db, scope);
  const kickoffs = new Map((await projectRecords(db, scope)).map((p) => [p.id, p.kickoff_on]));
  const awaited = (await milestonesAwaitingUsage(db, workspaceId))
    .filter((m) => m.event === FIRST_REPORT_EVENT && kickoffs.get(m.projectId))
    .map((m) => ({ accountName: names.get(m.accountId)!, kickoffOn: kickoffs.get(m.projectId)!, dueOn: m.dueOn }));
  const plans = planOnboardingUsage(rng, ctx.data.accounts, awaited, ctx.today);
  const startMs = Math.floor(ctx.today.getTime() / DAY_MS) * DAY_MS - NUDGE_RULE_DAYS_AGO * DAY_MS;
  await createNudgeRule(db, ctx.actor, workspaceId, DEMO_NUDGE_RULE, new Date(startMs + 9 * 3_600_000));

  const users = plans.flatMap((p) => p.users.map((u) => ({ ...u, domain: p.domain })));
  const sessionsOn = new Map<string, Array<{ user: (typeof users)[number]; hour: number; events: string[] }>>();
  for (const user of users)
    for (const s of user.sessions) sessionsOn.set(s.day, [...(sessionsOn.get(s.day) ?? []), { user, ...s }]);
  const seen = new Set<string>();
  const shown = new Map<string, number>(); // user → sign-ins since their reminder was shown
  const published = new Set<string>();
  const moved = new Set<string>();
  // The mornings the evaluation can find someone new: a first report falls due or overdue, or a user appeared the day
  // before. On the other mornings it would find nothing, so it is not run (the same nudges, in less time).
  const addDays = (day: string, n: number) => new Date(Date.parse(day) + n * DAY_MS).toISOString().slice(0, 10);
  const evaluated = new Set([
    ...plans.flatMap((p) => [p.dueOn, addDays(p.dueOn, DEMO_NUDGE_RULE.daysAfterDue)]),
    ...users.filter((u) => u.sessions[0]).map((u) => addDays(u.sessions[0]!.day, 1)),
  ]);
  const waiting = new Map<string, string[]>(); // user → their in-app nudges not shown yet
  let messageNo = 0;
  for (let ms = startMs; ms < ctx.today.getTime(); ms += DAY_MS) {
    const day = new Date(ms).toISOString().slice(0, 10);
    if (evaluated.has(day) && (await planNudges(db, workspaceId, new Date(ms + 6 * 3_600_000))).nudged > 0) {
      waiting.clear();
      for (const n of await recentNudges(db, workspaceId, 10_000, 'queued'))
        waiting.set(n.userId, [...(waiting.get(n.userId) ?? []), n.id]);
    }
    const sessions = sessionsOn.get(day) ?? [];
    if (sessions.length === 0) continue;
    const messages: UsageMessage[] = [];
    let publishedToday = false;
    for (const { user, hour, events } of sessions) {
      const message = (type: 'identify' | 'track', event: string | null, minute: number, properties: object) =>
        messages.push({
          source: 'segment',
          messageId: `demo-${++messageNo}`,
          type,
          event,
          userId: user.userId,
          anonymousId: null,
          groupId: user.domain,
          occurredAt: at(day, hour, minute),
          properties: JSON.stringify(properties),
          email: type === 'identify' ? user.email : null,
        });
      if (!seen.has(user.userId)) {
        seen.add(user.userId);
        message('identify', null, 0, { email: user.email, name: user.name });
      }
      // The product shows a reminder waiting for its user as they sign in; one who ignored it dismisses it next time.
      const signIns = shown.get(user.userId);
      if (signIns !== undefined) shown.set(user.userId, signIns + 1);
      if (signIns !== undefined && user.afterShown === null && signIns === 0)
        for (const n of await recentNudges(db, workspaceId, 10_000, 'shown'))
          if (n.userId === user.userId)
            await markInApp(db, workspaceId, user.userId, n.id, 'dismiss', new Date(at(day, hour, 1)));
      for (const id of waiting.get(user.userId) ?? []) {
        await markInApp(db, workspaceId, user.userId, id, 'seen', new Date(at(day, hour, 1)));
        if (!shown.has(user.userId)) shown.set(user.userId, 0);
      }
      waiting.delete(user.userId);
      events.forEach((event, k) => message('track', event, 2 + k * 7, { path: '/' }));
      const acted = user.afterShown !== null && shown.get(user.userId) === user.afterShown;
      if (!published.has(user.userId) && (user.publishOn === day || acted)) {
        published.add(user.userId);
        publishedToday = true;
        message('track', FIRST_REPORT_EVENT, 40, { template: 'Weekly overview' });
      }
    }
    await ingestMessages(db, { workspaceId, source: 'segment', actor: ctx.actor, messages });
    if (publishedToday) for (const id of await completeMilestonesByUsage(db, workspaceId, day)) moved.add(id);
  }
  if (moved.size > 0)
    await recomputeForecasts(db, workspaceId, {
      today: ctx.today.toISOString().slice(0, 10),
      actor: ctx.actor,
      touched: [...moved],
      datesChanged: [...moved],
    });
  return { productUsers: seen.size, nudges: (await recentNudges(db, workspaceId, 10_000)).length };
}
