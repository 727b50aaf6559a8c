/**
 * The demo's deals and handoff briefs, as stories along stage 1 of the failure chain: new customers whose
 * briefs are complete and accepted, thin briefs submitted anyway, briefs delivery returned, questions
 * delivery had to ask although the brief answered them, won deals waiting for finance, the open pipeline,
 * lost deals, and a won deal the CRM reopened. Pure and deterministic.
 */
import type { DealRecord } from '../modules/deals/index.ts';
import { type BriefContent, type BriefField, EMPTY_BRIEF } from '../modules/handoffs/index.ts';
import type { DemoAccount, DemoStaff } from './demo.ts';
import type { Random } from './random.ts';

export type BriefStory =
  'draft_thin' | 'draft_started' | 'submitted_complete' | 'submitted_thin' | 'returned' | 'accepted' | 'accepted_thin';

export interface DemoClarification {
  field: BriefField | null;
  question: string;
  answer: string | null;
}

export interface DemoBrief {
  story: BriefStory;
  content: BriefContent;
  returnReasons: string[];
  clarifications: DemoClarification[];
}

export interface DemoDeal {
  accountName: string;
  record: DealRecord;
  /** Finance confirmed the booking: the deal enters the journey and gets its brief. */
  financeConfirmed: boolean;
  brief: DemoBrief | null;
  /** After confirmation, the CRM moves the deal back to an open stage. */
  reopens: boolean;
}

const PRODUCTS = ['Platform', 'Analytics', 'Workflow Automation', 'Integrations Hub', 'Mobile'];
const AMOUNT_RANGE = { enterprise: [180_000, 620_000], mid_market: [45_000, 160_000], smb: [9_000, 38_000] } as const;
const GO_LIVE_DAYS = { enterprise: [120, 200], mid_market: [70, 120], smb: [30, 60] } as const;
const OPEN_STAGES = [
  'appointmentscheduled',
  'qualifiedtobuy',
  'presentationscheduled',
  'decisionmakerboughtin',
  'contractsent',
];

const PAINS = [
  'Orders arrive by email and are re-keyed into two systems',
  'Month-end reporting takes a week of spreadsheet work',
  'No single view of a customer across regions',
  'Approvals wait days in inboxes',
  'Field teams work from printed schedules',
  'Audit preparation is manual and error-prone',
  'New hires need a month to learn the current tools',
];
const GOALS: ReadonlyArray<readonly [string, string, string]> = [
  ['Faster order intake', 'Order entry under 3 minutes for 90 % of orders by go-live + 60 days', 'faster order entry'],
  ['Close the books sooner', 'Month-end close in 4 working days instead of 9', 'a quicker close'],
  ['Fewer errors', 'Re-keying errors below 1 % of orders within 90 days', 'fewer mistakes'],
  ['Self-service reporting', '80 % of weekly reports built without IT by month 3', 'better reporting'],
  ['Adoption across teams', '300 active users within 60 days of go-live', 'everyone using it'],
  ['Shorter approval cycle', 'Median approval under 24 hours', 'quicker approvals'],
];
const SYSTEMS: ReadonlyArray<readonly [string, string]> = [
  ['Salesforce', 'accounts and opportunities'],
  ['SAP S/4HANA', 'orders and invoices'],
  ['NetSuite', 'invoices and payments'],
  ['Workday', 'employees and org structure'],
  ['Snowflake', 'reporting warehouse'],
  ['ServiceNow', 'incidents and requests'],
  ['Microsoft Dynamics 365', 'customer master data'],
  ['Zendesk', 'support tickets'],
];
const SECURITY = [
  'SSO with Okta',
  'SSO with Microsoft Entra ID',
  'SOC 2 Type II report review',
  'GDPR data processing agreement',
  'EU data residency',
  'Penetration test summary before go-live',
];
const RESPONSIBILITIES = [
  'Provide a sandbox of the ERP',
  'Name a project manager with 50 % time',
  'Clean the customer master data before migration',
  'Schedule end-user training sessions',
  'Grant API credentials for the integrations',
];
const RISKS: ReadonlyArray<readonly [string, string]> = [
  ['IT team busy with an ERP upgrade until next quarter', 'Start with the modules that need no integration'],
  ['Data quality of the legacy system is unknown', 'Run a data audit in week 2'],
  ['Executive sponsor changes role in spring', 'Brief the successor at the steering committee'],
  ['Peak season freezes changes for six weeks', 'Plan go-live before the freeze'],
];
const RETURN_REASONS = [
  'Success criteria are not measurable: what number tells us the goal is met?',
  'No integrations listed, but the demo promised the ERP connection',
  'Who is the executive sponsor?',
  'Security review requirements missing for an enterprise customer',
];
const REPEATED_QUESTIONS: ReadonlyArray<readonly [BriefField, string]> = [
  ['integrations', 'Which ERP do we connect to, and for what data?'],
  ['stakeholders', 'Who signs off the go-live on the customer side?'],
  ['securityCompliance', 'Do they need SSO from day one?'],
  ['promisedGoLive', 'What go-live date did we promise?'],
];

const isoDay = (today: Date, offsetDays: number): string =>
  new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate() + offsetDays))
    .toISOString()
    .slice(0, 10);

function fullBrief(rng: Random, account: DemoAccount, signedOffset: number, today: Date): BriefContent {
  const goals = rng.shuffle(GOALS).slice(0, rng.int(2, 3));
  const systems = rng.shuffle(SYSTEMS).slice(0, account.segment === 'smb' ? 1 : rng.int(2, 3));
  const [min, max] = GO_LIVE_DAYS[account.segment];
  return {
    ...EMPTY_BRIEF,
    painPoints: rng.shuffle(PAINS).slice(0, rng.int(2, 3)),
    goals: goals.map(([goal, successCriterion]) => ({ goal, successCriterion })),
    technicalEnvironment: `${systems.map(([s]) => s).join(', ')}; Microsoft 365; about ${rng.int(2, 40) * 10} users in ${account.country}.`,
    integrations: systems.map(([system, purpose]) => ({ system, purpose })),
    securityCompliance: rng.shuffle(SECURITY).slice(0, account.segment === 'enterprise' ? 3 : 1),
    stakeholders: account.contacts
      .filter((c) => !c.leftAt && c.role !== 'other')
      .slice(0, 5)
      .map((c) => ({
        name: c.name,
        role: c.role === 'executive_sponsor' ? 'Executive sponsor' : c.title,
        email: c.email,
      })),
    promisedGoLive: isoDay(today, signedOffset + rng.int(min, max)),
    timeline: 'Kickoff within two weeks of signature, pilot team first, then the remaining teams in two waves.',
    customerResponsibilities: rng.shuffle(RESPONSIBILITIES).slice(0, 3),
    risks: rng
      .shuffle(RISKS)
      .slice(0, 2)
      .map(([risk, mitigation]) => ({ risk, mitigation })),
    partnerSwimLanes: account.owners.partner
      ? [
          {
            partner: account.owners.partner,
            responsibilities: 'Data migration and end-user training; we own configuration and integrations.',
          },
        ]
      : [],
  };
}

/** What an account executive in a hurry writes: vague goals, a date, nothing else. */
function thinBrief(rng: Random, account: DemoAccount, signedOffset: number, today: Date): BriefContent {
  const [, , vague] = rng.pick(GOALS);
  return {
    ...EMPTY_BRIEF,
    goals: [{ goal: vague.charAt(0).toUpperCase() + vague.slice(1), successCriterion: '' }],
    integrations: rng.chance(0.5) ? [{ system: rng.pick(SYSTEMS)[0], purpose: '' }] : [],
    stakeholders: account.contacts
      .filter((c) => c.role === 'champion')
      .slice(0, 1)
      .map((c) => ({ name: c.name, role: 'Champion', email: c.email })),
    promisedGoLive: isoDay(today, signedOffset + GO_LIVE_DAYS[account.segment][0]),
    securityCompliance: account.segment === 'enterprise' ? ['SSO'] : [],
    partnerSwimLanes: account.owners.partner ? [{ partner: account.owners.partner, responsibilities: 'Training' }] : [],
  };
}

const STORIES_ONBOARDING: readonly BriefStory[] = [
  'accepted',
  'submitted_complete',
  'draft_thin',
  'submitted_thin',
  'returned',
  'draft_started',
  'accepted',
  'accepted_thin',
];

export function generateDemoDeals(
  rng: Random,
  accounts: readonly DemoAccount[],
  staff: readonly DemoStaff[],
  today: Date,
): DemoDeal[] {
  const aeName = (email: string | null) => staff.find((s) => s.email === email)?.name ?? null;
  const deals: DemoDeal[] = [];
  let n = 0;
  const record = (a: DemoAccount, over: Partial<DealRecord>, daysAgo: number): DealRecord => {
    const [min, max] = AMOUNT_RANGE[a.segment];
    n += 1;
    return {
      source: 'hubspot',
      externalId: String(9_100_000 + n * 137),
      name: `${a.name} – ${rng.pick(['new business', 'platform rollout', 'first phase', 'enterprise agreement'])}`,
      accountName: a.name,
      accountExternalId: null,
      stage: 'closedwon',
      stageCategory: null,
      pipeline: 'default',
      amount: Math.round(rng.int(min, max) / 500) * 500,
      currency: a.region === 'emea' ? 'EUR' : 'USD',
      closeDate: isoDay(today, -daysAgo),
      signedDate: isoDay(today, -daysAgo),
      createdDate: isoDay(today, -daysAgo - rng.int(40, 160)),
      owner: aeName(a.owners.ae),
      products: rng.shuffle(PRODUCTS).slice(0, rng.int(1, 3)),
      partner: a.owners.partner,
      ...over,
    };
  };
  const story = (s: BriefStory, a: DemoAccount, daysAgo: number): DemoBrief => {
    const thin = s === 'draft_thin' || s === 'submitted_thin' || s === 'accepted_thin' || s === 'returned';
    const content =
      s === 'draft_started'
        ? { ...EMPTY_BRIEF, painPoints: [rng.pick(PAINS)] }
        : thin
          ? thinBrief(rng, a, -daysAgo, today)
          : fullBrief(rng, a, -daysAgo, today);
    const clarifications: DemoClarification[] = [];
    if (s === 'accepted_thin' || (s === 'accepted' && rng.chance(0.3))) {
      const filled = REPEATED_QUESTIONS.filter(([f]) => content[f] !== null && content[f].length > 0);
      for (const [field, question] of rng.shuffle(filled).slice(0, 2))
        clarifications.push({ field, question, answer: rng.chance(0.6) ? 'Answered in the kickoff call.' : null });
      clarifications.push({ field: null, question: 'Can the pilot start with the Lyon team instead?', answer: null });
    }
    return {
      story: s,
      content,
      returnReasons: s === 'returned' ? rng.shuffle(RETURN_REASONS).slice(0, 2) : [],
      clarifications,
    };
  };

  const onboarding = accounts.filter((a) => a.lifecyclePhase === 'onboarding');
  onboarding.forEach((a, i) => {
    const s = STORIES_ONBOARDING[i % STORIES_ONBOARDING.length] as BriefStory;
    const daysAgo = s.startsWith('draft') ? rng.int(2, 12) : rng.int(8, 40);
    deals.push({
      accountName: a.name,
      record: record(a, {}, daysAgo),
      financeConfirmed: true,
      brief: story(s, a, daysAgo),
      reopens: false,
    });
  });
  for (const a of accounts.filter((x) => x.lifecyclePhase === 'implementing')) {
    const daysAgo = rng.int(45, 200);
    deals.push({
      accountName: a.name,
      record: record(a, {}, daysAgo),
      financeConfirmed: true,
      brief: story(rng.chance(0.25) ? 'accepted_thin' : 'accepted', a, daysAgo),
      reopens: false,
    });
  }
  const live = accounts.filter((a) => a.lifecyclePhase === 'live' || a.lifecyclePhase === 'renewing');
  const pool = rng.shuffle(live);
  // Expansions signed but waiting for finance, and one the CRM reopened after the win.
  for (const a of pool.slice(0, 6))
    deals.push({
      accountName: a.name,
      record: record(a, { name: `${a.name} – expansion` }, rng.int(1, 6)),
      financeConfirmed: false,
      brief: null,
      reopens: false,
    });
  const reopened = pool[6];
  if (reopened)
    deals.push({
      accountName: reopened.name,
      record: record(reopened, { name: `${reopened.name} – renewal with add-ons` }, 9),
      financeConfirmed: true,
      brief: story('submitted_complete', reopened, 9),
      reopens: true,
    });
  // The open pipeline: expansions on live customers.
  for (const a of pool.slice(7, 47)) {
    deals.push({
      accountName: a.name,
      record: record(
        a,
        {
          name: `${a.name} – expansion`,
          stage: rng.pick(OPEN_STAGES),
          signedDate: null,
          closeDate: isoDay(today, rng.int(10, 120)),
        },
        0,
      ),
      financeConfirmed: false,
      brief: null,
      reopens: false,
    });
  }
  for (const a of pool.slice(47, 59)) {
    deals.push({
      accountName: a.name,
      record: record(a, { name: `${a.name} – upsell`, stage: 'closedlost', signedDate: null }, rng.int(10, 200)),
      financeConfirmed: false,
      brief: null,
      reopens: false,
    });
  }
  return deals;
}
