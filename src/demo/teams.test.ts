import { describe, expect, it } from 'vitest';
import { generateDemo } from './generate.ts';
import { createRandom } from './random.ts';
import { NEW_TEAM_DAYS, planNewTeam } from './teams.ts';

const TODAY = new Date('2026-12-01T10:30:00.000Z');

describe('the demo’s new team', () => {
  const account = generateDemo(42, TODAY).accounts.find((a) => a.lifecyclePhase === 'live')!;
  const users = planNewTeam(createRandom(5), account, TODAY);

  it('is three people of the customer who began in the last week, each on their first day at the latest', () => {
    expect(users).toHaveLength(3);
    const first = new Date(TODAY.getTime() - NEW_TEAM_DAYS * 86_400_000).toISOString().slice(0, 10);
    for (const u of users) {
      expect(u.email.endsWith(`@${account.domain}`)).toBe(true);
      expect(u.sessions.length).toBeGreaterThan(0);
      expect(u.sessions.every((s) => s.day >= first && s.day < '2026-12-01' && s.events.length > 0)).toBe(true);
    }
    expect(new Set(users.map((u) => u.userId)).size).toBe(3);
    expect(planNewTeam(createRandom(5), account, TODAY)).toEqual(users);
  });
});
