/**
 * Plays: a named sequence of tasks that a trigger starts on an account — a signal, a step of the journey, a day
 * before the renewal, a low survey answer. Pure: triggers matched, tasks dated and assigned, outcomes judged from
 * data given.
 */
import { z } from 'zod';
import { refId } from '../../platform/http/references.ts';

export const OWNER_ROLES = ['ae', 'delivery_lead', 'csm', 'account_manager'] as const;
export type OwnerRole = (typeof OWNER_ROLES)[number];
/** The order an account passes along: the fallback chain when a role is empty. */
export const OWNERSHIP_CHAIN: readonly OwnerRole[] = OWNER_ROLES;

export const ROLE_WORDS: Record<OwnerRole, string> = {
  ae: 'account executive',
  delivery_lead: 'delivery lead',
  csm: 'CSM',
  account_manager: 'account manager',
};

const SEVERITY_ORDER = ['info', 'warning', 'severe'] as const;

export const triggerSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('signal'),
    kind: z.string().min(3).max(100).describe('The signal kind, e.g. renewal.sponsor_untouched'),
    minSeverity: z.enum(SEVERITY_ORDER).default('warning'),
  }),
  z.object({ type: z.literal('deal_confirmed') }),
  z.object({ type: z.literal('handoff_accepted') }),
  z.object({ type: z.literal('kickoff') }),
  z.object({ type: z.literal('first_value') }),
  z.object({
    type: z.literal('go_live'),
    afterDays: z.number().int().min(0).max(365).default(0).describe('Days after the go-live the play starts'),
  }),
  z.object({ type: z.literal('renewal'), daysBefore: z.number().int().min(1).max(365) }),
  z.object({
    type: z.literal('survey'),
    survey: z.enum(['nps', 'csat']),
    below: z.number().min(0).max(10).describe('An answer under this score starts the play'),
  }),
  z.object({
    type: z.literal('seats_above'),
    percent: z.number().min(1).max(200).describe('Seats in use above this share of the licensed seats'),
  }),
  z.object({
    type: z.literal('healthy_after_go_live'),
    days: z
      .number()
      .int()
      .min(7)
      .max(365)
      .default(60)
      .describe('Days the health band has been healthy without a break, counted from the go-live at the earliest'),
  }),
  z.object({ type: z.literal('unentitled_feature') }),
  z.object({
    type: z.literal('new_team_active'),
    minUsers: z
      .number()
      .int()
      .min(1)
      .max(1000)
      .default(2)
      .describe('Users of a team or department, not active in the account before, active in the last 7 days'),
  }),
]);
export type Trigger = z.infer<typeof triggerSchema>;
export type TriggerType = Trigger['type'];
/** Triggers the daily evaluation looks for (the others come with an event). */
export const DAILY_TRIGGERS: readonly TriggerType[] = [
  'go_live',
  'renewal',
  'seats_above',
  'healthy_after_go_live',
  'unentitled_feature',
  'new_team_active',
];

export const playTaskSchema = z
  .object({
    title: z.string().trim().min(1).max(200),
    role: z.enum(OWNER_ROLES).nullable().default(null).describe('The account owner it goes to'),
    userId: refId('user', 'A named person instead of a role').nullable().default(null),
    dueInDays: z.number().int().min(0).max(365).describe('Days after the play starts'),
    instructions: z.string().max(4000).default(''),
    emailTemplate: z.string().max(8000).nullable().default(null),
  })
  .refine((t) => (t.role === null) !== (t.userId === null), {
    message: 'give either an owner role or a user, not both',
    path: ['role'],
  });
export type PlayTask = z.infer<typeof playTaskSchema>;

export const playDefinitionSchema = z.object({
  name: z.string().trim().min(1).max(120),
  description: z.string().max(2000).default(''),
  trigger: triggerSchema,
  tasks: z.array(playTaskSchema).min(1).max(30),
});
export type PlayDefinition = z.infer<typeof playDefinitionSchema>;

/** What happened that may start a play. */
export type Occurrence =
  | { type: 'signal'; kind: string; severity: string; signalId: string }
  | { type: 'deal_confirmed' | 'handoff_accepted'; id: string }
  | { type: 'kickoff' | 'first_value'; projectId: string; on: string }
  | { type: 'go_live'; goLive: string }
  | { type: 'renewal'; renewal: string }
  | { type: 'survey'; survey: string; score: number; responseId: string }
  | { type: 'seats_above'; used: number; licensed: number; month: string }
  | { type: 'healthy_after_go_live'; goLive: string; healthySince: string }
  | { type: 'unentitled_feature'; plan: string; feature: string; featureName: string; firstDay: string }
  | { type: 'new_team_active'; team: string; users: number; firstDay: string };

/** A week's grace: a step of the journey recorded late still starts its play, an old one never does. */
export const GRACE_DAYS = 7;

const severityRank = (s: string) => SEVERITY_ORDER.indexOf(s as (typeof SEVERITY_ORDER)[number]);

export const DAY_MS = 86_400_000;
export const addDays = (day: string, n: number): string =>
  new Date(Date.parse(`${day.slice(0, 10)}T00:00:00Z`) + n * DAY_MS).toISOString().slice(0, 10);
export const daysBetween = (from: string, to: string): number =>
  Math.round((Date.parse(`${to.slice(0, 10)}T00:00:00Z`) - Date.parse(`${from.slice(0, 10)}T00:00:00Z`)) / DAY_MS);

/**
 * Whether an occurrence starts a play of this trigger on `today`, and the run's key: one run per play, account and
 * key (signal id, event id, project, go-live day, renewal day, survey answer, month of the seat count, plan and
 * feature). Null: it does not.
 */
export function matchTrigger(t: Trigger, o: Occurrence, today: string): string | null {
  if (t.type !== o.type) return null;
  switch (t.type) {
    case 'signal': {
      const s = o as Extract<Occurrence, { type: 'signal' }>;
      return s.kind === t.kind && severityRank(s.severity) >= severityRank(t.minSeverity)
        ? `signal:${s.signalId}`
        : null;
    }
    case 'deal_confirmed':
    case 'handoff_accepted':
      return `${t.type}:${(o as { id: string }).id}`;
    case 'kickoff':
    case 'first_value': {
      const m = o as Extract<Occurrence, { type: 'kickoff' | 'first_value' }>;
      const since = daysBetween(m.on, today);
      return since >= 0 && since <= GRACE_DAYS ? `${t.type}:${m.projectId}` : null;
    }
    case 'go_live': {
      const g = o as Extract<Occurrence, { type: 'go_live' }>;
      const since = daysBetween(g.goLive, today);
      return since >= t.afterDays && since <= t.afterDays + GRACE_DAYS ? `go_live:${g.goLive}` : null;
    }
    case 'renewal': {
      const r = o as Extract<Occurrence, { type: 'renewal' }>;
      const left = daysBetween(today, r.renewal);
      return left >= 0 && left <= t.daysBefore ? `renewal:${r.renewal}` : null;
    }
    case 'survey': {
      const s = o as Extract<Occurrence, { type: 'survey' }>;
      return s.survey === t.survey && s.score < t.below ? `survey:${s.responseId}` : null;
    }
    case 'seats_above': {
      const s = o as Extract<Occurrence, { type: 'seats_above' }>;
      return s.licensed > 0 && (s.used / s.licensed) * 100 > t.percent ? `seats_above:${s.month}` : null;
    }
    case 'healthy_after_go_live': {
      const h = o as Extract<Occurrence, { type: 'healthy_after_go_live' }>;
      const from = h.healthySince > h.goLive ? h.healthySince : h.goLive;
      return daysBetween(from, today) >= t.days ? `healthy_after_go_live:${h.goLive}` : null;
    }
    case 'unentitled_feature': {
      const u = o as Extract<Occurrence, { type: 'unentitled_feature' }>;
      return `unentitled_feature:${u.plan}:${u.feature}`;
    }
    case 'new_team_active': {
      const n = o as Extract<Occurrence, { type: 'new_team_active' }>;
      return n.users >= t.minUsers ? `new_team_active:${n.team.toLowerCase()}` : null;
    }
  }
}

/** The trigger in words, for the list of plays. */
export function triggerWords(t: Trigger): string {
  switch (t.type) {
    case 'signal':
      return `when a ${t.kind} signal is raised at ${t.minSeverity} or above`;
    case 'deal_confirmed':
      return 'when a closed-won deal is confirmed';
    case 'handoff_accepted':
      return 'when delivery accepts the handoff';
    case 'kickoff':
      return 'when the project kicks off';
    case 'first_value':
      return 'when the customer reaches first value';
    case 'go_live':
      return t.afterDays === 0 ? 'on the go-live day' : `${t.afterDays} days after the go-live`;
    case 'renewal':
      return `${t.daysBefore} days before the renewal`;
    case 'survey':
      return `when an ${t.survey.toUpperCase()} answer is below ${t.below}`;
    case 'seats_above':
      return `when seats in use pass ${t.percent} % of the licensed seats`;
    case 'healthy_after_go_live':
      return `when the account has been healthy for ${t.days} days since its go-live`;
    case 'unentitled_feature':
      return 'when the account uses a feature its plan is not entitled to';
    case 'new_team_active':
      return `when a team not active before has ${t.minUsers} or more active users`;
  }
}

/** An account's owners, by role (null: nobody holds it). */
export type Owners = Record<OwnerRole, string | null>;

export interface Assignment {
  userId: string | null;
  /** The role that got the task (null for a named user or nobody). */
  role: OwnerRole | null;
  /** Said when the task did not go where the play asked. */
  note: string | null;
}

/**
 * Who a task goes to: a named user, else the account's owner in that role; when the role is empty, the nearest
 * earlier owner along AE → delivery lead → CSM → account manager (who still holds the account), then the later ones.
 */
export function assignTask(task: Pick<PlayTask, 'role' | 'userId'>, owners: Owners, accountName: string): Assignment {
  if (task.userId) return { userId: task.userId, role: null, note: null };
  const role = task.role as OwnerRole;
  if (owners[role]) return { userId: owners[role], role, note: null };
  const at = OWNERSHIP_CHAIN.indexOf(role);
  const order = [...OWNERSHIP_CHAIN.slice(0, at).reverse(), ...OWNERSHIP_CHAIN.slice(at + 1)];
  for (const r of order) {
    const userId = owners[r];
    if (userId)
      return {
        userId,
        role: r,
        note: `${accountName} has no ${ROLE_WORDS[role]}: assigned to its ${ROLE_WORDS[r]}`,
      };
  }
  return { userId: null, role: null, note: `${accountName} has no owner: nobody is assigned` };
}

/** A task's due day: the play's start day plus its offset. */
export const dueOf = (startedOn: string, task: Pick<PlayTask, 'dueInDays'>): string =>
  addDays(startedOn, task.dueInDays);

export const RUN_STATUSES = ['open', 'done', 'ended'] as const;
export type RunStatus = (typeof RUN_STATUSES)[number];

export const OUTCOME_DAYS = 30;

export interface HealthPoint {
  scoredAt: string;
  score: number | null;
}

export interface OutcomeInput {
  startedOn: string;
  /** Whether the run's signal resolved or was dismissed; null when no signal started it. */
  signalResolved: boolean | null;
  tasksDone: number;
  tasksTotal: number;
  /** The account's scorings from before the start to now, oldest first. */
  health: readonly HealthPoint[];
  /** The day the outcome is judged (the run's end, or 30 days after the start). */
  judgedOn: string;
}

export interface Outcome {
  signalResolved: boolean | null;
  /** Whether the health score rose above its level at the start within 30 days; null without scores. */
  healthRecovered: boolean | null;
  healthBefore: number | null;
  healthAfter: number | null;
  tasksDone: number;
  tasksTotal: number;
  success: boolean;
  sentence: string;
}

/**
 * The outcome of a run: did its signal go, did the health score recover within 30 days of the start. A run
 * started by a signal succeeds when the signal went; another when the score recovered, or, without scores,
 * when every task was done.
 */
export function judgeOutcome(i: OutcomeInput): Outcome {
  const until = addDays(i.startedOn, OUTCOME_DAYS);
  const before = [...i.health].filter((p) => p.scoredAt.slice(0, 10) <= i.startedOn && p.score !== null).pop();
  const after = [...i.health]
    .filter((p) => p.scoredAt.slice(0, 10) > i.startedOn && p.scoredAt.slice(0, 10) <= until && p.score !== null)
    .pop();
  const healthBefore = before?.score ?? null;
  const healthAfter = after?.score ?? null;
  const healthRecovered = healthBefore !== null && healthAfter !== null ? healthAfter > healthBefore : null;
  const success =
    i.signalResolved ?? healthRecovered ?? (i.tasksTotal > 0 && i.tasksDone === i.tasksTotal ? true : false);
  const parts = [
    i.signalResolved === null ? '' : i.signalResolved ? 'the signal went' : 'the signal is still open',
    healthRecovered === null
      ? 'no health score to compare'
      : `health ${healthRecovered ? 'recovered' : 'did not recover'} (${healthBefore} → ${healthAfter})`,
    `${i.tasksDone} of ${i.tasksTotal} tasks done`,
  ].filter(Boolean);
  const text = parts.join('; ');
  return {
    signalResolved: i.signalResolved,
    healthRecovered,
    healthBefore,
    healthAfter,
    tasksDone: i.tasksDone,
    tasksTotal: i.tasksTotal,
    success,
    sentence: `${success ? 'Worked' : 'Did not work'}: ${text}.`,
  };
}

/** The share of judged runs that worked, or null before any was judged. */
export function successRate(outcomes: ReadonlyArray<{ success: boolean }>): number | null {
  if (outcomes.length === 0) return null;
  return outcomes.filter((o) => o.success).length / outcomes.length;
}
