import { findCycle } from './graph.ts';
import { ForecastError } from './forecast-error.ts';
import type { ForecastProject, ForecastTask } from './forecast.types.ts';

/**
 * Per-project working arrays, allocated once per forecast and reused project after project: a workspace has
 * thousands of projects of ~50 tasks, and allocating a dozen small arrays for each would make the garbage
 * collector the forecast's biggest cost. Dependencies are held by index (CSR: `depList` from
 * `depStart[i]` to `depStart[i + 1]`), never by key, once `order` has resolved them.
 */
export class ProjectBuffers {
  size = 0;
  start = new Int32Array(0);
  finish = new Int32Array(0);
  earliest = new Int32Array(0);
  workStart = new Int32Array(0);
  done = new Uint8Array(0);
  critical = new Uint8Array(0);
  /** Task indices in dependency order. */
  topological = new Int32Array(0);
  position = new Int32Array(0);
  depStart = new Int32Array(1);
  depList = new Int32Array(0);
  tail = new Float64Array(0);
  longestAfter = new Float64Array(0);
  /** The tasks to schedule (not done), longest remaining path first; `sequenceLength` of them. */
  sequence = new Int32Array(0);
  sequenceLength = 0;
  private state = new Uint8Array(0);
  private stackNode = new Int32Array(0);
  private stackNext = new Int32Array(0);
  private readonly index = new Map<string, number>();

  private reset(n: number, depCount: number): void {
    if (n > this.start.length) {
      const cap = Math.max(n, 2 * this.start.length, 64);
      this.start = new Int32Array(cap);
      this.finish = new Int32Array(cap);
      this.earliest = new Int32Array(cap);
      this.workStart = new Int32Array(cap);
      this.done = new Uint8Array(cap);
      this.critical = new Uint8Array(cap);
      this.topological = new Int32Array(cap);
      this.position = new Int32Array(cap);
      this.depStart = new Int32Array(cap + 1);
      this.tail = new Float64Array(cap);
      this.longestAfter = new Float64Array(cap);
      this.sequence = new Int32Array(cap);
      this.state = new Uint8Array(cap);
      this.stackNode = new Int32Array(cap);
      this.stackNext = new Int32Array(cap);
    }
    if (depCount > this.depList.length) this.depList = new Int32Array(Math.max(depCount, 2 * this.depList.length, 256));
    this.size = n;
    this.done.fill(0, 0, n);
    this.critical.fill(0, 0, n);
    this.state.fill(0, 0, n);
    this.longestAfter.fill(0, 0, n);
  }

  /**
   * Resolves dependencies, orders the project's tasks and fills `sequence`: the order in which they book.
   * Each task's "tail" is its own estimated days plus the longest tail among the tasks that depend on it;
   * sorting by tail (longest first), then by dependency order, is itself a dependency order — a task's tail
   * is never shorter than a dependent's, and ties keep the topological position — so the critical chain
   * books people before the tasks that have slack. Unknown dependency keys are ignored (as in graph.ts).
   */
  order(project: ForecastProject, estimateDays: (t: ForecastTask) => number): void {
    const { tasks } = project;
    const n = tasks.length;
    let depCount = 0;
    for (let i = 0; i < n; i++) depCount += tasks[i]!.dependsOn.length;
    this.reset(n, depCount);
    const { index, depStart, depList } = this;
    // The key map is kept from project to project (projects from one playbook share their keys, so it
    // mostly just gets overwritten); an entry left by another project is recognised by checking the key.
    if (index.size > 4096) index.clear();
    for (let i = 0; i < n; i++) index.set(tasks[i]!.key, i);
    let k = 0;
    for (let i = 0; i < n; i++) {
      depStart[i] = k;
      const dependsOn = tasks[i]!.dependsOn;
      for (let j = 0; j < dependsOn.length; j++) {
        const key = dependsOn[j]!;
        const d = index.get(key);
        if (d !== undefined && d < n && tasks[d]!.key === key) depList[k++] = d;
      }
    }
    depStart[n] = k;
    this.sortTopologically(project);

    const { topological, tail, longestAfter, position, sequence } = this;
    // Reverse dependency order: every dependent's tail is known before the task's own.
    for (let p = n - 1; p >= 0; p--) {
      const i = topological[p]!;
      const own = estimateDays(tasks[i]!) + longestAfter[i]!;
      tail[i] = own;
      for (let e = depStart[i]!; e < depStart[i + 1]!; e++)
        if (own > longestAfter[depList[e]!]!) longestAfter[depList[e]!] = own;
    }
    let m = 0;
    for (let i = 0; i < n; i++) if (tasks[i]!.state !== 'done') sequence[m++] = i;
    this.sequenceLength = m;
    // Insertion sort: a project has tens of tasks, and this beats a comparator call through Array#sort.
    for (let x = 1; x < m; x++) {
      const i = sequence[x]!;
      const ti = tail[i]!;
      const pi = position[i]!;
      let y = x - 1;
      for (; y >= 0; y--) {
        const j = sequence[y]!;
        if (tail[j]! > ti || (tail[j] === ti && position[j]! < pi)) break;
        sequence[y + 1] = j;
      }
      sequence[y + 1] = i;
    }
  }

  /** Depth-first, dependencies before dependents, tasks taken in input order; a cycle is refused. */
  private sortTopologically(project: ForecastProject): void {
    const { depStart, depList, state, stackNode, stackNext, topological, position } = this;
    const n = this.size;
    let out = 0;
    for (let root = 0; root < n; root++) {
      if (state[root] !== 0) continue;
      let top = 0;
      stackNode[0] = root;
      stackNext[0] = depStart[root]!;
      state[root] = 1;
      while (top >= 0) {
        const i = stackNode[top]!;
        const e = stackNext[top]!;
        if (e < depStart[i + 1]!) {
          stackNext[top] = e + 1;
          const d = depList[e]!;
          if (state[d] === 1) throw cycleError(project);
          if (state[d] === 0) {
            state[d] = 1;
            stackNode[++top] = d;
            stackNext[top] = depStart[d]!;
          }
        } else {
          state[i] = 2;
          position[i] = out;
          topological[out++] = i;
          top--;
        }
      }
    }
  }
}

function cycleError(project: ForecastProject): ForecastError {
  const cycle = findCycle(project.tasks) ?? [];
  const first = project.tasks.find((t) => t.key === cycle[0]);
  return new ForecastError('dependency_cycle', `project ${project.id} has a dependency cycle: ${cycle.join(' → ')}`, {
    projectId: project.id,
    taskId: first?.id ?? null,
  });
}
