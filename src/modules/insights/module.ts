import { defineModule } from '../../platform/modules/baton-module.ts';
import { accountTimelineRoutes } from './account-timeline.routes.ts';

export const insightsModule = defineModule({
  name: 'insights',
  purpose:
    'The account’s whole story and the portfolio’s: one timeline of everything that happened to an account, read ' +
    'through every module’s face.',
  tables: [],
  routes: accountTimelineRoutes,
});
