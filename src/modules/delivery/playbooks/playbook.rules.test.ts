import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type PlaybookDefinition, playbookDefinitionSchema } from './playbook.ts';
import { detectFormat, parseText, readDefinition, readPlaybookFile, sameDefinition } from './playbook-file.ts';
import { compareCandidates, rankPlaybooks } from './playbook-match.ts';
import { checkDefinition, effortByRole, formatPath, totalEffortHours, typicalDurationDays } from './playbook.rules.ts';

type Task = {
  key: string;
  ownerRole?: string;
  customerOwned?: boolean;
  effortHours?: number;
  durationDays?: number;
  dependsOn?: string[];
  milestone?: string | null;
};

/** A small valid playbook: two phases, three milestones, four tasks; each case below breaks one thing. */
function base(): PlaybookDefinition {
  const task = (t: Task) => ({
    name: t.key,
    ownerRole: 'consultant',
    customerOwned: false,
    type: 'general',
    effortHours: 4,
    durationDays: 2,
    dependsOn: [],
    milestone: null,
    ...t,
  });
  return playbookDefinitionSchema.parse({
    phases: [
      {
        key: 'setup',
        name: 'Setup',
        milestones: [{ key: 'kickoff', name: 'Kickoff', onboarding: true }],
        tasks: [
          task({ key: 'a', milestone: 'kickoff' }),
          task({ key: 'b', dependsOn: ['a'], ownerRole: 'customer', customerOwned: true, milestone: 'kickoff' }),
        ],
      },
      {
        key: 'launch',
        name: 'Launch',
        milestones: [
          { key: 'first-value', name: 'First report', targetDay: 12, completionEvent: 'Report Published' },
          { key: 'go-live', name: 'Go-live' },
        ],
        tasks: [
          task({ key: 'c', dependsOn: ['b'], ownerRole: 'trainer' }),
          task({ key: 'd', dependsOn: ['c', 'a'], milestone: 'go-live', durationDays: 3 }),
        ],
      },
    ],
    firstValueMilestone: 'first-value',
    goLiveMilestone: 'go-live',
  });
}

const edit = (fn: (d: PlaybookDefinition) => void): PlaybookDefinition => {
  const d = base();
  fn(d);
  return d;
};
const t = (d: PlaybookDefinition, phase: number, index: number) => d.phases[phase]!.tasks[index]!;

describe('checkPlaybook', () => {
  it('accepts a sound playbook', () => {
    expect(checkDefinition(base())).toEqual([]);
  });

  it.each<[string, (d: PlaybookDefinition) => void, string, RegExp]>([
    [
      'duplicate phase key',
      (d) => (d.phases[1]!.key = 'setup'),
      'definition.phases[1].key',
      /phase key "setup" is used twice/,
    ],
    [
      'duplicate task key across phases',
      (d) => d.phases[1]!.tasks.push({ ...t(d, 1, 1), key: 'a', dependsOn: [] }),
      'definition.phases[1].tasks[2].key',
      /task key "a" is used twice \(first at definition\.phases\[0\]\.tasks\[0\]\)/,
    ],
    [
      'duplicate milestone key',
      (d) => d.phases[1]!.milestones.push({ ...d.phases[1]!.milestones[0]!, key: 'kickoff' }),
      'definition.phases[1].milestones[2].key',
      /milestone key "kickoff" is used twice/,
    ],
    [
      'unknown dependency',
      (d) => (t(d, 1, 1).dependsOn = ['c', 'zz']),
      'definition.phases[1].tasks[1].dependsOn[1]',
      /no task has the key "zz"/,
    ],
    [
      'dependency listed twice',
      (d) => (t(d, 1, 1).dependsOn = ['c', 'c']),
      'definition.phases[1].tasks[1].dependsOn[1]',
      /listed twice/,
    ],
    [
      'cycle',
      (d) => (t(d, 0, 0).dependsOn = ['d']),
      'definition.phases[0].tasks[0].dependsOn[0]',
      /dependency cycle: a → d → c → b → a/,
    ],
    [
      'task depending on itself',
      (d) => (t(d, 1, 0).dependsOn = ['c']),
      'definition.phases[1].tasks[0].dependsOn[0]',
      /dependency cycle: c → c/,
    ],
    [
      'unknown milestone of a task',
      (d) => (t(d, 1, 0).milestone = 'nope'),
      'definition.phases[1].tasks[0].milestone',
      /no milestone has the key "nope"/,
    ],
    [
      'unknown first-value milestone',
      (d) => (d.firstValueMilestone = 'value'),
      'definition.firstValueMilestone',
      /first value/,
    ],
    ['unknown go-live milestone', (d) => (d.goLiveMilestone = 'launch'), 'definition.goLiveMilestone', /go-live/],
    [
      'milestone with no task and no event',
      (d) => (d.phases[1]!.milestones[0]!.completionEvent = null),
      'definition.phases[1].milestones[0]',
      /can never be reached/,
    ],
    [
      'unknown owner role',
      (d) => (t(d, 1, 0).ownerRole = 'wizard'),
      'definition.phases[1].tasks[0].ownerRole',
      /"wizard" is not a delivery role/,
    ],
    [
      'customer-owned task owned by a delivery role',
      (d) => (t(d, 1, 0).customerOwned = true),
      'definition.phases[1].tasks[0].ownerRole',
      /customer-owned task has owner role "customer"/,
    ],
    [
      'customer task not marked customer-owned',
      (d) => (t(d, 0, 1).customerOwned = false),
      'definition.phases[0].tasks[1].customerOwned',
      /is customer-owned/,
    ],
    [
      'no effort at all',
      (d) => d.phases.forEach((p) => p.tasks.forEach((x) => (x.effortHours = 0))),
      'definition.phases',
      /no effort/,
    ],
  ])('refuses a playbook with a %s, at the field', (_name, fn, path, message) => {
    const problems = checkDefinition(edit(fn));
    expect(problems).toHaveLength(1);
    expect(problems[0]!.path).toBe(path);
    expect(problems[0]!.message).toMatch(message);
  });

  it('reports every cycle, each once', () => {
    const d = edit((x) => {
      t(x, 0, 0).dependsOn = ['b']; // a ⇄ b
      t(x, 1, 0).dependsOn = ['b', 'd']; // c ⇄ d
    });
    const cycles = checkDefinition(d).filter((p) => p.message.startsWith('dependency cycle'));
    expect(cycles.map((p) => p.message.split(' (')[0])).toEqual([
      'dependency cycle: a → b → a',
      'dependency cycle: c → d → c',
    ]);
  });

  it('takes a workspace’s own roles', () => {
    const d = edit((x) => (t(x, 1, 0).ownerRole = 'data_engineer'));
    expect(checkDefinition(d)).toHaveLength(1);
    expect(checkDefinition(d, { roles: ['consultant', 'trainer', 'data_engineer'] })).toEqual([]);
  });

  it('a random dependency graph in topological order never reports a cycle; one back edge always does', () => {
    const dag = fc
      .integer({ min: 2, max: 25 })
      .chain((n) =>
        fc.tuple(
          fc.constant(n),
          fc.array(fc.tuple(fc.nat(n - 1), fc.nat(n - 1)), { maxLength: 60 }),
          fc.nat(n - 1),
          fc.nat(n - 1),
        ),
      );
    fc.assert(
      fc.property(dag, ([n, pairs, x, y]) => {
        // Edges only from a later task to an earlier one: a DAG by construction.
        const deps = Array.from({ length: n }, () => new Set<number>());
        for (const [i, j] of pairs) if (i !== j) deps[Math.max(i, j)]!.add(Math.min(i, j));
        const def = (extra: [number, number] | null): PlaybookDefinition => {
          const tasks = deps.map((s, i) => ({
            key: `t${i}`,
            name: `t${i}`,
            ownerRole: 'consultant',
            customerOwned: false,
            type: 'general',
            effortHours: 1,
            durationDays: 1,
            dependsOn: [...s, ...(extra && extra[0] === i ? [extra[1]] : [])].map((k) => `t${k}`),
            milestone: 'm',
          }));
          return {
            phases: [
              {
                key: 'p',
                name: 'p',
                milestones: [{ key: 'm', name: 'm', onboarding: false, targetDay: null, completionEvent: null }],
                tasks,
              },
            ],
            firstValueMilestone: 'm',
            goLiveMilestone: 'm',
            goLiveChecklist: [],
          };
        };
        expect(checkDefinition(def(null))).toEqual([]);
        // A back edge from an earlier task to a later one it (transitively) reaches, or to itself: a cycle.
        const [lo, hi] = [Math.min(x, y), Math.max(x, y)];
        deps[hi]!.add(lo);
        const problems = checkDefinition(def([lo, hi]));
        expect(problems.some((p) => p.message.startsWith('dependency cycle'))).toBe(true);
      }),
      { numRuns: 200 },
    );
  });
});

describe('effort and duration', () => {
  it('adds effort by role, leaving the customer’s own tasks out, and in total', () => {
    expect(effortByRole(base())).toEqual({ consultant: 8, trainer: 4 });
    expect(totalEffortHours(base())).toBe(16);
  });

  it('estimates the duration as the longest chain of durations', () => {
    // a(2) → b(2) → c(2) → d(3) = 9; a → d alone would be 5.
    expect(typicalDurationDays(base())).toBe(9);
    const parallel = edit((d) => d.phases.forEach((p) => p.tasks.forEach((x) => (x.dependsOn = []))));
    expect(typicalDurationDays(parallel)).toBe(3);
  });
});

describe('playbook files', () => {
  it('names the line of a YAML syntax error', () => {
    const read = parseText('key: x\nname: [unclosed\ndefinition: {}\n', 'yaml');
    expect(read.ok).toBe(false);
    if (!read.ok) expect(read.problems[0]!.message).toMatch(/^line \d+, column \d+:/);
  });

  it('names the line of a JSON syntax error', () => {
    const read = parseText('{\n  "key": "x",\n  "name": oops\n}', 'json');
    expect(read.ok).toBe(false);
    if (!read.ok) expect(read.problems[0]!.message).toMatch(/^line 3, column \d+: not valid JSON/);
  });

  it('detects the format from the content type, else from the text', () => {
    expect(detectFormat('key: x', 'application/json')).toBe('json');
    expect(detectFormat('{}', 'text/yaml; charset=utf-8')).toBe('yaml');
    expect(detectFormat('  {"key": 1}')).toBe('json');
    expect(detectFormat('key: x')).toBe('yaml');
  });

  it('refuses a playbook without a first-value milestone with a clear message', () => {
    const { firstValueMilestone: _f, ...definition } = base();
    const read = readPlaybookFile({ key: 'x', name: 'X', definition });
    expect(read.ok).toBe(false);
    if (!read.ok)
      expect(read.problems).toEqual([
        { path: 'definition.firstValueMilestone', message: expect.stringMatching(/needs a first-value milestone/) },
      ]);
  });

  it('reports schema problems with the same paths as the rules', () => {
    const d = base() as unknown as { phases: Array<{ tasks: Array<Record<string, unknown>> }> };
    d.phases[1]!.tasks[0]!.effortHours = -3;
    const read = readDefinition(d);
    expect(read.ok).toBe(false);
    if (!read.ok) expect(read.problems.map((p) => p.path)).toEqual(['definition.phases[1].tasks[0].effortHours']);
    expect(formatPath(['definition', 'phases', 1, 'tasks', 0, 'dependsOn', 2])).toBe(
      'definition.phases[1].tasks[0].dependsOn[2]',
    );
  });

  it('sees the same content whatever the key order or the defaults left out', () => {
    const a = base();
    const b = JSON.parse(JSON.stringify(a)) as PlaybookDefinition;
    const reordered = {
      goLiveChecklist: [],
      goLiveMilestone: b.goLiveMilestone,
      firstValueMilestone: b.firstValueMilestone,
      phases: b.phases,
    };
    expect(sameDefinition(a, reordered)).toBe(true);
    reordered.phases[0]!.tasks[0]!.effortHours = 5;
    expect(sameDefinition(a, reordered)).toBe(false);
  });
});

describe('selection', () => {
  const pb = (
    id: string,
    products: string[],
    segments: string[],
    priority = 0,
    createdAt = '2026-01-01T00:00:00Z',
    archived = false,
  ) => ({ id, products, segments, priority, createdAt, archived });

  it.each<[string, ReturnType<typeof pb>[], { products: string[]; segment: string | null }, string[]]>([
    ['any product, any segment fits every deal', [pb('any', [], [])], { products: [], segment: null }, ['any']],
    [
      'a segment rule needs the deal’s segment',
      [pb('smb', [], ['smb']), pb('ent', [], ['enterprise'])],
      { products: [], segment: 'smb' },
      ['smb'],
    ],
    [
      'a product rule needs a shared product, case aside',
      [pb('analytics', ['Analytics'], []), pb('crm', ['CRM'], [])],
      { products: ['analytics', 'Billing'], segment: null },
      ['analytics'],
    ],
    [
      'the more specific first at equal priority',
      [pb('any', [], []), pb('both', ['A'], ['smb']), pb('seg', [], ['smb'])],
      { products: ['A'], segment: 'smb' },
      ['both', 'seg', 'any'],
    ],
    [
      'priority before specificity',
      [pb('both', ['A'], ['smb']), pb('any', [], [], 5)],
      { products: ['A'], segment: 'smb' },
      ['any', 'both'],
    ],
    [
      'the oldest among equals',
      [pb('new', [], [], 0, '2026-02-01T00:00:00Z'), pb('old', [], [], 0, '2025-02-01T00:00:00Z')],
      { products: [], segment: null },
      ['old', 'new'],
    ],
    [
      'archived ones never',
      [pb('gone', [], [], 9, undefined, true), pb('here', [], [])],
      { products: [], segment: null },
      ['here'],
    ],
    ['a deal without a segment misses segment rules', [pb('smb', [], ['smb'])], { products: [], segment: null }, []],
  ])('%s', (_name, playbooks, deal, expected) => {
    expect(rankPlaybooks(playbooks, deal).map((p) => p.id)).toEqual(expected);
  });

  it('orders consistently', () => {
    expect(compareCandidates(pb('a', [], []), pb('a', [], []))).toBe(0);
  });
});
