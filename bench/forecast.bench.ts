/**
 * The delivery forecast at workspace scale: synthetic workspaces of 500, 2,000 and 8,000 active projects of
 * 50 tasks (five phases, each waiting for the previous one's closing task; ~60 % of our tasks assigned
 * among N/20 people who share projects, with part-timers, time off and holidays), forecast together and
 * then turned into a 12-week capacity plan with an open pipeline. Baseline in the same run: the dependency
 * sort alone over the same tasks. Prints the median of seven interleaved runs per size, how time grows when the
 * workspace grows 4×, and whether 2,000 projects take under a second.
 */
import os from 'node:os';
import { capacityPlan, type PipelineDemand } from '../src/modules/delivery/forecast/capacity-plan.ts';
import { forecastWorkspace } from '../src/modules/delivery/forecast/forecast.ts';
import type {
  ForecastInput,
  ForecastProject,
  ForecastResource,
  ForecastTask,
} from '../src/modules/delivery/forecast/forecast.types.ts';
import { topologicalOrder } from '../src/modules/delivery/forecast/graph.ts';
import { fmt } from './lib.ts';
import { mulberry32 } from '../src/demo/random.ts';

const TODAY = '2026-03-02';
const ROLES = ['project_manager', 'solution_architect', 'consultant', 'integration_engineer', 'trainer'];
const DAY_MS = 86_400_000;
const day = (offset: number) => new Date(Date.parse(`${TODAY}T00:00:00Z`) + offset * DAY_MS).toISOString().slice(0, 10);

/** Deterministic pseudo-random numbers, so every run measures the same workspace. */
const random = mulberry32;

function workspace(projectCount: number, seed = 42): ForecastInput & { pipeline: PipelineDemand[] } {
  const rnd = random(seed);
  const int = (min: number, max: number) => min + Math.floor(rnd() * (max - min + 1));
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)] as T;

  // N/20 people; one in seven part-time; each with two weeks off somewhere in the year.
  const resources: ForecastResource[] = Array.from({ length: Math.max(5, Math.round(projectCount / 20)) }, (_, i) => {
    const start = int(0, 330);
    return {
      id: `r${i}`,
      role: ROLES[i % ROLES.length]!,
      weeklyCapacityHours: i % 7 === 0 ? 20 : 40,
      workingDays: [1, 2, 3, 4, 5],
      timeOff: [{ from: day(start), to: day(start + 13) }],
    };
  });
  const byRole = new Map(ROLES.map((r) => [r, resources.filter((x) => x.role === r)]));
  const holidays = [day(28), day(60), day(120), day(300)];

  const projects: ForecastProject[] = [];
  for (let p = 0; p < projectCount; p++) {
    const queued = rnd() < 0.15;
    const progress = queued ? 0 : rnd() * 0.6;
    const tasks: ForecastTask[] = [];
    // Five phases of ten tasks; a phase's first task waits for the previous phase's closing task.
    for (let ph = 0; ph < 5; ph++) {
      for (let t = 0; t < 10; t++) {
        const index = ph * 10 + t;
        const key = `t${index}`;
        const dependsOn =
          t === 0
            ? ph === 0
              ? []
              : [`t${index - 1}`]
            : t < 8
              ? [`t${ph * 10}`]
              : [`t${ph * 10 + int(1, 7)}`, `t${index - 1}`];
        const customerOwned = t === 9;
        const ownerRole = customerOwned ? 'customer' : pick(ROLES);
        const assigned = !customerOwned && rnd() < 0.6;
        const state: ForecastTask['state'] =
          index / 50 < progress ? 'done' : index / 50 < progress + 0.04 ? 'in_progress' : 'todo';
        const effort = int(2, 24);
        tasks.push({
          id: `p${p}-${key}`,
          key,
          dependsOn,
          state,
          remainingHours: state === 'done' ? 0 : state === 'in_progress' ? Math.ceil(effort / 2) : effort,
          durationDays: int(1, 5),
          assigneeId: assigned ? pick(byRole.get(ownerRole) ?? resources).id : null,
          ownerRole,
          customerOwned,
          doneOn: state === 'done' ? day(-int(1, 60)) : null,
          startedOn: state === 'in_progress' ? day(-int(1, 5)) : null,
        });
      }
    }
    projects.push({ id: `p${p}`, startOn: queued ? day(int(0, 60)) : day(-int(10, 120)), priority: p, tasks });
  }
  const pipeline: PipelineDemand[] = Array.from({ length: Math.round(projectCount / 10) }, (_, i) => ({
    dealId: `d${i}`,
    probability: rnd(),
    expectedStart: day(int(0, 84)),
    durationWeeks: int(4, 16),
    effortByRole: Object.fromEntries(ROLES.map((r) => [r, int(0, 80)])),
  }));
  return { today: TODAY, resources, holidays, projects, unassignedHoursPerDay: 6, pipeline };
}

interface Timing {
  forecastMs: number;
  /** CPU time of this process (all its threads, GC included) during the forecast: less disturbed by others. */
  forecastCpuMs: number;
  planMs: number;
  baselineMs: number;
}

function measureOnce(ws: ReturnType<typeof workspace>): Timing & { finish: string } {
  let started = performance.now();
  let nodes = 0;
  for (const p of ws.projects) nodes += topologicalOrder(p.tasks).length;
  const baselineMs = performance.now() - started;
  if (nodes !== ws.projects.length * 50) throw new Error('baseline sorted the wrong number of tasks');

  started = performance.now();
  const cpu = process.cpuUsage();
  const result = forecastWorkspace(ws);
  const forecastMs = performance.now() - started;
  const used = process.cpuUsage(cpu);
  const forecastCpuMs = (used.user + used.system) / 1000;
  started = performance.now();
  const plan = capacityPlan({
    startWeek: TODAY,
    weeks: 12,
    resources: ws.resources,
    holidays: ws.holidays,
    projectDemand: result.demandByRoleWeek,
    pipeline: ws.pipeline,
    bufferPct: 0.15,
  });
  const planMs = performance.now() - started;
  if (plan.rows.length === 0) throw new Error('empty capacity plan');
  return {
    forecastMs,
    forecastCpuMs,
    planMs,
    baselineMs,
    finish: result.projects
      .map((p) => p.finish)
      .sort()
      .at(-1)!,
  };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

export async function run(): Promise<void> {
  const sizes = [500, 2_000, 8_000];
  const rounds = 7;
  const workspaces = sizes.map((n) => workspace(n));
  measureOnce(workspace(200, 7)); // warm the JIT before anything counts
  // Rounds interleave the sizes, so a busy moment on a shared machine lands on all of them, not on one.
  const runs: Array<Array<ReturnType<typeof measureOnce>>> = sizes.map(() => []);
  for (let round = 0; round < rounds; round++) workspaces.forEach((ws, i) => runs[i]!.push(measureOnce(ws)));
  const results = sizes.map((projects, i) => ({
    projects,
    resources: workspaces[i]!.resources.length,
    tasks: projects * 50,
    forecastMs: median(runs[i]!.map((r) => r.forecastMs)),
    fastestMs: Math.min(...runs[i]!.map((r) => r.forecastMs)),
    cpuMs: median(runs[i]!.map((r) => r.forecastCpuMs)),
    planMs: median(runs[i]!.map((r) => r.planMs)),
    baselineMs: median(runs[i]!.map((r) => r.baselineMs)),
    finish: runs[i]![0]!.finish,
  }));

  console.log(
    `median of ${rounds} interleaved runs; load average during the run: ${os
      .loadavg()
      .map((l) => fmt(l, 1))
      .join(' ')} on ${os.cpus().length} cores`,
  );
  console.log(
    'projects  people    tasks  forecast ms  (fastest)  forecast CPU ms  capacity plan ms  dependency sort ms  forecast / sort  last finish',
  );
  for (const r of results) {
    console.log(
      [
        fmt(r.projects).padStart(8),
        fmt(r.resources).padStart(6),
        fmt(r.tasks).padStart(7),
        fmt(r.forecastMs, 1).padStart(11),
        `(${fmt(r.fastestMs, 1)})`.padStart(9),
        fmt(r.cpuMs, 1).padStart(15),
        fmt(r.planMs, 2).padStart(16),
        fmt(r.baselineMs, 1).padStart(18),
        `${fmt(r.forecastMs / r.baselineMs, 1)}×`.padStart(15),
        r.finish,
      ].join('  '),
    );
  }
  const [small, medium, large] = results as [(typeof results)[0], (typeof results)[0], (typeof results)[0]];
  const total = (r: (typeof results)[0]) => r.forecastMs + r.planMs;
  const growth = (a: (typeof results)[0], b: (typeof results)[0]) =>
    `${fmt(total(b) / total(a), 2)}× time (fastest runs ${fmt(b.fastestMs / a.fastestMs, 2)}×, CPU time ${fmt(b.cpuMs / a.cpuMs, 2)}×, dependency sort alone ${fmt(b.baselineMs / a.baselineMs, 2)}×) — goal ≤ 5×`;
  console.log(`growth 500 → 2,000 projects (4×):   ${growth(small, medium)}`);
  console.log(`growth 2,000 → 8,000 projects (4×): ${growth(medium, large)}`);
  console.log(
    `2,000 projects forecast + plan:     ${fmt(total(medium), 1)} ms — ${total(medium) < 1000 ? 'under' : 'OVER'} 1 s`,
  );
}
