import type { PlaybookDefinition, PlaybookMilestone, PlaybookPhase, PlaybookTask } from './playbook-api.ts';

/**
 * Edits of a playbook definition in the editor, as pure functions returning a new definition: the page keeps
 * one draft and replaces it on every change. Renaming a key renames its references, so a person never breaks
 * a dependency by fixing a typo.
 */

export const newTask = (key: string, milestone: string | null): PlaybookTask => ({
  key,
  name: '',
  ownerRole: 'consultant',
  customerOwned: false,
  type: 'general',
  effortHours: 1,
  durationDays: 1,
  dependsOn: [],
  milestone,
});

export const newMilestone = (key: string): PlaybookMilestone => ({
  key,
  name: '',
  onboarding: false,
  targetDay: null,
  completionEvent: null,
});

export const newPhase = (key: string): PlaybookPhase => ({
  key,
  name: '',
  milestones: [],
  tasks: [newTask(`${key}-task-1`, null)],
});

/** A key not used yet: `base`, `base-2`, `base-3` … */
export function freshKey(used: Iterable<string>, base: string): string {
  const taken = new Set(used);
  if (!taken.has(base)) return base;
  let n = 2;
  while (taken.has(`${base}-${n}`)) n++;
  return `${base}-${n}`;
}

export const taskKeys = (d: PlaybookDefinition): string[] => d.phases.flatMap((p) => p.tasks.map((t) => t.key));
export const milestoneKeys = (d: PlaybookDefinition): string[] =>
  d.phases.flatMap((p) => p.milestones.map((m) => m.key));

function mapPhase(d: PlaybookDefinition, phase: number, fn: (p: PlaybookPhase) => PlaybookPhase): PlaybookDefinition {
  return { ...d, phases: d.phases.map((p, i) => (i === phase ? fn(p) : p)) };
}

export function updateTask(
  d: PlaybookDefinition,
  phase: number,
  index: number,
  patch: Partial<PlaybookTask>,
): PlaybookDefinition {
  const old = d.phases[phase]?.tasks[index];
  let next = mapPhase(d, phase, (p) => ({
    ...p,
    tasks: p.tasks.map((t, i) => (i === index ? { ...t, ...patch } : t)),
  }));
  if (old && patch.key !== undefined && patch.key !== old.key) {
    const from = old.key;
    const to = patch.key;
    next = {
      ...next,
      phases: next.phases.map((p) => ({
        ...p,
        tasks: p.tasks.map((t) => ({ ...t, dependsOn: t.dependsOn.map((k) => (k === from ? to : k)) })),
      })),
    };
  }
  return next;
}

export function updateMilestone(
  d: PlaybookDefinition,
  phase: number,
  index: number,
  patch: Partial<PlaybookMilestone>,
): PlaybookDefinition {
  const old = d.phases[phase]?.milestones[index];
  let next = mapPhase(d, phase, (p) => ({
    ...p,
    milestones: p.milestones.map((m, i) => (i === index ? { ...m, ...patch } : m)),
  }));
  if (old && patch.key !== undefined && patch.key !== old.key) {
    const [from, to] = [old.key, patch.key];
    next = {
      ...next,
      firstValueMilestone: next.firstValueMilestone === from ? to : next.firstValueMilestone,
      goLiveMilestone: next.goLiveMilestone === from ? to : next.goLiveMilestone,
      phases: next.phases.map((p) => ({
        ...p,
        tasks: p.tasks.map((t) => (t.milestone === from ? { ...t, milestone: to } : t)),
      })),
    };
  }
  return next;
}

export const updatePhase = (
  d: PlaybookDefinition,
  phase: number,
  patch: Partial<Pick<PlaybookPhase, 'key' | 'name'>>,
) => mapPhase(d, phase, (p) => ({ ...p, ...patch }));

export const addTask = (d: PlaybookDefinition, phase: number) =>
  mapPhase(d, phase, (p) => ({
    ...p,
    tasks: [...p.tasks, newTask(freshKey(taskKeys(d), `${p.key}-task`), p.milestones.at(-1)?.key ?? null)],
  }));

/** Removes a task and every dependency on it. */
export function removeTask(d: PlaybookDefinition, phase: number, index: number): PlaybookDefinition {
  const key = d.phases[phase]?.tasks[index]?.key;
  const next = mapPhase(d, phase, (p) => ({ ...p, tasks: p.tasks.filter((_, i) => i !== index) }));
  return {
    ...next,
    phases: next.phases.map((p) => ({
      ...p,
      tasks: p.tasks.map((t) => ({ ...t, dependsOn: t.dependsOn.filter((k) => k !== key) })),
    })),
  };
}

export const addMilestone = (d: PlaybookDefinition, phase: number) =>
  mapPhase(d, phase, (p) => ({
    ...p,
    milestones: [...p.milestones, newMilestone(freshKey(milestoneKeys(d), `${p.key}-milestone`))],
  }));

/** Removes a milestone; tasks that counted towards it count towards none. */
export function removeMilestone(d: PlaybookDefinition, phase: number, index: number): PlaybookDefinition {
  const key = d.phases[phase]?.milestones[index]?.key;
  const next = mapPhase(d, phase, (p) => ({ ...p, milestones: p.milestones.filter((_, i) => i !== index) }));
  return {
    ...next,
    phases: next.phases.map((p) => ({
      ...p,
      tasks: p.tasks.map((t) => (t.milestone === key ? { ...t, milestone: null } : t)),
    })),
  };
}

export const addPhase = (d: PlaybookDefinition): PlaybookDefinition => {
  const key = freshKey(
    d.phases.map((p) => p.key),
    'phase',
  );
  const phase = newPhase(key);
  return { ...d, phases: [...d.phases, { ...phase, tasks: [newTask(freshKey(taskKeys(d), `${key}-task`), null)] }] };
};

export function removePhase(d: PlaybookDefinition, phase: number): PlaybookDefinition {
  let next = d;
  const p = d.phases[phase];
  if (!p) return d;
  for (let i = p.tasks.length - 1; i >= 0; i--) next = removeTask(next, phase, i);
  for (let i = p.milestones.length - 1; i >= 0; i--) next = removeMilestone(next, phase, i);
  return { ...next, phases: next.phases.filter((_, i) => i !== phase) };
}

/** A starting point for a new playbook that already passes the rules. */
export const starterDefinition = (): PlaybookDefinition => ({
  phases: [
    {
      key: 'kickoff',
      name: 'Kickoff',
      milestones: [
        { key: 'kickoff-done', name: 'Kickoff held', onboarding: true, targetDay: 5, completionEvent: null },
        { key: 'first-value', name: 'First value', onboarding: true, targetDay: 14, completionEvent: null },
        { key: 'go-live', name: 'Go-live', onboarding: false, targetDay: 30, completionEvent: null },
      ],
      tasks: [
        {
          ...newTask('kickoff-call', 'kickoff-done'),
          name: 'Kickoff call',
          ownerRole: 'project_manager',
          effortHours: 2,
        },
        {
          ...newTask('first-outcome', 'first-value'),
          name: 'Deliver the first outcome',
          effortHours: 8,
          durationDays: 5,
          dependsOn: ['kickoff-call'],
        },
        {
          ...newTask('go-live-review', 'go-live'),
          name: 'Go-live review',
          ownerRole: 'project_manager',
          effortHours: 2,
          dependsOn: ['first-outcome'],
        },
      ],
    },
  ],
  firstValueMilestone: 'first-value',
  goLiveMilestone: 'go-live',
  goLiveChecklist: [],
});
