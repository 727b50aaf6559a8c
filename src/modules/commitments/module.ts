import { defineModule } from '../../platform/modules/baton-module.ts';
import { commitmentReviewRoutes } from './commitment-review.routes.ts';
import { commitmentRoutes } from './commitment.routes.ts';
import { exposureRoutes } from './exposure.routes.ts';
import { termsReportRoutes } from './terms-report.routes.ts';
import type { CommitmentStatusChangeTable, CommitmentTable } from './commitment.table.ts';

export const commitmentsModule = defineModule({
  name: 'commitments',
  purpose: 'The ledger of every promise made to a customer, with its status and the exposure it carries.',
  tables: ['commitments', 'commitment_status_changes'],
  routes: (app, ctx) => {
    commitmentRoutes(app, ctx);
    commitmentReviewRoutes(app, ctx);
    exposureRoutes(app, ctx);
    termsReportRoutes(app, ctx);
  },
});

declare module '../../platform/db/schema.ts' {
  interface Database {
    commitments: CommitmentTable;
    commitment_status_changes: CommitmentStatusChangeTable;
  }
}
