/** Onboarding nudges: rules' messages, who is due a nudge, and its measured effect. Pure: no I/O, no clock. */

export const NUDGE_CHANNELS = ['email', 'in_app'] as const;
export type NudgeChannel = (typeof NUDGE_CHANNELS)[number];
export const NUDGE_STATUSES = ['queued', 'sending', 'sent', 'failed', 'shown', 'dismissed'] as const;
export type NudgeStatus = (typeof NUDGE_STATUSES)[number];
export const PLACEHOLDERS = ['first_name', 'milestone', 'account'] as const;

export interface NudgeRule {
  id: string;
  name: string;
  /** null: any milestone awaiting a usage event. */
  milestoneEvent: string | null;
  daysAfterDue: number;
  channel: NudgeChannel;
  subject: string;
  message: string;
  enabled: boolean;
  createdAt: string;
  updatedAt: string;
}

const PLACEHOLDER = /\{\{\s*([^{}]*?)\s*\}\}/g;

/** The placeholders of a template that Baton does not know (`{{first_name}}`, `{{milestone}}`, `{{account}}`). */
export function unknownPlaceholders(template: string): string[] {
  const known = new Set<string>(PLACEHOLDERS);
  return [...template.matchAll(PLACEHOLDER)].map((m) => m[1] ?? '').filter((name) => !known.has(name));
}

/** A template with its placeholders filled. */
export function renderTemplate(template: string, values: Record<(typeof PLACEHOLDERS)[number], string>): string {
  return template.replace(PLACEHOLDER, (whole, name: string) =>
    Object.hasOwn(values, name) ? values[name as keyof typeof values] : whole,
  );
}

/** A greeting name from an email's local part (`jane.doe@…` → `Jane`), else "there" (as in "Hi there"). */
export function firstNameOf(email: string | null): string {
  const word =
    email
      ?.split('@')[0]
      ?.split(/[._+-]/)[0]
      ?.replace(/[^\p{L}]/gu, '') ?? '';
  return word ? word[0]!.toUpperCase() + word.slice(1).toLowerCase() : 'there';
}

const DAY_MS = 86_400_000;
const dayNumber = (iso: string): number => Math.floor(Date.parse(`${iso.slice(0, 10)}T00:00:00Z`) / DAY_MS);

export interface AwaitingMilestone {
  milestoneId: string;
  milestoneName: string;
  accountId: string;
  event: string;
  dueOn: string;
}

export interface ProductUser {
  accountId: string;
  userId: string;
  email: string | null;
}

export interface Candidate {
  ruleId: string;
  milestone: AwaitingMilestone;
  user: ProductUser;
  /** Past due by the rule's days: a nudge is due (else only eligible, the comparison). */
  due: boolean;
  /** An email nudge for a user Baton knows no email of is skipped. */
  skipped: boolean;
}

/**
 * For each enabled rule and each milestone it covers that is past its due day on `today`, the account's product
 * users who have not done the milestone's event: eligible from the due day, due a nudge `daysAfterDue` days later.
 */
export function nudgeCandidates(
  rules: readonly NudgeRule[],
  milestones: readonly AwaitingMilestone[],
  users: readonly ProductUser[],
  done: ReadonlySet<string>,
  today: string,
): Candidate[] {
  const usersOf = new Map<string, ProductUser[]>();
  for (const u of users) usersOf.set(u.accountId, [...(usersOf.get(u.accountId) ?? []), u]);
  const out: Candidate[] = [];
  for (const rule of rules) {
    if (!rule.enabled) continue;
    for (const m of milestones) {
      if (rule.milestoneEvent !== null && rule.milestoneEvent !== m.event) continue;
      const late = dayNumber(today) - dayNumber(m.dueOn);
      if (late < 0) continue;
      for (const user of usersOf.get(m.accountId) ?? []) {
        if (done.has(doneKey(m.accountId, user.userId, m.event))) continue;
        const due = late >= rule.daysAfterDue;
        out.push({ ruleId: rule.id, milestone: m, user, due, skipped: due && rule.channel === 'email' && !user.email });
      }
    }
  }
  return out;
}

export const doneKey = (accountId: string, userId: string, event: string): string =>
  `${accountId}\u0000${userId}\u0000${event}`;

/** One person the effect report follows: from when (nudged, or found eligible) and when they did the event. */
export interface Followed {
  ruleId: string;
  /** When the nudge was sent (or made, in-app), or when the user was found eligible. */
  since: string;
  /** The first time the user did the milestone's event on the account, if ever. */
  completedAt: string | null;
}

export interface EffectRow {
  ruleId: string;
  nudged: number;
  nudgedCompleted: number;
  nudgedRate: number | null;
  medianDaysToComplete: number | null;
  notNudged: number;
  notNudgedCompleted: number;
  notNudgedRate: number | null;
  /** Nudged rate minus not-nudged rate, in percentage points. */
  differencePoints: number | null;
  sentence: string;
}

const median = (xs: number[]): number | null => {
  if (xs.length === 0) return null;
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
};
const round1 = (x: number) => Math.round(x * 10) / 10;
const pct = (x: number | null) => (x === null ? 'n/a' : `${round1(x * 100)}%`);

/**
 * Per rule, in the window [from, to]: users nudged in it and how many did the event after their nudge (by `to`),
 * with the median days it took, against users found eligible in it and not nudged by `to`, the difference in
 * points and a sentence that says what kind of comparison this is.
 */
export function nudgeEffect(
  rules: ReadonlyArray<Pick<NudgeRule, 'id' | 'name'>>,
  nudged: readonly Followed[],
  notNudged: readonly Followed[],
  from: string,
  to: string,
): EffectRow[] {
  const inWindow = (f: Followed) => f.since >= from && f.since <= to;
  const completed = (f: Followed) => f.completedAt !== null && f.completedAt >= f.since && f.completedAt <= to;
  return rules.map((rule) => {
    const a = nudged.filter((f) => f.ruleId === rule.id && inWindow(f));
    const b = notNudged.filter((f) => f.ruleId === rule.id && inWindow(f));
    const aDone = a.filter(completed);
    const bDone = b.filter(completed);
    const nudgedRate = a.length ? aDone.length / a.length : null;
    const notNudgedRate = b.length ? bDone.length / b.length : null;
    const days = aDone.map((f) => (Date.parse(f.completedAt!) - Date.parse(f.since)) / DAY_MS);
    const medianDays = median(days);
    const differencePoints =
      nudgedRate === null || notNudgedRate === null ? null : round1((nudgedRate - notNudgedRate) * 100);
    return {
      ruleId: rule.id,
      nudged: a.length,
      nudgedCompleted: aDone.length,
      nudgedRate,
      medianDaysToComplete: medianDays === null ? null : round1(medianDays),
      notNudged: b.length,
      notNudgedCompleted: bDone.length,
      notNudgedRate,
      differencePoints,
      sentence: effectSentence(rule.name, a.length, nudgedRate, b.length, notNudgedRate, differencePoints),
    };
  });
}

function effectSentence(
  name: string,
  nudged: number,
  nudgedRate: number | null,
  notNudged: number,
  notNudgedRate: number | null,
  points: number | null,
): string {
  if (nudged === 0) return `“${name}” nudged no one in this period, so there is nothing to compare.`;
  const head =
    `Of ${nudged} user${nudged === 1 ? '' : 's'} “${name}” nudged, ${pct(nudgedRate)} did the milestone’s event ` +
    `afterwards`;
  if (notNudged === 0)
    return `${head}; no eligible user went without a nudge in this period, so there is no comparison.`;
  const diff = points! >= 0 ? `${points} points more` : `${Math.abs(points!)} points fewer`;
  return (
    `${head}, against ${pct(notNudgedRate)} of ${notNudged} eligible user${notNudged === 1 ? '' : 's'} not yet ` +
    `nudged (${diff}). This is an observational comparison, not an experiment: the groups were not chosen at random.`
  );
}
