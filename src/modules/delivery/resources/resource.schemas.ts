/** The shapes of people and their time off in the API's answers. */
import { z } from 'zod';

export const resourceSchema = z.object({
  id: z.string(),
  name: z.string(),
  email: z.string().nullable(),
  userId: z.string().nullable(),
  role: z.string(),
  skills: z.array(z.string()),
  weeklyCapacityHours: z.number(),
  workingDays: z.array(z.number()),
  costRate: z.number().nullable().describe('null without margin:read'),
  billRate: z.number().nullable().describe('null without margin:read'),
  partnerId: z.string().nullable(),
  active: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

export const timeOffSchema = z.object({
  id: z.string(),
  resourceId: z.string(),
  from: z.string(),
  to: z.string(),
  reason: z.string().nullable(),
  createdAt: z.string(),
});
