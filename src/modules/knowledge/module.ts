import { z } from 'zod';
import { defineJob } from '../../platform/jobs/job.ts';
import { defineModule } from '../../platform/modules/baton-module.ts';
import { articleImporter } from './article.importer.ts';
import { articleRoutes } from './article.routes.ts';
import { assistantRoutes } from './assistant/assistant.routes.ts';
import { deflectionRoutes, deflectionWidgetRoutes } from './deflection/deflection.routes.ts';
import type { KnowledgeDeflectionTable } from './deflection/deflection.table.ts';
import type {
  KnowledgeArticleTable,
  KnowledgeArticleVersionTable,
  KnowledgeProjectLessonTable,
  KnowledgeSearchDocTable,
} from './knowledge.table.ts';
import { up as knowledgeUp, down as knowledgeDown } from './migrations/2026-12-06T2100-knowledge.ts';
import { up as deflectionsUp, down as deflectionsDown } from './migrations/2026-12-06T2300-deflections.ts';
import { up as ftsRowsUp, down as ftsRowsDown } from './migrations/2026-12-07T0500-search-fts-rows.ts';
import { gapRoutes } from './gaps/gaps.routes.ts';
import { lessonRoutes } from './lesson.routes.ts';
import { reindexRoutes, searchRoutes } from './search/search.routes.ts';
import { knowledgeSignalRules } from './signals/materials-stale.rules.ts';
import { knowledgeThresholdsSetting } from './signals/materials-stale.settings.ts';
import { similarRoutes } from './similar/similar.routes.ts';

export const knowledgeModule = defineModule({
  name: 'knowledge',
  purpose:
    'The knowledge base: articles with their versions, lessons and decisions from projects, and one search ' +
    'over them, handoff briefs and resolved tickets.',
  tables: [
    'knowledge_articles',
    'knowledge_article_versions',
    'knowledge_project_lessons',
    'knowledge_search_docs',
    'knowledge_deflections',
  ],
  routes: (app, ctx) => {
    articleRoutes(app, ctx);
    lessonRoutes(app, ctx);
    searchRoutes(app, ctx);
    reindexRoutes(app, ctx);
    deflectionRoutes(app, ctx);
    deflectionWidgetRoutes(app, ctx);
    similarRoutes(app, ctx);
    assistantRoutes(app, ctx);
    gapRoutes(app, ctx);
  },
  importers: [articleImporter],
  jobs: [
    defineJob({
      type: 'knowledge.reindex',
      version: 1,
      description:
        'Brings the search index up to date with handoff briefs and resolved tickets (one workspace, or every ' +
        'one daily)',
      input: z.object({}),
      maxAttempts: 3,
      everyMs: 24 * 3_600_000,
      load: async () => (await import('./search/reindex.job.ts')).reindexKnowledgeJob,
    }),
    defineJob({
      type: 'knowledge.signals',
      version: 1,
      description:
        'Evaluates the stale-onboarding-materials signal (every workspace unless one is named; queued when a ' +
        'playbook’s article changes)',
      input: z.object({ workspaceId: z.string().optional(), asOf: z.iso.date().optional() }),
      maxAttempts: 3,
      everyMs: 24 * 3_600_000,
      load: async () => (await import('./signals/materials-stale.job.ts')).runKnowledgeSignals,
    }),
  ],
  settings: [knowledgeThresholdsSetting],
  signalRules: [knowledgeSignalRules],
  nav: { path: '/knowledge', label: 'Knowledge' },
  migrations: {
    '2026-12-06T2100-knowledge': { up: knowledgeUp, down: knowledgeDown },
    '2026-12-06T2300-deflections': { up: deflectionsUp, down: deflectionsDown },
    '2026-12-07T0500-search-fts-rows': { up: ftsRowsUp, down: ftsRowsDown },
  },
});

declare module '../../platform/db/schema.ts' {
  interface Database {
    knowledge_articles: KnowledgeArticleTable;
    knowledge_article_versions: KnowledgeArticleVersionTable;
    knowledge_project_lessons: KnowledgeProjectLessonTable;
    knowledge_search_docs: KnowledgeSearchDocTable;
    knowledge_deflections: KnowledgeDeflectionTable;
  }
}

declare module '../../platform/jobs/job-types.ts' {
  interface JobInputs {
    'knowledge.reindex': Record<string, never>;
    'knowledge.signals': { workspaceId?: string; asOf?: string };
  }
}
