/** The shapes of the knowledge routes (Zod), so the OpenAPI document and the checks agree. */
import { z } from 'zod';
import { externalId } from '../../platform/http/references.ts';
import {
  ARTICLE_SOURCES,
  ARTICLE_STATUSES,
  MAX_BODY,
  MAX_EXTERNAL_ID,
  MAX_TAGS,
  MAX_TITLE,
  normalTags,
  tagProblem,
} from './article.ts';
import { MAX_QUERY } from './search/query.ts';
import { SEARCH_KINDS } from './search/search-doc.ts';

const title = z.string().trim().min(1, 'is empty').max(MAX_TITLE);
const body = z.string().max(MAX_BODY);
const tags = z
  .array(z.string().max(200))
  .max(MAX_TAGS)
  .transform((list) => normalTags(list))
  .superRefine((list, ctx) => {
    for (const [i, tag] of list.entries()) {
      const problem = tagProblem(tag);
      if (problem) ctx.addIssue({ code: 'custom', message: problem, path: [i] });
    }
  });
const status = z.enum(ARTICLE_STATUSES);

export const articleCreateBody = z.object({
  externalId: externalId(
    z.string().trim().min(1).max(MAX_EXTERNAL_ID),
    'the article’s id in the help centre or file it came from, not a Baton record',
  )
    .optional()
    .describe('Its id in the source it came from; the article’s own id when left out'),
  title,
  body: body.default(''),
  tags: tags.default([]),
  status: status.default('draft'),
});

export const articleUpdateBody = z
  .object({ title: title.optional(), body: body.optional(), tags: tags.optional(), status: status.optional() })
  .refine((b) => Object.values(b).some((v) => v !== undefined), 'names nothing to change');

export const articleSchema = z.object({
  id: z.string(),
  externalId: z.string(),
  title: z.string(),
  body: z.string(),
  tags: z.array(z.string()),
  status: z.enum(ARTICLE_STATUSES),
  source: z.enum(ARTICLE_SOURCES),
  sourceRef: z.string().nullable(),
  version: z.number(),
  createdBy: z.string(),
  createdAt: z.string(),
  updatedBy: z.string(),
  updatedAt: z.string(),
});

export const versionSchema = z.object({
  version: z.number(),
  title: z.string(),
  body: z.string(),
  tags: z.array(z.string()),
  status: z.enum(ARTICLE_STATUSES),
  savedBy: z.string(),
  savedAt: z.string(),
});

export const articleListQuery = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50).describe('Items per page (1–200)'),
  cursor: z.string().max(500).optional().describe('The nextCursor of the previous page'),
  status: status.optional(),
  tag: z
    .union([z.string().max(200), z.array(z.string().max(200)).max(10)])
    .optional()
    .describe('Only articles with this tag (repeat for all of several)'),
});

const kindList = z
  .string()
  .max(200)
  .transform((v, ctx) => {
    const kinds = v
      .split(',')
      .map((k) => k.trim())
      .filter(Boolean);
    for (const k of kinds)
      if (!(SEARCH_KINDS as readonly string[]).includes(k))
        ctx.addIssue({ code: 'custom', message: `"${k.slice(0, 40)}" is not a kind (${SEARCH_KINDS.join(', ')})` });
    return kinds as Array<(typeof SEARCH_KINDS)[number]>;
  });

export const searchQuery = z.object({
  q: z
    .string()
    .min(1, 'is empty')
    .max(MAX_QUERY * 10)
    .describe('A question or words, as a person would ask'),
  limit: z.coerce.number().int().min(1).max(50).default(10).describe('Results (1–50)'),
  kinds: kindList
    .optional()
    .describe(`Kinds to search, comma-separated (${SEARCH_KINDS.join(', ')}); all when left out`),
});

export const searchHitSchema = z.object({
  kind: z.enum(SEARCH_KINDS),
  id: z.string(),
  external_id: z.string().nullable(),
  title: z.string(),
  snippet: z.string().describe('Escaped HTML, the matched words inside <mark>'),
  score: z.number(),
  url: z.string(),
});
