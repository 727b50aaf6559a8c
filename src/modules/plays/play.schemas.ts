import { z } from 'zod';
import { playDefinitionSchema, triggerSchema } from './play.ts';

export const playSummarySchema = z.object({
  id: z.string(),
  name: z.string(),
  builtinKey: z.string().nullable().describe('The built-in play it came from; null for plays people made'),
  enabled: z.boolean(),
  version: z.number(),
  trigger: triggerSchema,
  triggerWords: z.string().describe('The trigger in words'),
  taskCount: z.number(),
  runs: z.number(),
  openRuns: z.number(),
  judgedRuns: z.number(),
  successRate: z.number().nullable().describe('Share of judged runs that worked (0–1); null before any'),
  updatedAt: z.string(),
});

export const playDetailSchema = playSummarySchema.extend({ definition: playDefinitionSchema });

const outcomeSchema = z.object({
  signalResolved: z.boolean().nullable(),
  healthRecovered: z.boolean().nullable(),
  healthBefore: z.number().nullable(),
  healthAfter: z.number().nullable(),
  tasksDone: z.number(),
  tasksTotal: z.number(),
  success: z.boolean(),
  sentence: z.string(),
});

export const playRunSchema = z.object({
  id: z.string(),
  playId: z.string(),
  playName: z.string(),
  playVersion: z.number(),
  account: z.object({ id: z.string(), name: z.string() }),
  trigger: z.string().describe('What started it, in words'),
  signalId: z.string().nullable(),
  startedOn: z.string(),
  status: z.enum(['open', 'done', 'ended']),
  endedAt: z.string().nullable(),
  endReason: z.string().nullable(),
  outcome: outcomeSchema.nullable(),
  tasks: z.array(
    z.object({
      id: z.string(),
      position: z.number(),
      title: z.string(),
      instructions: z.string(),
      emailTemplate: z.string().nullable(),
      role: z.string().nullable(),
      assigneeUserId: z.string().nullable(),
      assignmentNote: z.string().nullable().describe('Said when the task did not go to the role the play asked for'),
      due: z.string(),
      doneAt: z.string().nullable(),
      doneBy: z.string().nullable(),
    }),
  ),
});
