import { type BulkAccount, createAccountsInBulk } from '../modules/accounts/index.ts';
import { type Actor, SYSTEM_ACTOR } from '../platform/auth/principal.ts';
import type { Db } from '../platform/db/database.ts';
import { AppError } from '../platform/errors/app-error.ts';
import { withPasswords } from '../platform/identity/login.service.ts';
import { listMembers } from '../platform/identity/member.service.ts';
import { addPersonDirectly } from '../platform/identity/operator.service.ts';
import {
  createPartner,
  createWorkspace,
  deleteWorkspace,
  findWorkspaceBySlug,
} from '../platform/identity/workspace.service.ts';
import { type DemoAccount, DEMO_SLUG, type DemoData } from './demo.ts';
import { writeDemoDeals } from './deals.writer.ts';
import { writeDemoCommitments, writeDemoContractTerms } from './commitments.writer.ts';
import { generateDemo } from './generate.ts';
import { writeDemoDelivery } from './delivery.writer.ts';
import { writeDemoUsage } from './usage.writer.ts';
import { writeDemoRelationship } from './relationship.writer.ts';
import { writeDemoRevenue } from './revenue.writer.ts';
import { writeDemoHealth } from './health.writer.ts';
import { writeDemoPlays } from './plays.writer.ts';
import { writeDemoRisk } from './risk.writer.ts';
import { writeDemoSupport } from './support.writer.ts';
import { writeDemoKnowledge } from './knowledge.writer.ts';
import { writeDemoLessons } from './lessons.writer.ts';
import { writeDemoNudges } from './nudges.writer.ts';
import { writeDemoNewTeam } from './teams.writer.ts';
import { queueDemoSignals } from './signals.writer.ts';
import { createRandom } from './random.ts';

const DEMO_ACTOR: Actor = { ...SYSTEM_ACTOR, label: 'baton demo' };

export interface DemoSummary {
  workspaceId: string;
  slug: string;
  /** Members of the workspace: staff, partner users and admins. */
  users: number;
  partners: number;
  accounts: number;
  contacts: number;
  deals: number;
  /** Handoff briefs of the deals that passed the closed-won guard. */
  briefs: number;
  /** Promises in the commitments ledger. */
  commitments: number;
  /** Won deals with contract terms recorded. */
  contractTerms: number;
  /** People who deliver, projects in every state, and time entries logged on their work. */
  deliveryPeople: number;
  projects: number;
  timeEntries: number;
  /** Customers with ten weeks of product usage, and the daily rollup rows written for them. */
  usageAccounts: number;
  usageRows: number;
  /** Subscriptions behind the revenue figures (renewals, a contraction, expansions, churn, a reactivation). */
  subscriptions: number;
  /** Customers with churn-risk attributes, and those of them whose renewal outcome is known (the model's history). */
  riskAccounts: number;
  riskHistory: number;
  /** Health scorings kept over the last 90 days (each a change of an account's points). */
  healthScorings: number;
  /** NPS and CSAT answers, and touches with the customers' people. */
  surveys: number;
  touches: number;
  tickets: number;
  /** Status changes kept for the tickets that have a history (the story customer's and about half the others). */
  ticketStatusChanges: number;
  /** Product users of the customers being onboarded, and the in-app nudges the nudge rule made for them. */
  productUsers: number;
  nudges: number;
  articles: number;
  lessons: number;
}

export interface DemoOptions {
  slug?: string;
  name?: string;
  /** People with a Baton login who administer the demo workspace. */
  admins?: Array<{ userId: string; email: string }>;
  seed?: number;
  today?: Date;
}

function toBulkAccount(
  a: DemoAccount,
  userIdOf: (email: string | null) => string | null,
  partnerIdOf: Map<string, string>,
): BulkAccount {
  return {
    name: a.name,
    domain: a.domain,
    segment: a.segment,
    industry: a.industry,
    region: a.region,
    country: a.country,
    lifecyclePhase: a.lifecyclePhase,
    renewalDate: a.renewalDate,
    aeUserId: userIdOf(a.owners.ae),
    deliveryLeadUserId: userIdOf(a.owners.deliveryLead),
    csmUserId: userIdOf(a.owners.csm),
    accountManagerUserId: userIdOf(a.owners.accountManager),
    partnerId: a.owners.partner ? (partnerIdOf.get(a.owners.partner) ?? null) : null,
    contacts: a.contacts,
  };
}

/** Adds the generated people; returns each one's user id by email. */
async function addPeople(
  db: Db,
  workspaceId: string,
  data: DemoData,
  adminEmails: Set<string>,
): Promise<{ userIds: Map<string, string>; partnerIds: Map<string, string> }> {
  const userIds = new Map<string, string>();
  for (const s of data.staff) {
    // Someone already made admin keeps that role; their accounts stay theirs.
    if (adminEmails.has(s.email)) continue;
    userIds.set(
      s.email,
      (await addPersonDirectly(db, DEMO_ACTOR, workspaceId, { email: s.email, name: s.name, role: s.role })).member.id,
    );
  }
  const partnerIds = new Map<string, string>();
  for (const p of data.partners) {
    const partner = await createPartner(db, DEMO_ACTOR, workspaceId, p.name);
    partnerIds.set(p.name, partner.id);
    if (!adminEmails.has(p.user.email)) {
      await addPersonDirectly(db, DEMO_ACTOR, workspaceId, {
        email: p.user.email,
        name: p.user.name,
        role: 'partner',
        partnerId: partner.id,
      });
    }
  }
  return { userIds, partnerIds };
}

/**
 * Creates the demo workspace: staff of a fictional vendor (emails at baton-demo.example, no password, so
 * nobody signs in as them until an admin sets one), its partner firms and about 200 customers with their
 * stakeholders. People who already have a login (a rebuilt demo) join with it. The caller owns the transaction.
 */
export async function buildDemoWorkspace(db: Db, options: DemoOptions = {}): Promise<DemoSummary> {
  const data = generateDemo(options.seed ?? 42, options.today ?? new Date());
  const workspace = await createWorkspace(db, DEMO_ACTOR, {
    slug: options.slug ?? DEMO_SLUG,
    name: options.name ?? data.workspaceName,
    isDemo: true,
  });
  const adminIds = new Map<string, string>();
  for (const admin of options.admins ?? []) {
    adminIds.set(
      admin.email.toLowerCase(),
      (await addPersonDirectly(db, DEMO_ACTOR, workspace.id, { email: admin.email, role: 'admin' })).member.id,
    );
  }
  const { userIds, partnerIds } = await addPeople(db, workspace.id, data, new Set(adminIds.keys()));
  const userIdOf = (email: string | null): string | null =>
    email ? (userIds.get(email) ?? adminIds.get(email) ?? null) : null;
  const accounts = data.accounts.map((a) => toBulkAccount(a, userIdOf, partnerIds));
  await createAccountsInBulk(db, DEMO_ACTOR, workspace.id, accounts, 'demo');
  const byName = new Map(data.accounts.map((a) => [a.name, a.owners]));
  const written = await writeDemoDeals(
    db,
    {
      workspaceId: workspace.id,
      staff: data.staff,
      userIdOf,
      ownersOf: (name) => ({ ae: byName.get(name)?.ae ?? null, deliveryLead: byName.get(name)?.deliveryLead ?? null }),
      fallback: DEMO_ACTOR,
    },
    data.deals,
  );
  const ledger = { workspaceId: workspace.id, staff: data.staff, userIdOf, actor: DEMO_ACTOR };
  const commitments = await writeDemoCommitments(db, ledger, data.commitments);
  const contractTerms = await writeDemoContractTerms(db, ledger, data.contractTerms);
  // Delivery draws from a stream of its own.
  const usage = await writeDemoUsage(
    db,
    { workspaceId: workspace.id, data, today: options.today ?? new Date(), actor: DEMO_ACTOR },
    createRandom((options.seed ?? 42) ^ 0x05a9e),
  );
  const relationship = await writeDemoRelationship(
    db,
    { workspaceId: workspace.id, data, today: options.today ?? new Date() },
    createRandom((options.seed ?? 42) ^ 0x5e7),
  );
  // After usage: seats usage set for a customer stay theirs; subscriptions give the others theirs.
  const revenue = await writeDemoRevenue(
    db,
    { workspaceId: workspace.id, data, today: options.today ?? new Date() },
    createRandom((options.seed ?? 42) ^ 0x7e7e),
  );
  const support = await writeDemoSupport(
    db,
    { workspaceId: workspace.id, data, today: options.today ?? new Date() },
    createRandom((options.seed ?? 42) ^ 0x5a990),
  );
  const knowledge = await writeDemoKnowledge(db, { workspaceId: workspace.id, today: options.today ?? new Date() });
  const risk = await writeDemoRisk(
    db,
    { workspaceId: workspace.id, data, today: options.today ?? new Date() },
    createRandom((options.seed ?? 42) ^ 0x1234),
  );
  await queueDemoSignals(db, { workspaceId: workspace.id, today: options.today ?? new Date() });
  const delivery = await writeDemoDelivery(
    db,
    { workspaceId: workspace.id, data, userIdOf, partnerIds, today: options.today ?? new Date(), actor: DEMO_ACTOR },
    createRandom((options.seed ?? 42) ^ 0xde11),
  );
  // After delivery: onboarding customers' users meet the nudge rule as their first reports fall due.
  const nudges = await writeDemoNudges(
    db,
    { workspaceId: workspace.id, data, today: options.today ?? new Date(), actor: DEMO_ACTOR },
    createRandom((options.seed ?? 42) ^ 0x4d6e),
  );
  // After delivery: a team new to a customer live for months starts using the product this week.
  const newTeam = await writeDemoNewTeam(
    db,
    { workspaceId: workspace.id, data, today: options.today ?? new Date(), actor: DEMO_ACTOR },
    createRandom((options.seed ?? 42) ^ 0x7ea3),
  );
  // After delivery: lessons are filed on the milestones its projects completed.
  const lessons = await writeDemoLessons(db, {
    workspaceId: workspace.id,
    today: options.today ?? new Date(),
    actor: DEMO_ACTOR,
  });
  // Last: health reads what every other writer dated.
  const health = await writeDemoHealth(db, { workspaceId: workspace.id, today: options.today ?? new Date() });
  // After health: a play's outcome reads the health history.
  await writeDemoPlays(db, { workspaceId: workspace.id, today: options.today ?? new Date(), actor: DEMO_ACTOR });
  return {
    workspaceId: workspace.id,
    slug: workspace.slug,
    users: (await listMembers(db, workspace.id)).length,
    partners: partnerIds.size,
    accounts: accounts.length,
    contacts: accounts.reduce((n, a) => n + (a.contacts?.length ?? 0), 0),
    deals: written.deals,
    briefs: written.briefs,
    commitments,
    contractTerms,
    deliveryPeople: delivery.people,
    projects: delivery.projects,
    timeEntries: delivery.timeEntries,
    usageAccounts: usage.accounts,
    usageRows: usage.rows,
    subscriptions: revenue.subscriptions,
    riskAccounts: risk.withAttributes,
    riskHistory: risk.withOutcome,
    surveys: relationship.surveys,
    touches: relationship.touches,
    tickets: support.tickets,
    ticketStatusChanges: support.statusChanges,
    productUsers: nudges.productUsers + newTeam.users,
    nudges: nudges.nudges,
    articles: knowledge.articles + lessons.drafted,
    lessons: lessons.lessons,
    healthScorings: health.scorings,
  };
}

/**
 * Deletes the demo workspace and builds it again from the seed. Its admins who can sign in keep their
 * access; everything else in it is lost. Refuses a workspace that is not a demo; builds one when the slug is free.
 */
export async function rebuildDemoWorkspace(db: Db, slug: string = DEMO_SLUG, seed?: number): Promise<DemoSummary> {
  const existing = await findWorkspaceBySlug(db, slug);
  if (!existing) return buildDemoWorkspace(db, { slug, seed });
  if (!existing.isDemo)
    throw new AppError(
      'conflict',
      `workspace ${existing.slug} is not a demo workspace: Baton rebuilds only demo workspaces`,
    );
  const admins = (await listMembers(db, existing.id)).filter((m) => m.role === 'admin');
  const canSignIn = await withPasswords(
    db,
    admins.map((m) => m.id),
  );
  const kept = admins.filter((m) => canSignIn.has(m.id)).map((m) => ({ userId: m.id, email: m.email }));
  await deleteWorkspace(db, DEMO_ACTOR, existing.id);
  return buildDemoWorkspace(db, { slug: existing.slug, name: existing.name, admins: kept, seed });
}
