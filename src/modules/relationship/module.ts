import { z } from 'zod';
import { defineJob } from '../../platform/jobs/job.ts';
import { defineModule } from '../../platform/modules/baton-module.ts';
import { relationshipSignalRules } from './signals/relationship-signals.rules.ts';
import { up as relationshipUp, down as relationshipDown } from './migrations/2026-12-06T1400-relationship.ts';
import { up as regulatoryUp, down as regulatoryDown } from './migrations/2026-12-06T2110-regulatory.ts';
import { regulatorySignalRules } from './regulatory/regulatory.rules.ts';
import { regulatoryRoutes } from './regulatory/regulatory.routes.ts';
import { regulatorySignalsSetting } from './regulatory/regulatory.settings.ts';
import type { RegulatoryEventTable, RegulatoryReviewTable } from './regulatory/regulatory.table.ts';
import type { RelationshipSurveyTable, RelationshipTouchTable } from './relationship.table.ts';
import { queueRelationshipSignals } from './signals/relationship-signals.handler.ts';
import { relationshipSignalRoutes } from './signals/relationship-signals.routes.ts';
import { relationshipThresholdsSetting } from './signals/relationship-signals.settings.ts';
import { surveyImporter } from './survey.importer.ts';
import { surveyRoutes } from './survey.routes.ts';
import { touchImporter } from './touch.importer.ts';
import { touchRoutes } from './touch.routes.ts';

export const relationshipModule = defineModule({
  name: 'relationship',
  purpose:
    'What customers say and how often the vendor speaks to them: NPS and CSAT answers, meetings, calls and emails with their stakeholders.',
  tables: ['relationship_surveys', 'relationship_touches', 'regulatory_events', 'regulatory_reviews'],
  routes: (app, ctx) => {
    surveyRoutes(app, ctx);
    touchRoutes(app, ctx);
    relationshipSignalRoutes(app, ctx);
    regulatoryRoutes(app, ctx);
  },
  importers: [surveyImporter, touchImporter],
  jobs: [
    defineJob({
      type: 'relationship.signals',
      version: 1,
      description:
        'Evaluates the sponsor-untouched, detractor, finance-in-delivery and touch-surge signals (every workspace unless one is named; some accounts when named)',
      input: z.object({
        workspaceId: z.string().optional(),
        accountIds: z.array(z.string()).max(500).optional(),
        asOf: z.iso.date().optional(),
      }),
      maxAttempts: 3,
      everyMs: 24 * 3_600_000,
      load: async () => (await import('./signals/relationship-signals.job.ts')).runRelationshipSignals,
    }),
    defineJob({
      type: 'relationship.regulatory-signals',
      version: 1,
      description:
        'Raises the regulatory reviews that came due and resolves those given (every workspace unless named)',
      input: z.object({ workspaceId: z.string().optional(), asOf: z.iso.date().optional() }),
      maxAttempts: 3,
      everyMs: 24 * 3_600_000,
      load: async () => (await import('./regulatory/regulatory.job.ts')).runRegulatorySignals,
    }),
  ],
  settings: [relationshipThresholdsSetting, regulatorySignalsSetting],
  signalRules: [relationshipSignalRules, regulatorySignalRules],
  subscriptions: {
    'relationship.touched': queueRelationshipSignals,
    'relationship.survey-recorded': queueRelationshipSignals,
  },
  migrations: {
    '2026-12-06T1400-relationship': { up: relationshipUp, down: relationshipDown },
    '2026-12-06T2110-regulatory': { up: regulatoryUp, down: regulatoryDown },
  },
});

declare module '../../platform/db/schema.ts' {
  interface Database {
    relationship_surveys: RelationshipSurveyTable;
    relationship_touches: RelationshipTouchTable;
    regulatory_events: RegulatoryEventTable;
    regulatory_reviews: RegulatoryReviewTable;
  }
}

declare module '../../platform/jobs/job-types.ts' {
  interface JobInputs {
    'relationship.signals': { workspaceId?: string; accountIds?: string[]; asOf?: string };
    'relationship.regulatory-signals': { workspaceId?: string; asOf?: string };
  }
}
