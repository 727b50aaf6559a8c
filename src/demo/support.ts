/**
 * The demo's support tickets (pure). Live and renewing customers open a few tickets a month of every kind; one
 * customer whose go-live came late and was pushed through drowns in "how do I" questions in the weeks after it,
 * answered slowly, several of them reopened. A few tickets come from people of no known customer and wait, unmatched.
 * Most tickets carry their help desk's category; the rest are left to the rules and the model. The story customer's
 * tickets and about half the others come with their status changes (support-history.ts), as an event log gives them.
 */
import type { TicketCategory, TicketRecord } from '../modules/support/index.ts';
import type { DemoAccount } from './demo.ts';
import { planDemoProjects } from './delivery.ts';
import { createRandom, type Random } from './random.ts';
import { type StatusChange, ticketHistory } from './support-history.ts';

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;

const SUBJECTS: Record<TicketCategory, readonly string[]> = {
  how_to: [
    'How do I add users in bulk?',
    'Where can I change the report owner?',
    'How to share a dashboard with a customer',
    'How do we set up approval steps?',
    'Where do I find last month’s export?',
    'How can I filter by region?',
  ],
  bug: [
    'Export fails with an error 500',
    'Dashboard shows blank charts since the update',
    'Saving a form loses the comments',
    'Sync stopped overnight',
  ],
  configuration: [
    'SSO login redirects to the wrong tenant',
    'Set up the Salesforce integration field mapping',
    'Change the fiscal year start',
    'Webhook secret rotation',
  ],
  feature_request: ['Please add dark mode', 'Bulk edit for tasks', 'Schedule reports weekly', 'API for audit events'],
  billing: ['Invoice is missing our VAT number', 'Charged twice this month', 'Update the credit card on file'],
  other: ['Contact for the security review', 'Change of our account manager'],
};

/** How customers word the same how-to question: one wording each, chosen by the ticket's number (no randomness). */
const WORDINGS: ReadonlyMap<string, readonly string[]> = new Map([
  [
    'Where can I change the report owner?',
    [
      'How do I change who owns a report?',
      'How can I move report ownership to a colleague?',
      'Where do I change the owner of a report? The owner left.',
    ],
  ],
  [
    'How do we set up approval steps?',
    [
      'How do I add an approval step before a record is published?',
      'How can we require manager approval on changes?',
      'How to set up a two-step approval',
    ],
  ],
  [
    'How can I filter by region?',
    [
      'How do I filter the dashboard by region?',
      'How to filter reports by sales region',
      'Where can I filter records by region and country?',
    ],
  ],
]);

const DESCRIPTIONS: Record<TicketCategory, string> = {
  how_to: 'Our team is new to this and could not find it in the guide. Could you walk us through it?',
  bug: 'It worked last week. Steps: open the page, click save. The error appears every time.',
  configuration: 'We need this set up before our next rollout. Our admin tried the settings page.',
  feature_request: 'It would save our team hours every week if Baton’s vendor added this.',
  billing: 'Finance asked us to sort this out before the quarter closes.',
  other: 'Who is the right person to talk to?',
};

const MIX: ReadonlyArray<[TicketCategory, number]> = [
  ['how_to', 3],
  ['bug', 3],
  ['configuration', 2],
  ['feature_request', 2],
  ['billing', 1],
  ['other', 1],
];

export interface DemoSupport {
  /** The customer drowning in how-to tickets after a late, rushed go-live. */
  storyAccount: string | null;
  tickets: TicketRecord[];
  /** The status changes of the story customer's tickets and of about half the others, by ticket id. */
  histories: Record<string, StatusChange[]>;
}

const at = (today: Date, daysAgo: number, hour: number) =>
  new Date(
    Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate()) - daysAgo * DAY_MS + hour * HOUR_MS,
  );

const wording = (subject: string, n: number): string => {
  const words = WORDINGS.get(subject);
  return words ? (n % 4 === 0 ? subject : words[n % words.length]!) : subject;
};

function ticket(
  rng: Random,
  today: Date,
  n: number,
  a: DemoAccount | null,
  category: TicketCategory,
  options: { daysAgo: number; responseHours: number; labelled: boolean; email?: string },
): TicketRecord {
  const created = at(today, options.daysAgo, rng.int(8, 17));
  const responded = new Date(created.getTime() + options.responseHours * HOUR_MS);
  const solved = options.daysAgo > 3 ? new Date(responded.getTime() + rng.int(2, 60) * HOUR_MS) : null;
  const contact = a ? rng.pick(a.contacts) : null;
  return {
    source: 'demo',
    externalId: `ZD-${10_000 + n}`,
    subject: wording(rng.pick(SUBJECTS[category]), n),
    description: DESCRIPTIONS[category],
    status: solved && solved < today ? 'solved' : 'open',
    priority: category === 'bug' ? 'high' : 'normal',
    category: options.labelled ? category : null,
    channel: rng.pick(['email', 'web', 'chat']),
    requesterEmail: options.email ?? contact?.email ?? null,
    organization: a?.name ?? null,
    accountExternalId: null,
    assignee: rng.pick(['Maya Chen', 'Tom Okafor', 'Ines Duarte']),
    // A customer kept waiting a day escalates; some answers did not hold and the ticket came back.
    tags: [category.replace('_', '-'), ...(options.responseHours >= 24 ? ['escalated'] : [])],
    createdAt: created.toISOString(),
    firstResponseAt: responded < today ? responded.toISOString() : null,
    solvedAt: solved && solved < today ? solved.toISOString() : null,
    satisfaction: solved && solved < today ? rng.pick(['good', 'good', 'good', 'bad']) : null,
    updatedAt: null,
    reopens: solved && solved < today ? (n % 7 === 0 || (options.responseHours > 12 && n % 3 === 0) ? 1 : 0) : null,
  };
}

export function demoSupport(accounts: readonly DemoAccount[], today: Date, rng: Random): DemoSupport {
  const byName = new Map(accounts.map((a) => [a.name, a]));
  // The story: the first customer whose go-live came late (delivery's plan, which is the same whatever its random).
  const late = planDemoProjects(createRandom(1), accounts).find((p) => p.story === 'live_late');
  const story = late ? (byName.get(late.accountName) ?? null) : null;
  const tickets: TicketRecord[] = [];
  const live = accounts.filter((a) => (a.lifecyclePhase === 'live' || a.lifecyclePhase === 'renewing') && a !== story);
  for (const a of live.slice(0, 24)) {
    for (let k = rng.int(2, 6); k > 0; k--) {
      const category = rng.weighted(MIX);
      tickets.push(
        ticket(rng, today, tickets.length, a, category, {
          daysAgo: rng.int(1, 120),
          responseHours: rng.int(1, 8),
          labelled: rng.chance(0.75),
        }),
      );
    }
  }
  if (story) {
    for (let k = 0; k < 34; k++) {
      const category: TicketCategory = rng.chance(0.7) ? 'how_to' : rng.pick(['bug', 'configuration'] as const);
      tickets.push(
        ticket(rng, today, tickets.length, story, category, {
          daysAgo: rng.int(1, 60),
          responseHours: rng.int(6, 30),
          labelled: rng.chance(0.6),
        }),
      );
    }
  }
  for (const email of ['it-desk@fjordline.example', 'ops@unknown-reseller.example', 'pat@gmail.example']) {
    tickets.push(
      ticket(rng, today, tickets.length, null, rng.pick(['how_to', 'bug'] as const), {
        daysAgo: rng.int(1, 30),
        responseHours: rng.int(1, 8),
        labelled: false,
        email,
      }),
    );
  }
  // Histories draw from a stream of their own, so that the tickets above stay as they were.
  const historyRng = createRandom(Math.floor(rng.next() * 2 ** 32));
  const histories: Record<string, StatusChange[]> = {};
  const withHistory = tickets.map((t) => {
    if (t.organization !== story?.name && !historyRng.chance(0.5)) return t;
    const { record, history } = ticketHistory(historyRng, t, today);
    histories[t.externalId] = history;
    return record;
  });
  return { storyAccount: story?.name ?? null, tickets: withHistory, histories };
}
