/** The vendor's own people and its implementation partners. Pure. */
import type { Region } from '../modules/accounts/index.ts';
import { type DemoPartner, type DemoStaff, POSITION_ROLES, type Position, STAFF_EMAIL_DOMAIN } from './demo.ts';
import { NAMES, type NamePool } from './names.ts';
import { drawPeople, emailFor, type Person, slugOf } from './people.ts';
import type { Random } from './random.ts';

/** Who works at the vendor: how many of each position and the titles they go by. */
const TEAM: ReadonlyArray<{ position: Position; titles: readonly string[] }> = [
  { position: 'leader', titles: ['VP Customer Success'] },
  ...Array.from({ length: 2 }, () => ({
    position: 'account_executive' as const,
    titles: ['Enterprise Account Executive'],
  })),
  ...Array.from({ length: 3 }, () => ({
    position: 'account_executive' as const,
    titles: ['Account Executive', 'Senior Account Executive'],
  })),
  { position: 'delivery_lead', titles: ['Director of Professional Services'] },
  ...Array.from({ length: 4 }, () => ({
    position: 'delivery_lead' as const,
    titles: ['Implementation Consultant', 'Senior Implementation Consultant', 'Delivery Lead'],
  })),
  { position: 'csm', titles: ['Senior Customer Success Manager'] },
  ...Array.from({ length: 4 }, () => ({ position: 'csm' as const, titles: ['Customer Success Manager'] })),
  ...Array.from({ length: 3 }, () => ({
    position: 'account_manager' as const,
    titles: ['Account Manager', 'Senior Account Manager'],
  })),
  { position: 'support', titles: ['Support Lead'] },
  { position: 'support', titles: ['Support Engineer'] },
  { position: 'viewer', titles: ['Finance Director'] },
];

/** The two enterprise AEs sell the largest deals; `isEnterpriseAe` tells them apart. */
export const isEnterpriseAe = (s: DemoStaff): boolean =>
  s.position === 'account_executive' && s.title.startsWith('Enterprise');

const PARTNER_FIRMS: ReadonlyArray<{ name: string; regions: Region[] }> = [
  { name: 'Cobalt Ridge Consulting', regions: ['north_america', 'latam'] },
  { name: 'Tidewater Implementation Partners', regions: ['emea'] },
  { name: 'Kestrel Digital Advisory', regions: ['apac', 'north_america'] },
];

const mixedPool: NamePool = {
  first: [...NAMES.north_america.first, ...NAMES.emea.first.slice(0, 12)],
  last: [...NAMES.north_america.last, ...NAMES.emea.last.slice(0, 12)],
};

/** The vendor's staff and its partner firms, each firm with one user; no two people share a first or last name. */
export function generateTeam(rng: Random): { staff: DemoStaff[]; partners: DemoPartner[] } {
  const people = drawPeople(rng, mixedPool, TEAM.length + PARTNER_FIRMS.length);
  const emails = new Set<string>();
  const staff = TEAM.map(({ position, titles }, i): DemoStaff => {
    const person = people[i] as Person;
    return {
      email: emailFor(person, STAFF_EMAIL_DOMAIN, emails),
      name: person.name,
      title: rng.pick(titles),
      position,
      role: POSITION_ROLES[position],
    };
  });
  const partners = PARTNER_FIRMS.map(({ name, regions }, i): DemoPartner => {
    const person = people[TEAM.length + i] as Person;
    const domain = `${slugOf(name)}.example`;
    return { name, domain, regions, user: { name: person.name, email: emailFor(person, domain, emails) } };
  });
  return { staff, partners };
}
