import type { ProjectBuffers } from './task-order.ts';

/**
 * Which scheduled tasks are critical: on the chain that sets the go-live. Worked backwards over the schedule
 * actually produced (so people's other work is taken into account): a task that `ends` the plan (a go-live
 * task, or any task when the plan has none) finishing on `target` (the latest finish among them) is critical,
 * and so is a dependency of a critical task when that dependency alone held it
 * back — it is the latest-finishing dependency, the dependency was the binding constraint on the task's
 * earliest day, and the task started on the first working day its calendar allowed after that. When a task
 * waited for its assignee instead, the chain stops there: its dependencies had slack. Done tasks are never
 * critical: they no longer decide anything.
 *
 * Reads `topological`, `depStart`/`depList`, `finish`, `earliest` and `done` from the buffers and fills
 * `critical`. `startsAsSoonAsItCan(i)`: whether task i's work began on its calendar's first working day on
 * or after its earliest day (asked only along the critical chain).
 */
export function markCritical(
  b: ProjectBuffers,
  target: number,
  ends: (i: number) => boolean,
  startsAsSoonAsItCan: (i: number) => boolean,
): void {
  const { topological, depStart, depList, finish, earliest, done, critical } = b;
  const n = b.size;
  for (let i = 0; i < n; i++) critical[i] = !done[i] && finish[i] === target && ends(i) ? 1 : 0;
  for (let p = n - 1; p >= 0; p--) {
    const i = topological[p]!;
    const from = depStart[i]!;
    const to = depStart[i + 1]!;
    if (!critical[i] || from === to) continue;
    let latest = -Infinity;
    for (let e = from; e < to; e++) if (finish[depList[e]!]! > latest) latest = finish[depList[e]!]!;
    if (latest + 1 !== earliest[i] || !startsAsSoonAsItCan(i)) continue;
    for (let e = from; e < to; e++) {
      const d = depList[e]!;
      if (!done[d] && finish[d] === latest) critical[d] = 1;
    }
  }
}
