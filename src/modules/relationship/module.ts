import { defineModule } from '../../platform/modules/baton-module.ts';
import { up as relationshipUp, down as relationshipDown } from './migrations/2026-12-06T1400-relationship.ts';
import type { RelationshipSurveyTable, RelationshipTouchTable } from './relationship.table.ts';
import { surveyImporter } from './survey.importer.ts';
import { surveyRoutes } from './survey.routes.ts';
import { touchImporter } from './touch.importer.ts';
import { touchRoutes } from './touch.routes.ts';

export const relationshipModule = defineModule({
  name: 'relationship',
  purpose:
    'What customers say and how often the vendor speaks to them: NPS and CSAT answers, meetings, calls and emails with their stakeholders.',
  tables: ['relationship_surveys', 'relationship_touches'],
  routes: (app, ctx) => {
    surveyRoutes(app, ctx);
    touchRoutes(app, ctx);
  },
  importers: [surveyImporter, touchImporter],
  migrations: { '2026-12-06T1400-relationship': { up: relationshipUp, down: relationshipDown } },
});

declare module '../../platform/db/schema.ts' {
  interface Database {
    relationship_surveys: RelationshipSurveyTable;
    relationship_touches: RelationshipTouchTable;
  }
}
