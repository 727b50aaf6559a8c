import { z } from 'zod';

/**
 * A playbook's content: what a version holds, and what YAML/JSON files carry. Pure types and the schema;
 * `checkPlaybook` (playbook.rules.ts) adds the rules a schema cannot say (unique keys, known references,
 * no dependency cycle, a first-value milestone).
 */

const key = z
  .string()
  .min(1)
  .max(80)
  .regex(/^[a-z0-9][a-z0-9_-]*$/, 'lowercase letters, digits, "-" and "_"');

export const playbookMilestoneSchema = z.object({
  key,
  name: z.string().min(1).max(200),
  /** An onboarding milestone: onboarding completion counts the accounts that completed all of them. */
  onboarding: z.boolean().default(false),
  /** Calendar days after kickoff by which the milestone should be reached (first value: the signal's target). */
  targetDay: z.number().int().min(0).max(3650).nullable().default(null),
  /** A usage event (e.g. "Report Published") that completes the milestone when the account's users do it. */
  completionEvent: z.string().min(1).max(200).nullable().default(null),
});

export const playbookTaskSchema = z.object({
  key,
  name: z.string().min(1).max(300),
  /** The delivery role expected to do it (matched against resources' roles); for customer tasks, theirs. */
  ownerRole: z.string().min(1).max(80),
  customerOwned: z.boolean().default(false),
  /** For estimate accuracy by task type. */
  type: z.string().min(1).max(80).default('general'),
  effortHours: z.number().min(0).max(10_000),
  /** The fewest working days the task takes, however many people work on it. */
  durationDays: z.number().int().min(0).max(365),
  dependsOn: z.array(key).default([]),
  /** The milestone this task counts towards; a milestone is reached when all its tasks are done. */
  milestone: key.nullable().default(null),
});

export const playbookPhaseSchema = z.object({
  key,
  name: z.string().min(1).max(200),
  milestones: z.array(playbookMilestoneSchema).default([]),
  tasks: z.array(playbookTaskSchema).min(1),
});

export const playbookDefinitionSchema = z.object({
  phases: z.array(playbookPhaseSchema).min(1),
  /** The milestone that counts as first value (DESIGN §5, time to value). */
  firstValueMilestone: key,
  /** The milestone that is the go-live. */
  goLiveMilestone: key,
  /** What must be true for a go-live to count as successful. */
  goLiveChecklist: z.array(z.string().min(1).max(300)).default([]),
});

/** A whole playbook as files carry it: identity and selection rules plus the definition. */
export const playbookFileSchema = z.object({
  key,
  name: z.string().min(1).max(200),
  description: z.string().max(4000).nullable().default(null),
  products: z.array(z.string().min(1).max(200)).default([]),
  segments: z.array(z.string().min(1).max(40)).default([]),
  priority: z.number().int().min(-1000).max(1000).default(0),
  definition: playbookDefinitionSchema,
});

export type PlaybookMilestone = z.infer<typeof playbookMilestoneSchema>;
export type PlaybookTask = z.infer<typeof playbookTaskSchema>;
export type PlaybookPhase = z.infer<typeof playbookPhaseSchema>;
export type PlaybookDefinition = z.infer<typeof playbookDefinitionSchema>;
export type PlaybookFile = z.infer<typeof playbookFileSchema>;

/** A stored playbook version as services hand it to other modules. */
export interface PlaybookVersion {
  playbookId: string;
  key: string;
  name: string;
  version: number;
  definition: PlaybookDefinition;
}

/** A playbook as lists show it: identity, selection rules and figures of its current version. */
export interface PlaybookSummary {
  id: string;
  key: string;
  name: string;
  description: string | null;
  products: string[];
  segments: string[];
  priority: number;
  version: number;
  taskCount: number;
  totalEffortHours: number;
  typicalDurationDays: number;
  archived: boolean;
  archivedAt: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface PlaybookVersionInfo {
  version: number;
  note: string | null;
  createdBy: string;
  createdAt: string;
  taskCount: number;
  totalEffortHours: number;
}

/** One playbook with its current definition and every version. */
export interface PlaybookDetail extends PlaybookSummary {
  definition: PlaybookDefinition;
  effortByRole: Record<string, number>;
  versions: PlaybookVersionInfo[];
}
