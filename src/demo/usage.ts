/**
 * The demo's product usage as daily rollups: for live and renewing customers, ten weeks of who used which feature
 * each day, told as stories (healthy, declining, leaning on a few power users, few of the licensed seats, a
 * champion gone quiet), plus the feature catalogue, plans, one release and integration syncs. Pure and
 * deterministic.
 */
import type { DemoAccount } from './demo.ts';
import type { Random } from './random.ts';

export const USAGE_DAYS = 70;

export const DEMO_FEATURES = [
  { key: 'dashboards', name: 'Dashboards', events: ['Dashboard Viewed'], plans: [] as string[] },
  { key: 'reports', name: 'Reports', events: ['Report Published', 'Export Created'], plans: [] as string[] },
  { key: 'data-sources', name: 'Data sources', events: ['Data Source Connected'], plans: [] as string[] },
  { key: 'alerts', name: 'Alerts', events: ['Alert Configured'], plans: ['pro', 'enterprise'] },
  {
    key: 'scheduled-reports',
    name: 'Scheduled reports',
    events: ['Scheduled Report Created'],
    plans: ['pro', 'enterprise'],
  },
];

export const PLAN_OF_SEGMENT: Record<string, string> = { smb: 'starter', mid_market: 'pro', enterprise: 'enterprise' };

export type UsageStory = 'healthy' | 'declining' | 'concentrated' | 'low_adoption' | 'champion_quiet';
const STORIES: readonly UsageStory[] = [
  'healthy',
  'healthy',
  'declining',
  'healthy',
  'concentrated',
  'low_adoption',
  'healthy',
  'champion_quiet',
];

export interface DemoUsage {
  accountName: string;
  story: UsageStory;
  seats: number;
  plan: string;
  /** Rows by days before today (0 = today). */
  features: Array<{ daysAgo: number; feature: string; events: number }>;
  users: Array<{ daysAgo: number; user: string; events: number }>;
}

const EVENTS = [
  'Dashboard Viewed',
  'Dashboard Viewed',
  'Report Published',
  'Export Created',
  'Data Source Connected',
  'Alert Configured',
];

/** The customers with product usage, each with the story its usage tells (by its place, drawing nothing). */
export function usageStories(accounts: readonly DemoAccount[]): Array<{ account: DemoAccount; story: UsageStory }> {
  const customers = accounts.filter((a) => a.lifecyclePhase === 'live' || a.lifecyclePhase === 'renewing').slice(0, 48);
  return customers.map((account, i) => ({ account, story: STORIES[i % STORIES.length]! }));
}

export function generateDemoUsage(rng: Random, accounts: readonly DemoAccount[]): DemoUsage[] {
  return usageStories(accounts).map(({ account: a, story }, i) => {
    const champion = a.contacts.find((c) => c.role === 'champion')?.email ?? null;
    const people = [
      ...(champion ? [champion] : []),
      ...Array.from({ length: 5 + rng.int(0, 9) }, (_, u) => `${a.domain.split('.')[0]}-user-${u + 1}`),
    ];
    const seats = story === 'low_adoption' ? people.length * 4 : Math.ceil(people.length / (0.6 + rng.next() * 0.3));
    const plan = PLAN_OF_SEGMENT[a.segment] ?? 'starter';
    const usesScheduled = plan !== 'starter' && i % 8 === 0;
    const users: DemoUsage['users'] = [];
    const byFeature = new Map<string, number>();
    for (let d = USAGE_DAYS - 1; d >= 0; d--) {
      const weekday = (d + 3) % 7 < 5;
      people.forEach((user, u) => {
        let chance = weekday ? 0.55 : 0.08;
        if (story === 'declining' && d < 28) chance *= 0.25 + (d / 28) * 0.75;
        if (story === 'champion_quiet' && u === 0 && d < 35) chance = 0;
        if (rng.next() >= chance) return;
        const power = story === 'concentrated' && u < 3;
        const events = power ? rng.int(40, 90) : rng.int(1, story === 'concentrated' ? 3 : 12);
        users.push({ daysAgo: d, user, events });
        for (let e = 0; e < events; e++) {
          const name =
            d < 60 && usesScheduled && rng.chance(0.05)
              ? 'Scheduled Report Created'
              : EVENTS[rng.int(0, EVENTS.length - 1)]!;
          const key = `${d}\u0000${name}`;
          byFeature.set(key, (byFeature.get(key) ?? 0) + 1);
        }
      });
    }
    const features = [...byFeature].map(([k, events]) => {
      const [d, feature] = k.split('\u0000') as [string, string];
      return { daysAgo: Number(d), feature, events };
    });
    return { accountName: a.name, story, seats, plan, features, users };
  });
}
