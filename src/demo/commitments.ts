/**
 * The demo's commitments ledger: promises made in the sale, with the words used and product's answer over
 * time. Some were over-promised (firm words, product never agreed), some are overdue, some sit on accounts
 * renewing soon, most are in order. Pure and deterministic, drawn from a random stream of its own.
 */
import type { CommitmentStatus } from '../modules/commitments/index.ts';
import type { DemoAccount, DemoStaff } from './demo.ts';
import { createRandom, type Random } from './random.ts';

export const DEMO_COMMITMENT_COUNT = 60;

/** A promise as the demo writes it: people by email, accounts and deals by their names and CRM ids. */
export interface DemoCommitment {
  accountName: string;
  /** The deal it was made in (by source and CRM id), when the demo has one for the account. */
  deal: { source: string; externalId: string } | null;
  what: string;
  /** The contact it was made to, by email; null for a promise made to a named person or group. */
  toContactEmail: string | null;
  toName: string;
  words: string;
  dueDate: string | null;
  roadmapItem: string | null;
  /** Staff email of who made it; null when the account has no seller. */
  madeBy: string | null;
  madeOn: string;
  /** Product's answers after the promise was recorded, oldest first (ISO instants, all before today). */
  history: Array<{ to: CommitmentStatus; note: string | null; at: string; by: string | null }>;
}

/** A deal a promise may belong to: the demo's won deals, by account. */
export interface DemoDealRef {
  accountName: string;
  source: string;
  externalId: string;
  signedDate: string | null;
}

const FEATURES: ReadonlyArray<readonly [what: string, roadmap: string]> = [
  ['SAML single sign-on with Okta', 'PRD-118 Enterprise SSO'],
  ['Bi-directional Salesforce sync', 'PRD-131 Salesforce connector v2'],
  ['SAP S/4HANA order connector', 'PRD-142 SAP connector'],
  ['EU data residency', 'PRD-97 Frankfurt region'],
  ['Custom approval workflows', 'PRD-156 Workflow builder'],
  ['Audit log export to Splunk', 'PRD-163 SIEM export'],
  ['Offline mode in the mobile app', 'PRD-170 Mobile offline'],
  ['Role-based dashboards', 'PRD-124 Dashboard permissions'],
  ['SCIM user provisioning', 'PRD-119 SCIM 2.0'],
  ['NetSuite invoice sync', 'PRD-149 NetSuite connector'],
  ['Forecasting module', 'PRD-177 Forecasts'],
  ['Multi-currency reporting', 'PRD-138 FX in reports'],
  ['A full-copy sandbox environment', 'PRD-151 Sandboxes'],
  ['Field-level permissions', 'PRD-126 Field security'],
  ['Bulk import API', 'PRD-159 Bulk API'],
  ['White-label customer portal', 'PRD-181 Portal theming'],
  ['HIPAA attestation', 'PRD-102 HIPAA'],
  ['Snowflake data share', 'PRD-165 Snowflake share'],
  ['99.95 % uptime SLA', 'PRD-110 Premium SLA'],
  ['Microsoft Teams notifications', 'PRD-144 Teams app'],
];

const FIRM_WORDS = [
  'Committed for Q3',
  'We will deliver it before your go-live',
  'Guaranteed by end of year',
  'Promised on the executive call',
  'Definitely by March',
  'It will be available within 6 weeks',
  'Contractually committed in the order form',
  'You will have it in Q2',
];
const INTENT_WORDS = [
  'Coming soon',
  'Planned for the next release',
  "We're working on it",
  'On the plan for this year, no date yet',
  'Targeting the spring release',
  'Should be available shortly',
];
const VAGUE_WORDS = [
  "We're looking at it",
  "It's on the roadmap",
  'Product is exploring it',
  'Logged as a feature request',
  "No promises, but it's on our radar",
];

const NAMED_RECIPIENTS = [
  'The CIO',
  'IT steering committee',
  'Head of Procurement',
  'Finance team',
  'The project board',
];

const NOTES: Readonly<Record<CommitmentStatus, readonly string[]>> = {
  not_reviewed: [''],
  under_consideration: [
    'Needs discovery with two more customers',
    'On the agenda of the next product council',
    'Sizing with engineering',
  ],
  planned: [
    'In the plan for the next two quarters',
    'Scheduled after the platform upgrade',
    'Planned, no date committed yet',
  ],
  committed: ['Engineering capacity confirmed', 'Committed in the quarterly planning', 'Team assigned, date agreed'],
  shipped: [
    'Released in 4.2',
    'Generally available since the last release',
    'Shipped behind a feature flag, enabled for this customer',
  ],
  declined: [
    'Not in our strategy: offered the API workaround',
    'Declined: serves one customer only',
    'Declined for now; revisit next year',
  ],
};

/** The steps product takes towards a status, from not reviewed. */
const PATHS: Readonly<Record<CommitmentStatus, readonly CommitmentStatus[]>> = {
  not_reviewed: [],
  under_consideration: ['under_consideration'],
  planned: ['under_consideration', 'planned'],
  committed: ['under_consideration', 'planned', 'committed'],
  shipped: ['planned', 'committed', 'shipped'],
  declined: ['under_consideration', 'declined'],
};

type Kind = 'over_promised' | 'overdue' | 'renewing' | 'in_order';
const KINDS: ReadonlyArray<readonly [Kind, number]> = [
  ['over_promised', 16],
  ['overdue', 12],
  ['renewing', 14],
  ['in_order', 18],
];

const dayOf = (today: Date, offset: number): string =>
  new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate() + offset))
    .toISOString()
    .slice(0, 10);
const daysFrom = (today: Date, iso: string): number =>
  Math.round(
    (Date.parse(`${iso}T00:00:00Z`) - Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate())) /
      86_400_000,
  );

/** How long ago promises were made to a customer at each phase of the journey. */
const MADE_DAYS_AGO = {
  onboarding: [12, 45],
  implementing: [50, 200],
  live: [120, 480],
  renewing: [300, 700],
  churned: [300, 700],
} as const;

interface Plan {
  status: CommitmentStatus;
  words: readonly string[];
  /** Days from today to the due date; null: no due date. */
  due: number | null;
}

function planFor(rng: Random, kind: Kind): Plan {
  switch (kind) {
    case 'over_promised':
      return {
        status: rng.weighted([
          ['not_reviewed', 5],
          ['declined', 3],
          ['under_consideration', 1],
          ['planned', 1],
        ] as const),
        words: FIRM_WORDS,
        due: rng.chance(0.3) ? null : rng.int(20, 200),
      };
    case 'overdue':
      return {
        status: rng.weighted([
          ['planned', 4],
          ['committed', 4],
          ['under_consideration', 2],
        ] as const),
        words: rng.chance(0.6) ? FIRM_WORDS : INTENT_WORDS,
        due: -rng.int(5, 120),
      };
    case 'renewing':
      return {
        status: rng.weighted([
          ['not_reviewed', 3],
          ['under_consideration', 3],
          ['planned', 3],
          ['committed', 2],
        ] as const),
        words: rng.pick([FIRM_WORDS, INTENT_WORDS, VAGUE_WORDS]),
        due: rng.chance(0.4) ? null : rng.int(10, 150),
      };
    case 'in_order': {
      const status = rng.weighted([
        ['shipped', 6],
        ['committed', 4],
        ['planned', 3],
        ['under_consideration', 2],
      ] as const);
      const words =
        status === 'shipped' || status === 'committed' ? FIRM_WORDS : status === 'planned' ? INTENT_WORDS : VAGUE_WORDS;
      return {
        status,
        words,
        due: status === 'shipped' ? -rng.int(10, 200) : status === 'committed' ? rng.int(15, 180) : null,
      };
    }
  }
}

/** Status changes spread between the promise and yesterday, each by the product leader. */
function historyOf(
  rng: Random,
  status: CommitmentStatus,
  madeAgo: number,
  today: Date,
  reviewer: string | null,
): DemoCommitment['history'] {
  const steps = PATHS[status];
  return steps.map((to, i) => {
    const ago = Math.max(1, Math.round(madeAgo - ((i + 1) * (madeAgo - 1)) / (steps.length + 0.5)));
    const note = rng.pick(NOTES[to]);
    return {
      to,
      note: note === '' ? null : note,
      at: `${dayOf(today, -ago)}T${String(14 + i).padStart(2, '0')}:00:00.000Z`,
      by: reviewer,
    };
  });
}

/**
 * About sixty promises across the customers: 16 over-promised, 12 overdue, 14 on accounts renewing within
 * 180 days, 18 in order. `deals` (the demo's won deals), when given, ties promises to the deal they were made in.
 */
export function generateDemoCommitments(
  seed: number,
  accounts: readonly DemoAccount[],
  staff: readonly DemoStaff[],
  today: Date,
  deals: readonly DemoDealRef[] = [],
): DemoCommitment[] {
  const rng = createRandom(seed ^ 0xc0de);
  const reviewer = staff.find((s) => s.position === 'leader')?.email ?? null;
  const customers = accounts.filter((a) => a.lifecyclePhase !== 'churned');
  const renewingSoon = customers.filter(
    (a) => a.renewalDate !== null && daysFrom(today, a.renewalDate) >= 0 && daysFrom(today, a.renewalDate) <= 180,
  );
  const others = customers.filter((a) => !renewingSoon.includes(a));
  const dealsOf = (name: string) =>
    deals.filter((d) => d.accountName === name && d.signedDate !== null && daysFrom(today, d.signedDate) < -7);
  const out: DemoCommitment[] = [];
  for (const [kind, count] of KINDS) {
    const pool = rng.shuffle(kind === 'renewing' ? renewingSoon : others);
    for (let i = 0; i < count; i++) {
      const account = pool[i % pool.length] as DemoAccount;
      const plan = planFor(rng, kind);
      const [what, roadmap] = rng.pick(FEATURES);
      const deal = rng.chance(0.7) ? dealsOf(account.name).at(-1) : undefined;
      const [min, max] = MADE_DAYS_AGO[account.lifecyclePhase];
      const sold = deal?.signedDate ? -daysFrom(today, deal.signedDate) + rng.int(1, 6) : rng.int(min, max);
      // A promise falls due at least three weeks after it was made.
      const madeAgo = plan.due !== null && plan.due < 0 ? Math.max(sold, 21 - plan.due) : sold;
      const contacts = account.contacts.filter(
        (c) => c.leftAt === null && (c.role === 'champion' || c.role === 'executive_sponsor' || c.role === 'key_user'),
      );
      const contact = contacts.length > 0 && rng.chance(0.8) ? rng.pick(contacts) : undefined;
      out.push({
        accountName: account.name,
        deal: deal ? { source: deal.source, externalId: deal.externalId } : null,
        what,
        toContactEmail: contact?.email ?? null,
        toName: contact?.name ?? rng.pick(NAMED_RECIPIENTS),
        words: rng.pick(plan.words),
        dueDate: plan.due === null ? null : dayOf(today, plan.due),
        roadmapItem: rng.chance(0.6) ? roadmap : null,
        madeBy: account.owners.ae ?? account.owners.accountManager,
        madeOn: dayOf(today, -madeAgo),
        history: historyOf(rng, plan.status, madeAgo, today, reviewer),
      });
    }
  }
  return out;
}
