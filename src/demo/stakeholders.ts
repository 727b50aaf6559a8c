/**
 * The people at each demo customer, their roles and when the vendor last spoke to them. Pure.
 * Two stories from DESIGN §1 are planted: sponsors gone quiet before a renewal (renewal risk) and
 * champions who left (knowledge loss).
 */
import type { ContactRole, LifecyclePhase, Segment } from '../modules/accounts/index.ts';
import type { DemoContact } from './demo.ts';
import { NAMES } from './names.ts';
import { drawPeople, emailFor, type Person } from './people.ts';
import type { AccountProfile } from './profiles.ts';
import type { Random } from './random.ts';
import { CHAMPION_TITLES, INDUSTRY_SPONSOR_TITLES, KEY_USER_TITLES, ROLE_TITLES, SPONSOR_TITLES } from './titles.ts';

const DAY_MS = 86_400_000;

const HEADCOUNT: Readonly<Record<Segment, readonly [number, number]>> = {
  enterprise: [6, 8],
  mid_market: [4, 6],
  smb: [3, 5],
};

/** Chance that an account of each segment has a stakeholder in each optional role. */
const OPTIONAL_ROLES: ReadonlyArray<readonly [ContactRole, Readonly<Record<Segment, number>>]> = [
  ['champion', { enterprise: 0.6, mid_market: 0.25, smb: 0 }],
  ['admin', { enterprise: 1, mid_market: 1, smb: 0.5 }],
  ['finance', { enterprise: 0.7, mid_market: 0.4, smb: 0.15 }],
  ['procurement', { enterprise: 0.55, mid_market: 0.15, smb: 0 }],
  ['other', { enterprise: 0.25, mid_market: 0.05, smb: 0 }],
];

/** Share of accounts whose sponsor has not been touched for 60–120 days. */
const QUIET_SPONSOR: Readonly<Partial<Record<LifecyclePhase, number>>> = { live: 0.15, renewing: 0.3 };
/** Share of accounts whose (first) champion has left. */
const DEPARTED_CHAMPION: Readonly<Partial<Record<LifecyclePhase, number>>> = {
  implementing: 0.05,
  live: 0.09,
  renewing: 0.09,
  churned: 0.3,
};

function rolesFor(rng: Random, segment: Segment): ContactRole[] {
  const roles: ContactRole[] = ['executive_sponsor', 'champion'];
  for (const [role, chance] of OPTIONAL_ROLES) if (rng.chance(chance[segment])) roles.push(role);
  const [min, max] = HEADCOUNT[segment];
  const size = Math.max(rng.int(min, max), roles.length + 1);
  while (roles.length < size) roles.push('key_user');
  return roles;
}

function titleFor(rng: Random, role: ContactRole, profile: AccountProfile): string {
  switch (role) {
    case 'executive_sponsor': {
      const special = profile.segment === 'smb' ? [] : (INDUSTRY_SPONSOR_TITLES[profile.industry] ?? []);
      return rng.pick([...SPONSOR_TITLES[profile.segment], ...special]);
    }
    case 'champion':
      return rng.pick(CHAMPION_TITLES);
    case 'key_user':
      return rng.pick(KEY_USER_TITLES[profile.industry]);
    default:
      return rng.pick(ROLE_TITLES[role]);
  }
}

/** Days since the vendor last spoke to someone in this role, or null for never. */
function touchDaysAgo(rng: Random, phase: LifecyclePhase, role: ContactRole): number | null {
  if (phase === 'churned') return rng.int(90, 320);
  if (phase === 'onboarding' || phase === 'implementing') {
    if (role === 'executive_sponsor') return rng.int(2, 25);
    return role === 'finance' || role === 'procurement' || role === 'other' ? rng.int(5, 60) : rng.int(0, 14);
  }
  const renewing = phase === 'renewing';
  switch (role) {
    case 'executive_sponsor':
      return renewing ? rng.int(1, 30) : rng.int(3, 45);
    case 'champion':
      return rng.int(0, renewing ? 10 : 12);
    case 'finance':
      return renewing ? rng.int(0, 30) : rng.int(15, 120);
    case 'procurement':
      return renewing ? rng.int(0, 40) : rng.chance(0.4) ? null : rng.int(60, 300);
    case 'other':
      return renewing ? rng.int(10, 90) : rng.int(20, 150);
    default:
      return rng.int(0, renewing ? 25 : 30);
  }
}

/** A moment during working hours (UTC) `days` before `today`, never after `today`. */
function daysBefore(rng: Random, today: Date, days: number): string {
  const midnight = Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate()) - days * DAY_MS;
  let at = midnight + rng.int(8 * 60, 17 * 60 + 59) * 60_000 + rng.int(0, 59) * 1000;
  if (at > today.getTime()) at -= DAY_MS;
  return new Date(at).toISOString();
}

export function generateStakeholders(rng: Random, profile: AccountProfile, today: Date): DemoContact[] {
  const phase = profile.lifecyclePhase;
  const roles = rolesFor(rng, profile.segment);
  const people = drawPeople(rng, NAMES[profile.region], roles.length);
  const emails = new Set<string>();
  const contacts = roles.map((role, i): DemoContact => {
    const person = people[i] as Person;
    const days = touchDaysAgo(rng, phase, role);
    return {
      name: person.name,
      email: emailFor(person, profile.domain, emails),
      title: titleFor(rng, role, profile),
      role,
      lastTouchAt: days === null ? null : daysBefore(rng, today, days),
      leftAt: null,
    };
  });

  const sponsor = contacts.find((c) => c.role === 'executive_sponsor');
  if (sponsor && rng.chance(QUIET_SPONSOR[phase] ?? 0)) sponsor.lastTouchAt = daysBefore(rng, today, rng.int(60, 120));

  const champion = contacts.find((c) => c.role === 'champion');
  if (champion && rng.chance(DEPARTED_CHAMPION[phase] ?? 0)) {
    const leftDays = phase === 'churned' ? rng.int(120, 400) : rng.int(7, 80);
    champion.leftAt = daysBefore(rng, today, leftDays);
    champion.lastTouchAt = daysBefore(rng, today, leftDays + rng.int(3, 30));
    // Half the time a power user stepped up; otherwise the knowledge left with the champion.
    const keyUsers = contacts.filter((c) => c.role === 'key_user');
    const successor = keyUsers[1];
    if (phase !== 'churned' && successor && rng.chance(0.5)) successor.role = 'champion';
  }

  if (phase === 'live' || phase === 'renewing') {
    for (const c of contacts) {
      if (c.role !== 'key_user' || !rng.chance(0.04)) continue;
      const leftDays = rng.int(10, 150);
      c.leftAt = daysBefore(rng, today, leftDays);
      c.lastTouchAt = daysBefore(rng, today, leftDays + rng.int(1, 20));
    }
  }
  return contacts;
}
