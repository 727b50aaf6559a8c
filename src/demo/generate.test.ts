import { describe, expect, it } from 'vitest';
import { CONTACT_ROLES, LIFECYCLE_PHASES, REGIONS, SEGMENTS } from '../modules/accounts/account.ts';
import { type DemoOwners, type Position, STAFF_EMAIL_DOMAIN } from './demo.ts';
import { generateDemo } from './generate.ts';
import { createRandom } from './random.ts';
import { COUNTRIES, INDUSTRIES } from './words.ts';

const today = new Date('2026-12-01T10:30:00Z');
const demo = generateDemo(42, today);
const contacts = demo.accounts.flatMap((a) => a.contacts);
const daysAgo = (iso: string): number => (today.getTime() - Date.parse(iso)) / 86_400_000;
const share = (n: number, of: number): number => n / of;

describe('random', () => {
  it('repeats its sequence for a seed and differs between seeds', () => {
    const draw = (seed: number) => {
      const rng = createRandom(seed);
      return Array.from({ length: 5 }, () => rng.int(0, 1000));
    };
    expect(draw(7)).toEqual(draw(7));
    expect(draw(7)).not.toEqual(draw(8));
  });

  it('keeps ints in range, shuffles into a permutation and honours weights', () => {
    const rng = createRandom(1);
    for (let i = 0; i < 1000; i++) expect(rng.int(3, 5)).toBeGreaterThanOrEqual(3);
    expect(rng.shuffle([1, 2, 3, 4, 5]).sort()).toEqual([1, 2, 3, 4, 5]);
    const picks = Array.from({ length: 2000 }, () =>
      rng.weighted([
        ['a', 9],
        ['b', 1],
        ['c', 0],
      ] as const),
    );
    expect(picks.filter((p) => p === 'c')).toHaveLength(0);
    expect(share(picks.filter((p) => p === 'a').length, picks.length)).toBeCloseTo(0.9, 1);
  });
});

describe('generateDemo', () => {
  it('gives identical data for the same seed and day, different data for another seed', () => {
    expect(generateDemo(42, new Date(today))).toEqual(demo);
    expect(generateDemo(43, today).accounts.map((a) => a.name)).not.toEqual(demo.accounts.map((a) => a.name));
  });

  it('staffs the vendor: a leader, sellers, delivery, success, support and a viewer', () => {
    const count = (p: Position) => demo.staff.filter((s) => s.position === p).length;
    expect(demo.staff).toHaveLength(22);
    expect([
      count('leader'),
      count('account_executive'),
      count('delivery_lead'),
      count('csm'),
      count('account_manager'),
      count('support'),
      count('viewer'),
    ]).toEqual([1, 5, 5, 5, 3, 2, 1]);
    expect(demo.staff.find((s) => s.position === 'leader')?.title).toBe('VP Customer Success');
    expect(new Set(demo.staff.map((s) => s.email)).size).toBe(22);
    for (const s of demo.staff) expect(s.email.endsWith(`@${STAFF_EMAIL_DOMAIN}`)).toBe(true);
    expect(demo.partners).toHaveLength(3);
    for (const p of demo.partners) expect(p.user.email.endsWith(`@${p.domain}`)).toBe(true);
  });

  it('creates about 200 customers with unique names and domains under .example', () => {
    expect(demo.accounts).toHaveLength(200);
    expect(new Set(demo.accounts.map((a) => a.name)).size).toBe(200);
    expect(new Set(demo.accounts.map((a) => a.domain)).size).toBe(200);
    for (const a of demo.accounts) expect(a.domain).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*\.example$/);
  });

  it('mixes segments ≈15/35/50 %, and uses only known industries, regions, countries and phases', () => {
    const of = (segment: string) =>
      share(demo.accounts.filter((a) => a.segment === segment).length, demo.accounts.length);
    expect(of('enterprise')).toBeCloseTo(0.15, 1);
    expect(of('mid_market')).toBeCloseTo(0.35, 1);
    expect(of('smb')).toBeCloseTo(0.5, 1);
    for (const a of demo.accounts) {
      expect(SEGMENTS).toContain(a.segment);
      expect(INDUSTRIES).toContain(a.industry);
      expect(REGIONS).toContain(a.region);
      expect(COUNTRIES[a.region].map(([c]) => c)).toContain(a.country);
      expect(LIFECYCLE_PHASES).toContain(a.lifecyclePhase);
    }
  });

  it('gives every customer but the churned a renewal date, renewing ones within 120 days', () => {
    for (const a of demo.accounts) {
      if (a.lifecyclePhase === 'churned') expect(a.renewalDate).toBeNull();
      else expect(-daysAgo(`${a.renewalDate}T10:30:00Z`)).toBeGreaterThan(0);
      if (a.lifecyclePhase === 'renewing') expect(-daysAgo(`${a.renewalDate}T10:30:00Z`)).toBeLessThanOrEqual(120);
    }
  });

  it('has more live customers than churned ones, and some at every phase', () => {
    const count = (phase: string) => demo.accounts.filter((a) => a.lifecyclePhase === phase).length;
    for (const phase of LIFECYCLE_PHASES) expect(count(phase)).toBeGreaterThan(0);
    expect(count('live')).toBeGreaterThan(demo.accounts.length / 2);
    expect(count('churned')).toBeLessThan(count('live') / 4);
  });

  it('names as owners only staff in the right position, with the right role', () => {
    const staff = new Map(demo.staff.map((s) => [s.email, s]));
    const expected: Record<Exclude<keyof DemoOwners, 'partner'>, [Position, string]> = {
      ae: ['account_executive', 'sales'],
      deliveryLead: ['delivery_lead', 'delivery'],
      csm: ['csm', 'csm'],
      accountManager: ['account_manager', 'sales'],
    };
    for (const a of demo.accounts) {
      for (const [field, [position, role]] of Object.entries(expected)) {
        const email = a.owners[field as keyof typeof expected];
        if (email === null) continue;
        expect(staff.get(email)).toMatchObject({ position, role });
      }
      expect(a.owners.ae).not.toBeNull();
      expect(a.owners.csm).not.toBeNull();
      expect(a.owners.accountManager === null).toBe(a.segment === 'smb');
      expect(a.owners.deliveryLead === null).toBe(a.owners.partner !== null);
    }
  });

  it('gives each CSM a book of 30–45 accounts', () => {
    for (const csm of demo.staff.filter((s) => s.position === 'csm')) {
      const book = demo.accounts.filter((a) => a.owners.csm === csm.email).length;
      expect(book).toBeGreaterThanOrEqual(30);
      expect(book).toBeLessThanOrEqual(45);
    }
  });

  it('lets partner firms deliver ≈15 % of the accounts, mostly mid-market and small ones', () => {
    const firms = new Set(demo.partners.map((p) => p.name));
    const delivered = demo.accounts.filter((a) => a.owners.partner !== null);
    expect(share(delivered.length, demo.accounts.length)).toBeCloseTo(0.15, 2);
    for (const a of delivered) expect(firms.has(a.owners.partner as string)).toBe(true);
    expect(share(delivered.filter((a) => a.segment !== 'enterprise').length, delivered.length)).toBeGreaterThan(0.85);
    for (const firm of firms) expect(delivered.some((a) => a.owners.partner === firm)).toBe(true);
  });

  it('gives each account 3–8 stakeholders: one executive sponsor, a champion, key users', () => {
    for (const a of demo.accounts) {
      const roles = a.contacts.map((c) => c.role);
      expect(roles.length).toBeGreaterThanOrEqual(3);
      expect(roles.length).toBeLessThanOrEqual(8);
      expect(roles.filter((r) => r === 'executive_sponsor')).toHaveLength(1);
      expect(roles).toContain('champion');
      for (const r of roles) expect(CONTACT_ROLES).toContain(r);
      expect(new Set(a.contacts.map((c) => c.email)).size).toBe(a.contacts.length);
      for (const c of a.contacts) expect(c.email.endsWith(`@${a.domain}`)).toBe(true);
    }
    const mean = (segment: string) => {
      const of = demo.accounts.filter((a) => a.segment === segment);
      return of.reduce((n, a) => n + a.contacts.length, 0) / of.length;
    };
    expect(mean('enterprise')).toBeGreaterThan(mean('smb'));
    expect(contacts.some((c) => c.role === 'finance')).toBe(true);
    expect(contacts.some((c) => c.role === 'procurement')).toBe(true);
  });

  it('dates touches before today, most within 30 days, with quiet sponsors and departed champions', () => {
    const touched = contacts.filter((c) => c.lastTouchAt !== null);
    for (const c of touched) expect(daysAgo(c.lastTouchAt as string)).toBeGreaterThanOrEqual(0);
    expect(share(touched.filter((c) => daysAgo(c.lastTouchAt as string) <= 30).length, touched.length)).toBeGreaterThan(
      0.5,
    );

    const quiet = demo.accounts
      .filter((a) => a.lifecyclePhase === 'live' || a.lifecyclePhase === 'renewing')
      .flatMap((a) =>
        a.contacts.filter((c) => c.role === 'executive_sponsor' && c.lastTouchAt && daysAgo(c.lastTouchAt) >= 60),
      );
    expect(quiet.length).toBeGreaterThanOrEqual(5);
    for (const c of quiet) expect(daysAgo(c.lastTouchAt as string)).toBeLessThanOrEqual(121);

    const departed = contacts.filter((c) => c.leftAt !== null);
    expect(departed.filter((c) => c.role === 'champion').length).toBeGreaterThanOrEqual(3);
    for (const c of departed) {
      expect(daysAgo(c.leftAt as string)).toBeGreaterThanOrEqual(0);
      expect(Date.parse(c.lastTouchAt as string)).toBeLessThan(Date.parse(c.leftAt as string));
    }
  });
});
