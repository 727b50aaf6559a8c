/**
 * Writes the demo's delivery side through the delivery services: people, holidays and time off, projects in
 * every state (running on track, late with slips, leaning on one person, blocked; queued; delivered; cancelled),
 * partner-delivered ones for partner accounts, and time logged on the work done.
 */
import type { Actor } from '../platform/auth/principal.ts';
import type { Db } from '../platform/db/database.ts';
import { accountNamesById, setAccountCreatedOn } from '../modules/accounts/index.ts';
import {
  addTimeOff,
  applyProgress,
  createResource,
  createTimeEntry,
  instantiateProject,
  type ProgressSnapshot,
  projectRecord,
  projectRecords,
  selectPlaybook,
  setHolidays,
  setPastDates,
  taskRecords,
  typicalDurationDays,
} from '../modules/delivery/index.ts';
import type { DemoData } from './demo.ts';
import {
  demoHolidays,
  type DemoProjectPlan,
  generateDeliveryPeople,
  planDemoProjects,
  progressOf,
} from './delivery.ts';
import type { Random } from './random.ts';
import { dayNo, handOverAfterGoLive, iso, promiseAfterForecast } from './delivery-history.writer.ts';

export interface DeliveryWriteContext {
  workspaceId: string;
  data: DemoData;
  userIdOf: (email: string | null) => string | null;
  partnerIds: ReadonlyMap<string, string>;
  today: Date;
  actor: Actor;
}

const DAY = 86_400_000;
const weekday = (n: number) => {
  const d = new Date(n * DAY).getUTCDay();
  return d !== 0 && d !== 6;
};

export interface DeliverySummary {
  people: number;
  projects: number;
  timeEntries: number;
}

export async function writeDemoDelivery(db: Db, ctx: DeliveryWriteContext, rng: Random): Promise<DeliverySummary> {
  const { workspaceId, actor } = ctx;
  const scope = { workspaceId, partnerId: null };
  const today = Math.floor(ctx.today.getTime() / DAY);
  await setHolidays(db, actor, workspaceId, demoHolidays(ctx.today));

  // People.
  const people = generateDeliveryPeople(ctx.data.staff, ctx.data.partners);
  const byRole = new Map<string, Array<{ id: string; partner: string | null }>>();
  for (const p of people) {
    const created = await createResource(db, actor, scope, {
      name: p.name,
      email: p.email,
      userId: ctx.userIdOf(p.staffEmail),
      role: p.role,
      skills: p.skills,
      weeklyCapacityHours: p.weeklyCapacityHours,
      costRate: p.costRate,
      billRate: p.billRate,
      partnerId: p.partner ? (ctx.partnerIds.get(p.partner) ?? null) : null,
    });
    (byRole.get(p.role) ?? byRole.set(p.role, []).get(p.role)!).push({ id: created.id, partner: p.partner });
  }
  const specialist = byRole.get('integration_engineer')?.find((r) => !r.partner);
  if (specialist)
    await addTimeOff(db, actor, scope, specialist.id, {
      from: iso(today + 6),
      to: iso(today + 13),
      reason: 'Vacation',
    });
  const trainer = byRole.get('trainer')?.[0];
  if (trainer)
    await addTimeOff(db, actor, scope, trainer.id, {
      from: iso(today + 20),
      to: iso(today + 22),
      reason: 'Conference',
    });

  // Projects: the accepted handoffs already started theirs; delivered and cancelled ones are brought in.
  const names = await accountNamesById(db, scope);
  const idByName = new Map([...names].map(([id, name]) => [name, id]));
  const accounts = new Map(ctx.data.accounts.map((a) => [a.name, a]));
  const existing = await projectRecords(db, scope);
  const projectOf = new Map(existing.map((p) => [p.account_id, p]));
  const plans = planDemoProjects(rng, ctx.data.accounts);
  const running: string[] = [];
  const stories = new Map<string, string>();
  let projects = existing.length;
  const load = new Map<string, number>(); // resource × day → hours logged
  const since = new Map<string, number>(); // account → the first day of its story (signed or accepted)
  let timeEntries = 0;

  for (const plan of plans) {
    const accountId = idByName.get(plan.accountName);
    const account = accounts.get(plan.accountName);
    if (!accountId || !account) continue;
    let project = projectOf.get(accountId);
    if (!project) {
      if (plan.story === 'queued' || ['on_track', 'late', 'concentrated', 'blocked'].includes(plan.story)) continue;
      const playbook = await selectPlaybook(db, workspaceId, { products: [], segment: account.segment });
      if (!playbook) continue;
      const kickoff = today - (plan.kickoffDaysAgo ?? 0);
      const id = await instantiateProject(db, actor, workspaceId, {
        accountId,
        name: `${plan.accountName} — ${playbook.name}`,
        playbook,
        dealId: null,
        handoffId: null,
        signedOn: iso(kickoff - rng.int(10, 35)),
        acceptedOn: iso(kickoff - rng.int(3, 9)),
        promisedGoLive: null,
        plannedKickoffOn: null,
        partnerId: account.owners.partner ? (ctx.partnerIds.get(account.owners.partner) ?? null) : null,
        leadUserId: ctx.userIdOf(account.owners.deliveryLead),
        commercialModel: rng.chance(0.7) ? 'fixed_fee' : 'time_and_materials',
        servicesFee: null,
        currency: 'USD',
      });
      projects++;
      project = (await projectRecord(db, scope, id))!;
    }
    const tasks = await taskRecords(db, workspaceId, project.id);
    const planTasks = tasks.map((t) => ({
      key: t.key,
      dependsOn: JSON.parse(t.depends_on) as string[],
      ownerRole: t.owner_role,
      customerOwned: t.customer_owned === 1,
      effortHours: t.effort_hours,
      durationDays: t.duration_days,
    }));
    const typical = typicalDurationDays({
      phases: [
        {
          key: 'p',
          name: 'p',
          milestones: [],
          tasks: planTasks.map((t) => ({ ...t, name: t.key, type: 'general', milestone: null })),
        },
      ],
      firstValueMilestone: 'x',
      goLiveMilestone: 'x',
      goLiveChecklist: [],
    });
    const calendarDays = Math.round(typical * 1.8) + 15;

    // Who works on what: the account's partner firm where it has someone of the role, else our people.
    const firm = account.owners.partner;
    const pick = (role: string, i: number) => {
      const pool = byRole.get(role) ?? [];
      const theirs = firm ? pool.filter((r) => r.partner === firm) : [];
      const ours = pool.filter((r) => !r.partner);
      const from = theirs.length ? theirs : ours;
      return from.length ? from[i % from.length]!.id : null;
    };
    const concentratedOn = pick('consultant', 0);
    const assignments: Record<string, string> = {};
    tasks.forEach((t, i) => {
      if (t.customer_owned === 1) return;
      const who =
        plan.story === 'concentrated' && t.owner_role !== 'project_manager'
          ? concentratedOn
          : pick(t.owner_role, i + rng.int(0, 3));
      if (who) assignments[t.key] = who;
    });

    // Kicked off a week or more after signing, and at least a few days ago.
    const signed = project.signed_on ? dayNo(project.signed_on) : null;
    const kickoff =
      plan.kickoffDaysAgo === null
        ? null
        : Math.min(today - 5, Math.max(today - plan.kickoffDaysAgo, signed === null ? -Infinity : signed + 7));
    const snap: ProgressSnapshot = { kickoffOn: kickoff === null ? null : iso(kickoff), assignments };
    // Accepted before it kicked off (and never after the demo's today): a brief accepted "today" by the deals
    // writer belongs to a project that kicked off weeks ago.
    const accepted =
      kickoff === null
        ? Math.min(dayNo(project.accepted_on.slice(0, 10)), today)
        : Math.max(signed ?? -Infinity, kickoff - 5);
    if (iso(accepted) !== project.accepted_on.slice(0, 10)) {
      await setPastDates(db, workspaceId, project.id, { acceptedOn: iso(accepted) });
      project = { ...project, accepted_on: iso(accepted) };
    }
    since.set(accountId, Math.min(since.get(accountId) ?? Infinity, signed ?? accepted, accepted));
    if (plan.story === 'queued' || kickoff === null) continue;
    if (['live', 'live_late', 'closed'].includes(plan.story)) {
      const goLive = kickoff + calendarDays + (plan.story === 'live_late' ? rng.int(15, 45) : rng.int(-5, 10));
      const { done } = progressOf(planTasks, 1, kickoff, goLive);
      snap.done = Object.fromEntries([...done].map(([k, d]) => [k, iso(d)]));
      snap.goLiveOn = iso(goLive);
      if (plan.story === 'closed') snap.closedOn = iso(Math.min(today, goLive + 30));
      const promised = plan.story === 'live_late' ? kickoff + calendarDays - 10 : goLive + rng.int(0, 14);
      await setPastDates(db, workspaceId, project.id, { promisedGoLive: iso(promised) });
      project = { ...project, promised_go_live: iso(promised) };
      if (plan.story === 'live_late') {
        snap.slips = [
          {
            recordedAt: `${iso(kickoff + 20)}T09:00:00.000Z`,
            fromForecast: iso(promised - 3),
            toForecast: iso(promised + 12),
            reasonCode: 'customer_delay',
            note: 'Customer data export arrived three weeks late',
          },
          {
            recordedAt: `${iso(kickoff + 60)}T09:00:00.000Z`,
            fromForecast: iso(promised + 12),
            toForecast: iso(goLive),
            reasonCode: 'scope_change',
            note: 'Second region added to the rollout',
          },
        ];
      }
    } else if (plan.story === 'cancelled') {
      const { done } = progressOf(planTasks, plan.progress, kickoff, kickoff + 40);
      snap.done = Object.fromEntries([...done].map(([k, d]) => [k, iso(d)]));
      snap.cancelled = {
        on: iso(kickoff + 45),
        reason: 'The customer was acquired and moved to the parent company’s tool',
      };
    } else {
      const { done, next } = progressOf(planTasks, plan.progress, kickoff, today - 1);
      snap.done = Object.fromEntries([...done].map(([k, d]) => [k, iso(d)]));
      if (next && plan.story === 'blocked')
        snap.blocked = {
          [next]: {
            since: iso(today - rng.int(8, 14)),
            reason: 'Waiting for the customer’s IT to open the firewall to our IP range',
          },
        };
      else if (next) {
        const t = tasks.find((x) => x.key === next)!;
        snap.inProgress = {
          [next]: {
            startedOn: iso(today - rng.int(1, 5)),
            remainingHours: Math.max(1, Math.round(t.effort_hours / 2)),
          },
        };
      }
      running.push(project.id);
      stories.set(project.id, plan.story);
    }
    await applyProgress(db, actor, workspaceId, project.id, snap);
    if (snap.goLiveOn) await handOverAfterGoLive(db, ctx, accountId, account, accepted, dayNo(snap.goLiveOn), today);

    // Time logged on the work done of running projects (and a few delivered ones), as a timesheet import would.
    if (plan.story === 'closed' || plan.story === 'cancelled' || (plan.story.startsWith('live') && rng.chance(0.75)))
      continue;
    // Never before the deal was signed: time on a project begins with it.
    const firstDay = project.signed_on ? dayNo(project.signed_on) : -Infinity;
    for (const [key, doneOn] of Object.entries(snap.done ?? {})) {
      const t = tasks.find((x) => x.key === key)!;
      const who = assignments[key];
      if (!who || t.effort_hours <= 0) continue;
      let left = Math.round(t.effort_hours * (0.8 + rng.next() * 0.6) * 2) / 2;
      for (let d = dayNo(doneOn); left > 0 && d > dayNo(doneOn) - 60 && d >= firstDay; d--) {
        if (!weekday(d) || d > today) continue;
        const used = load.get(`${who}:${d}`) ?? 0;
        const hours = Math.min(left, 8 - used, 6);
        if (hours <= 0) continue;
        load.set(`${who}:${d}`, used + hours);
        await createTimeEntry(
          db,
          actor,
          scope,
          {
            projectId: project.id,
            taskId: t.id,
            resourceId: who,
            date: iso(d),
            hours,
            billable: t.task_type !== 'meeting',
            rework: false,
            note: null,
          },
          'import',
        );
        timeEntries++;
        left -= hours;
      }
    }
  }
  await promiseAfterForecast(db, ctx, rng, today, stories);
  // Projects the story did not touch (briefs accepted today, queued) are accepted on the demo's today at the latest.
  for (const p of await projectRecords(db, scope)) {
    const accepted = Math.min(dayNo(p.accepted_on.slice(0, 10)), today);
    if (iso(accepted) !== p.accepted_on.slice(0, 10))
      await setPastDates(db, workspaceId, p.id, { acceptedOn: iso(accepted) });
    const first = Math.min(accepted, p.signed_on ? dayNo(p.signed_on) : accepted);
    since.set(p.account_id, Math.min(since.get(p.account_id) ?? Infinity, first));
  }
  // Customers delivered before Baton and without a project here came in with their history, a year or more ago.
  ctx.data.accounts.forEach((a, i) => {
    const id = idByName.get(a.name);
    if (
      id &&
      !since.has(id) &&
      (a.lifecyclePhase === 'live' || a.lifecyclePhase === 'renewing' || a.lifecyclePhase === 'churned')
    )
      since.set(id, today - 380 - (i % 90));
  });
  // An account is in Baton from a little before its deal was signed, not from the day the demo was built.
  for (const [accountId, first] of since)
    await setAccountCreatedOn(db, workspaceId, accountId, `${iso(first - 14)}T09:00:00.000Z`);
  return { people: people.length, projects, timeEntries };
}

export type { DemoProjectPlan };
