/**
 * Gathers the facts a health score reads for a workspace's accounts, through the earlier modules' faces: delivery's
 * projects (the forecast go-live, or a later one a slip recorded by hand expects), usage's adoption numbers,
 * relationship's answers and touches, accounts' contacts (the executive sponsor's last touch), revenue's subscriptions
 * in the reporting currency and support's tickets.
 */
import { getAccount, listContacts } from '../../accounts/index.ts';
import { goLivesExpectedByHand, projectRecords } from '../../delivery/index.ts';
import { listSurveys, listTouches } from '../../relationship/index.ts';
import { loadBook } from '../../revenue/index.ts';
import { ticketsByAccountSince } from '../../support/index.ts';
import { portfolio } from '../../usage/index.ts';
import type { Db } from '../../../platform/db/database.ts';
import type {
  AnswerFacts,
  ContactFacts,
  ProjectFacts,
  RawAccountFacts,
  SubscriptionFacts,
  TicketFacts,
  UsageFacts,
} from './facts.ts';

const DAY_MS = 86_400_000;
/** Below this many accounts, answers and touches are read account by account rather than for the workspace. */
const FEW = 50;

const laterOf = (a: string | null, b: string | null) => (a === null ? b : b === null || a >= b ? a : b);

const push = <T>(map: Map<string, T[]>, key: string, value: T) => {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
};

/** What the workspace-wide sources say of the accounts being scored, read once however many steps score them. */
export interface WorkspaceFacts {
  workspaceId: string;
  projects: Map<string, ProjectFacts[]>;
  usage: Map<string, UsageFacts>;
  answers: Map<string, AnswerFacts[]>;
  touches: Map<string, string[]>;
  subscriptions: Map<string, SubscriptionFacts[]>;
  currency: string;
  tickets: Map<string, TicketFacts[]>;
}

/**
 * The facts of the named accounts that come from workspace-wide reads (projects, adoption, answers and touches,
 * subscriptions, tickets): read once for a whole rescoring, so scoring in steps does not read the book per step.
 */
export async function workspaceFacts(
  db: Db,
  workspaceId: string,
  accountIds: readonly string[],
  now: Date,
): Promise<WorkspaceFacts> {
  const scope = { workspaceId, partnerId: null };
  const today = now.toISOString().slice(0, 10);
  const wanted = new Set(accountIds);
  const yearAgo = new Date(now.getTime() - 366 * DAY_MS).toISOString();

  const projects = new Map<string, ProjectFacts[]>();
  const byHand = await goLivesExpectedByHand(db, workspaceId);
  for (const p of await projectRecords(db, scope))
    if (wanted.has(p.account_id))
      push(projects, p.account_id, {
        status: p.status,
        promisedGoLive: p.promised_go_live,
        forecastGoLive: laterOf(p.forecast_go_live, byHand.get(p.id) ?? null),
      });

  const usage = new Map<string, UsageFacts>();
  const adoption = await portfolio(db, scope, {
    day: today,
    sort: 'mau',
    order: 'desc',
    limit: Number.MAX_SAFE_INTEGER,
    offset: 0,
  });
  for (const u of adoption.items)
    usage.set(u.accountId, { mau: u.mau, seats: u.seats, wau: u.trend.current, wauFourWeeksBefore: u.trend.previous });

  const answers = new Map<string, AnswerFacts[]>();
  const touches = new Map<string, string[]>();
  const few = accountIds.length <= FEW;
  for (const accountId of few ? accountIds : [undefined]) {
    const q = { accountId, from: yearAgo, limit: 0 };
    for (const a of await listSurveys(db, workspaceId, q))
      push(answers, a.accountId, { kind: a.kind, score: a.score, at: a.respondedAt });
    for (const t of await listTouches(db, workspaceId, q)) push(touches, t.accountId, t.occurredAt);
  }

  const book = await loadBook(db, workspaceId);
  const subscriptions = new Map<string, SubscriptionFacts[]>();
  for (const s of book.subscriptions)
    if (s.accountId !== null && wanted.has(s.accountId))
      push(subscriptions, s.accountId, {
        start: s.start,
        end: s.end,
        arrCents: s.arrCents,
        trial: s.trial,
        lastInvoice: s.lastInvoice,
      });

  const tickets = await ticketsByAccountSince(db, workspaceId, new Date(now.getTime() - 90 * DAY_MS).toISOString());
  return { workspaceId, projects, usage, answers, touches, subscriptions, currency: book.currency, tickets };
}

/** Each named account's raw facts on `now`; churned accounts are left out (there is no health left to score). */
export async function accountFactsOf(
  db: Db,
  facts: WorkspaceFacts,
  accountIds: readonly string[],
): Promise<Map<string, RawAccountFacts>> {
  const { projects, usage, answers, touches, subscriptions, tickets } = facts;
  const scope = { workspaceId: facts.workspaceId, partnerId: null };
  const out = new Map<string, RawAccountFacts>();
  for (const accountId of accountIds) {
    if ((await getAccount(db, scope, accountId)).lifecyclePhase === 'churned') continue;
    const contacts: ContactFacts[] = (await listContacts(db, scope, accountId)).map((c) => ({
      role: c.role,
      lastTouchAt: c.lastTouchAt,
      leftAt: c.leftAt,
    }));
    out.set(accountId, {
      projects: projects.get(accountId) ?? [],
      usage: usage.get(accountId) ?? null,
      answers: answers.get(accountId) ?? [],
      contacts,
      touchedAt: touches.get(accountId) ?? [],
      subscriptions: subscriptions.get(accountId) ?? [],
      currency: facts.currency,
      tickets: tickets.get(accountId) ?? [],
    });
  }
  return out;
}
