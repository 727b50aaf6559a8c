import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findCycle, type GraphNode, topologicalOrder } from './graph.ts';

const n = (key: string, ...dependsOn: string[]): GraphNode => ({ key, dependsOn });

describe('findCycle', () => {
  it.each([
    ['no dependencies', [n('a'), n('b')], null],
    ['a chain', [n('a'), n('b', 'a'), n('c', 'b')], null],
    ['a diamond', [n('a'), n('b', 'a'), n('c', 'a'), n('d', 'b', 'c')], null],
    ['unknown keys are ignored', [n('a', 'ghost')], null],
    ['a task depending on itself', [n('a', 'a')], ['a', 'a']],
    ['two tasks', [n('a', 'b'), n('b', 'a')], ['a', 'b', 'a']],
    ['a cycle behind a clean prefix', [n('x'), n('a', 'x', 'c'), n('b', 'a'), n('c', 'b')], ['a', 'c', 'b', 'a']],
  ] as const)('%s', (_, nodes, expected) => {
    expect(findCycle(nodes)).toEqual(expected);
  });

  it('handles a chain of 100,000 tasks without overflowing the stack', () => {
    const nodes = Array.from({ length: 100_000 }, (_, i) => n(`t${i}`, ...(i > 0 ? [`t${i - 1}`] : [])));
    expect(findCycle(nodes)).toBeNull();
    nodes[0] = n('t0', 't99999');
    expect(findCycle(nodes)?.length).toBe(100_001);
  });
});

describe('topologicalOrder', () => {
  it.each([
    ['keeps the input order when nothing depends', [n('b'), n('a')], ['b', 'a']],
    ['puts dependencies first', [n('c', 'b'), n('b', 'a'), n('a')], ['a', 'b', 'c']],
    ['a diamond', [n('d', 'b', 'c'), n('b', 'a'), n('c', 'a'), n('a')], ['a', 'b', 'c', 'd']],
    ['ignores unknown keys', [n('a', 'ghost'), n('b', 'a')], ['a', 'b']],
  ] as const)('%s', (_, nodes, expected) => {
    expect(topologicalOrder(nodes)).toEqual(expected);
  });

  it('throws on a cycle', () => {
    expect(() => topologicalOrder([n('a', 'b'), n('b', 'a')])).toThrow(/cycle/);
  });

  /** Random DAGs: each node depends on earlier ones, then shuffled so the input order hides the answer. */
  const dag = fc
    .array(fc.array(fc.nat(), { maxLength: 4 }), { minLength: 1, maxLength: 40 })
    .map((deps) => deps.map((ds, i) => n(`k${i}`, ...(i === 0 ? [] : ds.map((d) => `k${d % i}`)))))
    .chain((nodes) => fc.shuffledSubarray(nodes, { minLength: nodes.length, maxLength: nodes.length }));

  it('orders every random DAG with each node after its dependencies, and finds no cycle', () => {
    fc.assert(
      fc.property(dag, (nodes) => {
        const order = topologicalOrder(nodes);
        expect([...order].sort()).toEqual(nodes.map((x) => x.key).sort());
        const position = new Map(order.map((k, i) => [k, i]));
        for (const x of nodes) for (const d of x.dependsOn) expect(position.get(d)!).toBeLessThan(position.get(x.key)!);
        expect(findCycle(nodes)).toBeNull();
      }),
    );
  });

  it('finds a cycle after one random edge is added exactly when that edge closes a loop', () => {
    fc.assert(
      fc.property(dag, fc.nat(), fc.nat(), (nodes, a, b) => {
        const order = topologicalOrder(nodes);
        const [from, to] = [order[a % order.length]!, order[b % order.length]!];
        // One extra edge from → to: it closes a loop exactly when `to` already reaches `from` (or is `from`).
        const cyclic = nodes.map((x) => (x.key === from ? n(x.key, ...x.dependsOn, to) : x));
        const reaches = (start: string, goal: string): boolean => {
          const seen = new Set<string>();
          const stack = [start];
          while (stack.length) {
            const k = stack.pop()!;
            if (k === goal) return true;
            if (seen.has(k)) continue;
            seen.add(k);
            stack.push(...(cyclic.find((x) => x.key === k)?.dependsOn ?? []));
          }
          return false;
        };
        const expectCycle = from === to || reaches(to, from);
        const cycle = findCycle(cyclic);
        expect(cycle !== null).toBe(expectCycle);
        if (cycle) {
          expect(cycle[0]).toBe(cycle.at(-1));
          // Each step of the reported cycle is a real dependency.
          for (let i = 0; i + 1 < cycle.length; i++)
            expect(cyclic.find((x) => x.key === cycle[i])!.dependsOn).toContain(cycle[i + 1]);
          expect(() => topologicalOrder(cyclic)).toThrow(/cycle/);
        }
      }),
    );
  });
});
