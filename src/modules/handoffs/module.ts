import { defineModule } from '../../platform/modules/baton-module.ts';
import { briefNamesOf } from './handoff.names.ts';
import {
  linkBriefsToAccount,
  openBriefsOfConfirmedDeals,
  pullBackBriefsOfReopenedDeals,
} from './handoff-intake.handler.ts';
import { clarificationRoutes } from './clarification.routes.ts';
import { handoffReviewRoutes } from './handoff-review.routes.ts';
import { handoffRoutes } from './handoff.routes.ts';
import { handoffSettingsRoutes } from './handoff-settings.routes.ts';
import { completenessSetting } from './handoff.settings.ts';
import { ownershipRoutes } from './ownership.routes.ts';
import type {
  AccountOwnershipHandoffTable,
  HandoffBriefTable,
  HandoffClarificationTable,
  HandoffEventTable,
} from './handoff.table.ts';

export const handoffsModule = defineModule({
  name: 'handoffs',
  purpose: 'The handoff brief from sales to delivery: completeness, review, clarifications and account ownership.',
  tables: ['handoff_briefs', 'handoff_events', 'handoff_clarifications', 'account_ownership_handoffs'],
  routes: (app, ctx) => {
    handoffRoutes(app, ctx);
    handoffReviewRoutes(app, ctx);
    clarificationRoutes(app, ctx);
    handoffSettingsRoutes(app, ctx);
    ownershipRoutes(app, ctx);
  },
  auditNames: { handoff_brief: briefNamesOf },
  settings: [completenessSetting],
  subscriptions: {
    'deals.confirmed': openBriefsOfConfirmedDeals,
    'deals.reopened': pullBackBriefsOfReopenedDeals,
    'deals.account-linked': linkBriefsToAccount,
  },
});

declare module '../../platform/db/schema.ts' {
  interface Database {
    handoff_briefs: HandoffBriefTable;
    handoff_events: HandoffEventTable;
    handoff_clarifications: HandoffClarificationTable;
    account_ownership_handoffs: AccountOwnershipHandoffTable;
  }
}
