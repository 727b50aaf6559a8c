/**
 * A team new to a healthy customer (pure): live for months and healthy, the customer's Operations people start using
 * the product in the last week, each identified with their department, so the daily play triggers see a team not
 * active in the account before.
 */
import type { DemoAccount } from './demo.ts';
import { NAMES } from './names.ts';
import { drawPeople, emailFor } from './people.ts';
import type { Random } from './random.ts';

const DAY_MS = 86_400_000;

export const NEW_TEAM = 'Operations';
/** The new team's users all began within this many days before today (the trigger looks at the last 7). */
export const NEW_TEAM_DAYS = 6;

export interface NewTeamUser {
  userId: string;
  email: string;
  name: string;
  sessions: Array<{ day: string; hour: number; events: string[] }>;
}

const EVENTS = ['Dashboard Viewed', 'Dashboard Viewed', 'Report Published', 'Export Created', 'Alert Configured'];

export function planNewTeam(rng: Random, account: DemoAccount, today: Date): NewTeamUser[] {
  const taken = new Set(account.contacts.map((c) => c.email));
  const first = Math.floor(today.getTime() / DAY_MS) - NEW_TEAM_DAYS;
  return drawPeople(rng, NAMES[account.region], 3).map((p, u) => {
    const email = emailFor(p, account.domain, taken);
    const sessions: NewTeamUser['sessions'] = [];
    for (let d = first + u; d < first + NEW_TEAM_DAYS; d++) {
      if (d > first + u && !rng.chance(0.7)) continue;
      const events = Array.from({ length: rng.int(2, 6) }, () => rng.pick(EVENTS));
      sessions.push({ day: new Date(d * DAY_MS).toISOString().slice(0, 10), hour: rng.int(8, 16), events });
    }
    return { userId: email, email, name: p.name, sessions };
  });
}
