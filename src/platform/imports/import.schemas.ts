/** The API shapes every import shares: how a run is asked for, and the row errors and counts of its report. */
import { z } from 'zod';

/** Query options of any import run: dry run, a client-chosen run id to follow it, the file's name. */
export const runOptions = {
  dryRun: z
    .enum(['true', 'false', '1', '0'])
    .optional()
    .transform((v) => v === 'true' || v === '1')
    .describe('Check every row and count what would change, writing nothing'),
  runId: z
    .uuid()
    .optional()
    .describe('The run id to use, chosen by the client so it can poll GET /api/v1/imports/{id} while the file uploads'),
  fileName: z.string().trim().max(255).optional().describe('The file name, for the history'),
};

export const rowError = z.object({ row: z.number(), field: z.string(), reason: z.string() });

/** What every import report counts, and its row errors. */
export const importCounts = z.object({
  format: z.string(),
  dryRun: z.boolean(),
  read: z.number(),
  created: z.number(),
  updated: z.number(),
  unchanged: z.number(),
  rejected: z.number(),
  skipped: z.number(),
  errors: z.array(rowError),
  notes: z.array(z.string()),
});
