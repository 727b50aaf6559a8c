/**
 * Dependency graphs of tasks named by key: the first cycle found (to refuse it, naming the tasks), and a
 * topological order. Pure; shared by playbook checks and the forecast.
 */

export interface GraphNode {
  key: string;
  dependsOn: readonly string[];
}

/** A cycle as the list of keys that form it (first key repeated at the end), or null. Unknown keys are ignored. */
export function findCycle(nodes: readonly GraphNode[]): string[] | null {
  const byKey = new Map(nodes.map((n) => [n.key, n]));
  const state = new Map<string, 1 | 2>(); // 1: on the current path, 2: finished
  const path: string[] = [];
  for (const start of nodes) {
    if (state.has(start.key)) continue;
    // Iterative depth-first search, so a long chain cannot overflow the stack.
    const stack: Array<{ key: string; next: number }> = [{ key: start.key, next: 0 }];
    state.set(start.key, 1);
    path.push(start.key);
    while (stack.length > 0) {
      const top = stack[stack.length - 1]!;
      const deps = byKey.get(top.key)?.dependsOn ?? [];
      if (top.next < deps.length) {
        const dep = deps[top.next++]!;
        if (!byKey.has(dep)) continue;
        const s = state.get(dep);
        if (s === 1) return [...path.slice(path.indexOf(dep)), dep];
        if (s === undefined) {
          state.set(dep, 1);
          path.push(dep);
          stack.push({ key: dep, next: 0 });
        }
      } else {
        state.set(top.key, 2);
        path.pop();
        stack.pop();
      }
    }
  }
  return null;
}

/** Keys in an order where every task comes after what it depends on; throws on a cycle. Stable for ties. */
export function topologicalOrder(nodes: readonly GraphNode[]): string[] {
  const index = new Map(nodes.map((n, i) => [n.key, i]));
  const waiting = new Map<string, number>();
  const dependents = new Map<string, string[]>();
  for (const n of nodes) {
    const known = n.dependsOn.filter((d) => index.has(d));
    waiting.set(n.key, known.length);
    for (const d of known) (dependents.get(d) ?? dependents.set(d, []).get(d)!).push(n.key);
  }
  const ready = nodes.filter((n) => waiting.get(n.key) === 0).map((n) => n.key);
  const order: string[] = [];
  while (ready.length > 0) {
    const key = ready.shift()!;
    order.push(key);
    for (const next of dependents.get(key) ?? []) {
      const left = waiting.get(next)! - 1;
      waiting.set(next, left);
      if (left === 0) ready.push(next);
    }
  }
  if (order.length !== nodes.length) throw new Error('dependency cycle');
  return order;
}
