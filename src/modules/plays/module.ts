import { defineModule } from '../../platform/modules/baton-module.ts';
import { myWorkRoutes } from './my-work.routes.ts';

export const playsModule = defineModule({
  name: 'plays',
  purpose:
    'What each person does next: My work joins the signals on their accounts, their project tasks and the ' +
    'questions on their briefs, the money at stake first.',
  tables: [],
  routes: myWorkRoutes,
  nav: { path: '/my-work', label: 'My work' },
});
