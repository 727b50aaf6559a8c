/**
 * The demo's onboarding nudges (pure): the rule its team set up, and how the product users of the customers being
 * onboarded behave. Each user signs in some weekdays from a few days after kickoff. Whether the first report is
 * published tells each customer's story: published in the days after it was due (before any nudge), published by
 * some users after the reminder was shown to them, or published early, before it was due. The nudges themselves are
 * not invented: the writer runs the real evaluation day by day, and a user who acts on a reminder does so
 * `afterShown` sign-ins after it was shown.
 */
import type { DemoAccount } from './demo.ts';
import { NAMES } from './names.ts';
import { drawPeople, emailFor } from './people.ts';
import type { Random } from './random.ts';

const DAY_MS = 86_400_000;
const dayNo = (day: string) => Math.floor(Date.parse(`${day}T00:00:00Z`) / DAY_MS);
const iso = (n: number) => new Date(n * DAY_MS).toISOString().slice(0, 10);

/** The milestone a nudge waits for: the first report, which each built-in playbook completes by this event. */
export const FIRST_REPORT_EVENT = 'Report Published';

/** The rule the demo's team made, this many days before the demo's today. */
export const NUDGE_RULE_DAYS_AGO = 70;
export const DEMO_NUDGE_RULE = {
  name: 'First report reminder',
  milestoneEvent: FIRST_REPORT_EVENT,
  daysAfterDue: 3,
  channel: 'in_app' as const,
  subject: '{{first_name}}, your first report is one click away',
  message:
    'Hi {{first_name}}, {{account}} planned “{{milestone}}” for a few days ago. Open Reports, pick a template and ' +
    'press Publish: it takes five minutes, and your team sees it at once.',
};

/** A customer being onboarded whose first report was still awaited when the demo was built. */
export interface AwaitedFirstReport {
  accountName: string;
  kickoffOn: string;
  dueOn: string;
}

/**
 * `early`: published before it was due; `in_grace`: published in the days after it was due, before the reminder;
 * `nudged`: nobody published until the reminder came; `waiting`: due too recently to tell; `not_due`: not due yet.
 */
export type NudgeStory = 'early' | 'in_grace' | 'nudged' | 'waiting' | 'not_due';

export interface ProductUserPlan {
  userId: string;
  email: string;
  name: string;
  /** The days they used the product, each from the hour (UTC) of their first event, with the events they did. */
  sessions: Array<{ day: string; hour: number; events: string[] }>;
  /** The day they published the first report unprompted, or null. */
  publishOn: string | null;
  /** After the reminder was shown: published at that many sign-ins later (0: the same one); null: never. */
  afterShown: number | null;
}

export interface OnboardingUsage {
  accountName: string;
  domain: string;
  story: NudgeStory;
  dueOn: string;
  users: ProductUserPlan[];
}

const SESSION_EVENTS = ['Dashboard Viewed', 'Dashboard Viewed', 'Dashboard Viewed', 'Data Source Connected'];

/** The story of each awaited first report: past-due ones alternate, the first not yet due is published early. */
function storiesOf(awaited: readonly AwaitedFirstReport[], yesterday: number): Map<string, NudgeStory> {
  const sorted = [...awaited].sort(
    (a, b) => a.dueOn.localeCompare(b.dueOn) || a.accountName.localeCompare(b.accountName),
  );
  const out = new Map<string, NudgeStory>();
  let pastDue = 0;
  let early = false;
  for (const a of sorted) {
    const due = dayNo(a.dueOn);
    if (due > yesterday) {
      out.set(a.accountName, early || due - dayNo(a.kickoffOn) < 10 ? 'not_due' : 'early');
      early = true;
    } else if (yesterday - due < 4) out.set(a.accountName, 'waiting');
    else out.set(a.accountName, pastDue++ % 3 === 1 ? 'in_grace' : 'nudged');
  }
  return out;
}

/** The product users of each customer awaiting its first report, and what they did, up to the day before `today`. */
export function planOnboardingUsage(
  rng: Random,
  accounts: readonly DemoAccount[],
  awaited: readonly AwaitedFirstReport[],
  today: Date,
): OnboardingUsage[] {
  const yesterday = Math.floor(today.getTime() / DAY_MS) - 1;
  const firstDay = yesterday + 1 - NUDGE_RULE_DAYS_AGO;
  const stories = storiesOf(awaited, yesterday);
  const byName = new Map(accounts.map((a) => [a.name, a]));
  const out: OnboardingUsage[] = [];
  for (const a of [...awaited].sort((x, y) => x.accountName.localeCompare(y.accountName))) {
    const account = byName.get(a.accountName);
    const story = stories.get(a.accountName);
    if (!account || !story) continue;
    const due = dayNo(a.dueOn);
    const taken = new Set(account.contacts.map((c) => c.email));
    const people = drawPeople(rng, NAMES[account.region], rng.int(4, 7));
    const users = people.map((p, u): ProductUserPlan => {
      const start = Math.max(firstDay, dayNo(a.kickoffOn) + rng.int(1, 4 + u * 2));
      const sessions: ProductUserPlan['sessions'] = [];
      for (let d = start; d <= yesterday; d++) {
        const weekday = new Date(d * DAY_MS).getUTCDay() % 6 !== 0;
        if (!weekday || !rng.chance(0.5)) continue;
        const events = Array.from({ length: rng.int(1, 4) }, () => rng.pick(SESSION_EVENTS));
        sessions.push({ day: iso(d), hour: rng.int(8, 15), events });
      }
      const email = emailFor(p, account.domain, taken);
      return {
        userId: email,
        email,
        name: p.name,
        sessions,
        publishOn: null,
        afterShown: story === 'nudged' && rng.chance(0.65) ? rng.int(0, 3) : null,
      };
    });
    // Who published unprompted, on a day they used the product: in the grace days, or a few days ago (early).
    const publisher = users[0];
    const publishDay =
      story === 'in_grace'
        ? due + rng.int(0, 2)
        : story === 'early'
          ? Math.max(yesterday - rng.int(2, 6), dayNo(a.kickoffOn) + 3)
          : null;
    if (publisher && publishDay !== null && publishDay <= yesterday) {
      publisher.publishOn = iso(publishDay);
      if (!publisher.sessions.some((s) => s.day === iso(publishDay)))
        publisher.sessions = [
          ...publisher.sessions,
          { day: iso(publishDay), hour: 10, events: ['Dashboard Viewed'] },
        ].sort((x, y) => x.day.localeCompare(y.day));
    }
    out.push({ accountName: a.accountName, domain: account.domain, story, dueOn: a.dueOn, users });
  }
  return out;
}
