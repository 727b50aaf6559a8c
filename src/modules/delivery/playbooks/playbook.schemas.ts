/** The shapes of playbooks in the API's answers and the bodies that change them. */
import { z } from 'zod';
import { playbookDefinitionSchema } from './playbook.ts';

export const summarySchema = z.object({
  id: z.string(),
  key: z.string(),
  name: z.string(),
  description: z.string().nullable(),
  products: z.array(z.string()),
  segments: z.array(z.string()),
  priority: z.number(),
  version: z.number().describe('The current version'),
  taskCount: z.number(),
  totalEffortHours: z.number().describe("All the effort planned, ours and the customer's"),
  typicalDurationDays: z.number().describe('Working days along the longest chain of dependencies'),
  archived: z.boolean(),
  archivedAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

const versionInfo = z.object({
  version: z.number(),
  note: z.string().nullable(),
  createdBy: z.string(),
  createdAt: z.string(),
  taskCount: z.number(),
  totalEffortHours: z.number(),
});

export const detailSchema = summarySchema.extend({
  definition: playbookDefinitionSchema,
  effortByRole: z.record(z.string(), z.number()).describe('Our effort by delivery role, customer tasks left out'),
  versions: z.array(versionInfo).describe('Newest first'),
});

export const versionSchema = z.object({
  playbookId: z.string(),
  key: z.string(),
  name: z.string(),
  version: z.number(),
  definition: playbookDefinitionSchema,
});

export const note = z.string().trim().max(500).nullable().optional().describe('What changed, kept with the version');

export const patchBody = z
  .object({
    name: z.string().trim().min(1).max(200).optional(),
    description: z.string().max(4000).nullable().optional(),
    products: z.array(z.string().trim().min(1).max(200)).max(100).optional().describe('Empty: any product'),
    segments: z.array(z.string().trim().min(1).max(40)).max(20).optional().describe('Empty: any segment'),
    priority: z.number().int().min(-1000).max(1000).optional(),
    archived: z.boolean().optional().describe('Archived playbooks are never selected for a new project'),
  })
  .refine((b) => Object.values(b).some((v) => v !== undefined), 'send at least one field to change');
