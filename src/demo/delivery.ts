/**
 * The demo's delivery side as plain data: the people who deliver (the vendor's delivery staff, a few specialists
 * without a login, two consultants per partner firm), the holidays, some time off, and the story each project
 * tells. Pure and deterministic.
 */
import type { DemoAccount, DemoPartner, DemoStaff } from './demo.ts';
import type { Random } from './random.ts';

export interface DemoResource {
  name: string;
  email: string;
  /** A staff member's login, by email. */
  staffEmail: string | null;
  role: string;
  skills: string[];
  weeklyCapacityHours: number;
  costRate: number;
  billRate: number;
  partner: string | null;
}

/** What happened to a project, relative to the demo's today. */
export type ProjectStory =
  'on_track' | 'late' | 'concentrated' | 'blocked' | 'queued' | 'cancelled' | 'live' | 'live_late' | 'closed';

export interface DemoProjectPlan {
  accountName: string;
  story: ProjectStory;
  /** Kickoff, days before today (null: not kicked off). */
  kickoffDaysAgo: number | null;
  /** Share of our effort done, for running projects. */
  progress: number;
}

const SPECIALISTS: ReadonlyArray<{ name: string; role: string; skills: string[]; hours: number }> = [
  { name: 'Priya Raman', role: 'integration_engineer', skills: ['salesforce', 'rest', 'sso'], hours: 40 },
  { name: 'Jonas Weber', role: 'integration_engineer', skills: ['sap', 'sftp', 'etl'], hours: 40 },
  { name: 'Lena Fischer', role: 'trainer', skills: ['admin training', 'end-user training'], hours: 32 },
  { name: 'Marcus Bell', role: 'trainer', skills: ['end-user training'], hours: 20 },
  { name: 'Aiko Tanaka', role: 'consultant', skills: ['reporting', 'dashboards'], hours: 40 },
  { name: 'Diego Alvarez', role: 'consultant', skills: ['configuration', 'data migration'], hours: 40 },
  { name: 'Sofia Rossi', role: 'solution_architect', skills: ['security review', 'sso', 'architecture'], hours: 36 },
];

const RATES: Record<string, [number, number]> = {
  project_manager: [85, 190],
  solution_architect: [110, 240],
  consultant: [75, 175],
  integration_engineer: [90, 200],
  trainer: [60, 140],
};

const slug = (name: string) =>
  name
    .toLowerCase()
    .replace(/[^a-z]+/g, '.')
    .replace(/^\.|\.$/g, '');

export function generateDeliveryPeople(staff: readonly DemoStaff[], partners: readonly DemoPartner[]): DemoResource[] {
  const leads = staff.filter((s) => s.position === 'delivery_lead');
  const staffRoles = ['project_manager', 'consultant', 'solution_architect', 'consultant', 'project_manager'];
  const people: DemoResource[] = leads.map((s, i) => {
    const role = staffRoles[i % staffRoles.length]!;
    return {
      name: s.name,
      email: s.email,
      staffEmail: s.email,
      role,
      skills: [],
      weeklyCapacityHours: 40,
      costRate: RATES[role]![0],
      billRate: RATES[role]![1],
      partner: null,
    };
  });
  for (const s of SPECIALISTS) {
    people.push({
      name: s.name,
      email: `${slug(s.name)}@baton-demo.example`,
      staffEmail: null,
      role: s.role,
      skills: s.skills,
      weeklyCapacityHours: s.hours,
      costRate: RATES[s.role]![0],
      billRate: RATES[s.role]![1],
      partner: null,
    });
  }
  partners.forEach((p, i) => {
    for (const [j, role] of ['consultant', 'integration_engineer'].entries()) {
      const name = `${['Alex', 'Sam', 'Robin', 'Kim', 'Jules', 'Noor'][(i * 2 + j) % 6]} ${p.name.split(' ')[0]}`;
      people.push({
        name,
        email: `${slug(name)}@${p.domain}`,
        staffEmail: null,
        role,
        skills: [],
        weeklyCapacityHours: 40,
        costRate: RATES[role]![0] - 10,
        billRate: RATES[role]![1] - 20,
        partner: p.name,
      });
    }
  });
  return people;
}

/** Public holidays the whole team observes, around the demo's today. */
export function demoHolidays(today: Date): Array<{ date: string; name: string }> {
  const y = today.getUTCFullYear();
  return [y - 1, y, y + 1].flatMap((year) => [
    { date: `${year}-01-01`, name: 'New Year’s Day' },
    { date: `${year}-05-01`, name: 'Labour Day' },
    { date: `${year}-12-24`, name: 'Christmas Eve' },
    { date: `${year}-12-25`, name: 'Christmas Day' },
    { date: `${year}-12-31`, name: 'New Year’s Eve' },
  ]);
}

const RUNNING: readonly ProjectStory[] = [
  'on_track',
  'late',
  'on_track',
  'concentrated',
  'blocked',
  'on_track',
  'late',
];

/**
 * A story per customer: those implementing run projects (some late, some leaning on one person, some blocked),
 * onboarding ones wait in the queue, live ones delivered theirs (some late), and one implementation was cancelled.
 */
export function planDemoProjects(rng: Random, accounts: readonly DemoAccount[]): DemoProjectPlan[] {
  const plans: DemoProjectPlan[] = [];
  accounts
    .filter((a) => a.lifecyclePhase === 'implementing')
    .forEach((a, i) => {
      const story = RUNNING[i % RUNNING.length]!;
      plans.push({
        accountName: a.name,
        story,
        kickoffDaysAgo: story === 'late' ? rng.int(40, 80) : rng.int(10, 60),
        progress: rng.int(15, 70) / 100,
      });
    });
  const live = accounts.filter((a) => a.lifecyclePhase === 'live' || a.lifecyclePhase === 'renewing');
  live.slice(0, 36).forEach((a, i) => {
    const story: ProjectStory = i % 4 === 3 ? 'live_late' : i % 5 === 4 ? 'closed' : 'live';
    plans.push({ accountName: a.name, story, kickoffDaysAgo: rng.int(150, 420), progress: 1 });
  });
  const churned = accounts.find((a) => a.lifecyclePhase === 'churned');
  if (churned)
    plans.push({ accountName: churned.name, story: 'cancelled', kickoffDaysAgo: rng.int(200, 300), progress: 0.3 });
  return plans;
}

export interface PlanTask {
  key: string;
  dependsOn: string[];
  ownerRole: string;
  customerOwned: boolean;
  effortHours: number;
  durationDays: number;
}

/**
 * Which tasks are done by `progress` (in dependency order, as the playbook lists them), and the day each was done:
 * spread evenly from kickoff to `doneBy`. The next task whose dependencies are done is under way.
 */
export function progressOf(
  tasks: readonly PlanTask[],
  progress: number,
  kickoff: number,
  doneBy: number,
): { done: Map<string, number>; next: string | null } {
  const total = tasks.reduce((s, t) => s + Math.max(t.effortHours, 1), 0);
  const done = new Map<string, number>();
  let spent = 0;
  for (const t of tasks) {
    if (t.dependsOn.some((d) => !done.has(d))) continue;
    const share = (spent + Math.max(t.effortHours, 1)) / total;
    if (share > progress + 1e-9) break;
    spent += Math.max(t.effortHours, 1);
    done.set(t.key, Math.round(kickoff + (doneBy - kickoff) * share));
  }
  const next = tasks.find((t) => !done.has(t.key) && t.dependsOn.every((d) => done.has(d)))?.key ?? null;
  return { done, next };
}
