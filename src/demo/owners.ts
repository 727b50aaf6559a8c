/** Who owns each demo account: books of accounts balanced by workload, partners on a share of them. Pure. */
import type { Segment } from '../modules/accounts/index.ts';
import type { DemoOwners, DemoPartner, DemoStaff, Position } from './demo.ts';
import type { AccountProfile } from './profiles.ts';
import type { Random } from './random.ts';
import { isEnterpriseAe } from './staff.ts';

/** Share of accounts an implementation partner delivers. */
export const PARTNER_SHARE = 0.15;

/** Partners take mid-market and small customers; the largest ones stay with the vendor's own team. */
const PARTNER_AFFINITY: Readonly<Record<Segment, number>> = { enterprise: 0.25, mid_market: 1.4, smb: 1 };

/** How much work an account is for its owner, relative to a small customer. */
const WORKLOAD: Readonly<Record<Segment, number>> = { enterprise: 2.5, mid_market: 1.3, smb: 0.8 };
/** Success work is closer to even across segments: small customers need as much attention as they get. */
const CSM_WORKLOAD: Readonly<Record<Segment, number>> = { enterprise: 1.5, mid_market: 1.1, smb: 0.9 };

interface Owner {
  email: string;
  /** 1 is a full book; a manager who also leads the team carries less. */
  capacity: number;
}

/**
 * Gives each account (by index) to the owner whose book is lightest relative to their capacity, visiting
 * accounts in random order so books mix segments, regions and phases.
 */
function assignBooks(
  rng: Random,
  indices: readonly number[],
  owners: readonly Owner[],
  weightOf: (i: number) => number,
  eligible: (i: number, owner: Owner) => boolean = () => true,
): Map<number, string> {
  const load = new Map(owners.map((o) => [o.email, 0]));
  const relativeLoad = (o: Owner): number => (load.get(o.email) ?? 0) / o.capacity;
  const out = new Map<number, string>();
  for (const i of rng.shuffle(indices)) {
    const candidates = rng.shuffle(owners.filter((o) => eligible(i, o)));
    let best = candidates[0];
    if (!best) throw new Error(`no owner can take account ${i}`);
    for (const o of candidates) if (relativeLoad(o) < relativeLoad(best)) best = o;
    load.set(best.email, (load.get(best.email) ?? 0) + weightOf(i));
    out.set(i, best.email);
  }
  return out;
}

function ownersOf(
  rng: Random,
  staff: readonly DemoStaff[],
  position: Position,
  filter: (s: DemoStaff) => boolean = () => true,
): Owner[] {
  return staff
    .filter((s) => s.position === position && filter(s))
    .map((s) => ({ email: s.email, capacity: s.title.startsWith('Director') ? 0.5 : 0.95 + rng.next() * 0.1 }));
}

/** Exactly `PARTNER_SHARE` of the accounts, drawn without replacement, each with a firm working its region. */
function assignPartners(
  rng: Random,
  profiles: readonly AccountProfile[],
  partners: readonly DemoPartner[],
): Map<number, string> {
  const out = new Map<number, string>();
  if (partners.length === 0) return out;
  let remaining = profiles.map((_, i) => i);
  const target = Math.round(PARTNER_SHARE * profiles.length);
  for (let n = 0; n < target && remaining.length > 0; n++) {
    const i = rng.weighted(
      remaining.map((j) => [j, PARTNER_AFFINITY[(profiles[j] as AccountProfile).segment]] as const),
    );
    remaining = remaining.filter((j) => j !== i);
    const region = (profiles[i] as AccountProfile).region;
    const local = partners.filter((p) => p.regions.includes(region));
    out.set(i, rng.pick(local.length > 0 ? local : partners).name);
  }
  return out;
}

export function assignOwners(
  rng: Random,
  profiles: readonly AccountProfile[],
  staff: readonly DemoStaff[],
  partners: readonly DemoPartner[],
): DemoOwners[] {
  const all = profiles.map((_, i) => i);
  const segmentOf = (i: number): Segment => (profiles[i] as AccountProfile).segment;
  const workload = (i: number): number => WORKLOAD[segmentOf(i)];

  const partnerOf = assignPartners(rng, profiles, partners);
  const enterpriseAes = new Set(staff.filter(isEnterpriseAe).map((s) => s.email));
  // Enterprise AEs sell the largest deals, the others the small ones; both sell to the mid-market.
  const aeOf = assignBooks(rng, all, ownersOf(rng, staff, 'account_executive'), workload, (i, ae) =>
    segmentOf(i) === 'mid_market' ? true : (segmentOf(i) === 'enterprise') === enterpriseAes.has(ae.email),
  );
  // A partner firm delivers its accounts end to end; the vendor's delivery team leads the rest.
  const deliveryLeadOf = assignBooks(
    rng,
    all.filter((i) => !partnerOf.has(i)),
    ownersOf(rng, staff, 'delivery_lead'),
    workload,
  );
  const csmOf = assignBooks(rng, all, ownersOf(rng, staff, 'csm'), (i) => CSM_WORKLOAD[segmentOf(i)]);
  const accountManagerOf = assignBooks(
    rng,
    all.filter((i) => segmentOf(i) !== 'smb'),
    ownersOf(rng, staff, 'account_manager'),
    workload,
  );

  return all.map((i) => ({
    ae: aeOf.get(i) ?? null,
    deliveryLead: deliveryLeadOf.get(i) ?? null,
    csm: csmOf.get(i) ?? null,
    accountManager: accountManagerOf.get(i) ?? null,
    partner: partnerOf.get(i) ?? null,
  }));
}
