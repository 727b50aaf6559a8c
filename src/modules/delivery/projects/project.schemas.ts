/** The API shapes of projects, for validation and the OpenAPI document. */
import { z } from 'zod';
import { refId } from '../../../platform/http/references.ts';
import { errorResponses, isoDate, problemSchema } from '../../../platform/http/schemas.ts';
import { TASK_STATES, COMMERCIAL_MODELS, PROJECT_STATUSES, REWORK_CAUSES, SLIP_REASONS } from './project.ts';

const metrics = z.object({
  queueWaitDays: z.number().nullable(),
  implementationDays: z.number().nullable(),
  implementationIsForecast: z.boolean(),
  promisedDays: z.number().nullable(),
  timeToValueDays: z.number().nullable(),
  daysLate: z.number().nullable(),
});

export const summarySchema = z.object({
  id: z.string(),
  name: z.string(),
  accountId: z.string(),
  accountName: z.string().nullable(),
  dealId: z.string().nullable(),
  handoffId: z.string().nullable(),
  status: z.enum(PROJECT_STATUSES),
  playbook: z.object({ id: z.string(), name: z.string().nullable(), version: z.number() }),
  partnerId: z.string().nullable(),
  leadUserId: z.string().nullable(),
  signedOn: z.string().nullable(),
  acceptedOn: z.string(),
  plannedKickoffOn: z.string().nullable(),
  kickoffOn: z.string().nullable(),
  promisedGoLive: z.string().nullable(),
  forecastGoLive: z.string().nullable(),
  forecastFirstValue: z.string().nullable(),
  forecastComputedAt: z.string().nullable(),
  firstValueOn: z.string().nullable(),
  goLiveOn: z.string().nullable(),
  closedOn: z.string().nullable(),
  late: z.boolean(),
  metrics,
  commercialModel: z.enum(COMMERCIAL_MODELS).nullable(),
  servicesFee: z.number().nullable(),
  currency: z.string(),
  version: z.number(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

export const listItemSchema = summarySchema.extend({
  progress: z.object({ tasks: z.number(), tasksDone: z.number(), remainingHours: z.number() }),
  slipCount: z.number(),
});

export const taskSchema = z.object({
  id: z.string(),
  key: z.string(),
  name: z.string(),
  phase: z.string(),
  milestoneKey: z.string().nullable(),
  type: z.string(),
  ownerRole: z.string(),
  customerOwned: z.boolean(),
  critical: z
    .boolean()
    .describe(
      'On the chain of tasks that decides the go-live milestone’s date (the last task’s when the playbook has none); never a done task',
    ),
  effortHours: z.number(),
  remainingHours: z.number(),
  durationDays: z.number(),
  dependsOn: z.array(z.string()),
  assigneeId: z.string().nullable(),
  assigneeName: z.string().nullable(),
  state: z.enum(TASK_STATES),
  blockedReason: z.string().nullable(),
  blockedSince: z.string().nullable(),
  startedOn: z.string().nullable(),
  doneOn: z.string().nullable(),
  forecastStart: z.string().nullable(),
  forecastFinish: z.string().nullable(),
});

export const milestoneSchema = z.object({
  id: z.string(),
  key: z.string(),
  name: z.string(),
  phase: z.string(),
  onboarding: z.boolean(),
  firstValue: z.boolean(),
  goLive: z.boolean(),
  completionEvent: z.string().nullable(),
  targetDay: z.number().nullable(),
  forecastOn: z.string().nullable(),
  completedOn: z.string().nullable(),
  completedBy: z.string().nullable(),
});

export const eventSchema = z.object({
  id: z.string(),
  at: z.string(),
  actorKind: z.enum(['user', 'customer', 'system']),
  actor: z.string(),
  kind: z.string(),
  taskId: z.string().nullable(),
  detail: z.record(z.string(), z.unknown()),
});

export const detailSchema = summarySchema.extend({
  progress: z.object({
    tasks: z.number(),
    tasksDone: z.number(),
    effortHours: z.number(),
    remainingHours: z.number(),
    customerTasksOpen: z.number(),
    blocked: z.number(),
  }),
  tasks: z.array(taskSchema),
  milestones: z.array(milestoneSchema),
  slips: z.array(
    z.object({
      id: z.string(),
      recordedAt: z.string(),
      promisedGoLive: z.string(),
      fromForecast: z.string().nullable(),
      toForecast: z.string(),
      days: z.number(),
      reasonCode: z.string().nullable(),
      note: z.string().nullable(),
      explainedBy: z.string().nullable(),
      explainedAt: z.string().nullable(),
    }),
  ),
  promiseChanges: z
    .array(
      z.object({
        at: z.string(),
        by: z.string(),
        from: z.string().nullable(),
        to: z.string(),
        reasonCode: z.string(),
        note: z.string().nullable(),
        agreedBy: z.string(),
        customerAgreed: z.boolean(),
      }),
    )
    .describe('New promised go-lives agreed by hand, oldest first'),
  rework: z.array(
    z.object({
      id: z.string(),
      taskId: z.string().nullable(),
      hours: z.number(),
      cause: z.string(),
      note: z.string().nullable(),
      recordedBy: z.string(),
      recordedAt: z.string(),
    }),
  ),
  goLiveChecklist: z.array(z.string()),
  events: z.array(eventSchema),
});

export const slipReason = z.object({
  code: z.enum(SLIP_REASONS),
  note: z.string().trim().max(2000).nullable().default(null),
});

export const reworkBody = z.object({
  taskId: refId('task', 'The task redone, a task of the project').nullable().default(null),
  hours: z.number().positive().max(1000),
  cause: z.enum(REWORK_CAUSES),
  note: z.string().trim().max(2000).nullable().default(null),
});

export const manualSlipBody = z.object({
  expectedOn: isoDate.describe('The go-live now expected, past the promise'),
  reason: slipReason,
});

export const newPromiseBody = z.object({
  promisedGoLive: isoDate.describe('The new promised go-live'),
  reason: slipReason.describe('Why the promise moves'),
  agreedBy: z.string().trim().min(1).max(300).describe('Who agreed the new date (e.g. the customer’s sponsor)'),
  customerAgreed: z.boolean().describe('The customer agreed it (a re-baseline)'),
});

const taskDates = z.object({ start: z.string().nullable(), finish: z.string().nullable() });
export const assignmentPreviewSchema = z.object({
  taskId: z.string(),
  assigneeId: z.string().nullable(),
  assigneeName: z.string().nullable(),
  task: z.object({ from: taskDates, to: taskDates }),
  forecastGoLive: z.object({ from: z.string().nullable(), to: z.string().nullable() }),
  goLiveMovesDays: z.number().describe('Days the go-live moves; later is positive'),
  promisedGoLive: z.string().nullable(),
  late: z.boolean(),
  timeOff: z.array(z.object({ from: z.string(), to: z.string() })).describe('The assignee’s time off not yet over'),
  slipReason: z
    .object({ code: z.enum(SLIP_REASONS), note: z.string() })
    .nullable()
    .describe('What a slip this assignment causes would be recorded with'),
  warning: z.string().nullable().describe('To show before confirming, when the go-live moves later'),
});

/** The errors a project write may answer: the usual ones, a conflict with the project's state, a stale ETag. */
export const withConflicts = { ...errorResponses, 409: problemSchema, 412: problemSchema };

/** Hours on a task: planned effort or what remains. */
export const hours = z.number().min(0).max(10_000);
