import { z } from 'zod';
import { defineJob } from '../../platform/jobs/job.ts';
import { defineModule } from '../../platform/modules/baton-module.ts';
import { deliverySignalRules } from './projects/project-signals.rules.ts';
import { deliverySignalsSetting } from './projects/project-signals.settings.ts';
import { capacityRoutes } from './capacity/capacity.routes.ts';
import { CAPACITY_SETTINGS } from './capacity/capacity.settings.ts';
import { playbookNamesOf, projectNamesOf, resourceNamesOf } from './delivery.names.ts';
import { partnerFigureRoutes } from './partners/partner-figures.routes.ts';
import { installBuiltInPlaybooks } from './playbooks/playbook-builtin.service.ts';
import { workspacePlaybookIds } from './playbooks/playbook.refs.ts';
import { playbookRoutes } from './playbooks/playbook.routes.ts';
import { portalLinkRoutes } from './portal/portal-link.routes.ts';
import { portalRoutes } from './portal/portal.routes.ts';
import { PORTAL_KEY } from './portal/portal.settings.ts';
import { startProjectOfAcceptedHandoff } from './projects/handoff-accepted.handler.ts';
import { visibleProjectIds, visibleTaskIds } from './projects/project.refs.ts';
import { forecastRoutes } from './projects/forecast.routes.ts';
import { lifecycleRoutes } from './projects/lifecycle.routes.ts';
import { projectRoutes } from './projects/project.routes.ts';
import { slipRoutes } from './projects/slip.routes.ts';
import { taskRoutes } from './projects/task.routes.ts';
import { timelineRoutes } from './projects/timeline.routes.ts';
import { resourceImporter } from './resources/resource-import.service.ts';
import { visibleResourceIds } from './resources/resource.refs.ts';
import { DELIVERY_ROLES_SETTING } from './resources/resource-roles.settings.ts';
import { holidayRoutes } from './resources/holiday.routes.ts';
import { resourceRoutes } from './resources/resource.routes.ts';
import { roleRoutes } from './resources/role.routes.ts';
import { timeOffRoutes } from './resources/time-off.routes.ts';
import { timeEntryRoutes } from './time/time-entry.routes.ts';
import { timeImporter } from './time/time-import.service.ts';
import type { PlaybookTable, PlaybookVersionTable } from './playbooks/playbook.table.ts';
import type { PortalLinkTable } from './portal/portal-link.table.ts';
import type {
  ProjectEventTable,
  ProjectMilestoneTable,
  ProjectReworkTable,
  ProjectSlipTable,
  ProjectTable,
  ProjectTaskTable,
} from './projects/project.table.ts';
import type { DeliveryResourceTable, ResourceTimeOffTable, WorkspaceHolidayTable } from './resources/resource.table.ts';
import type { TimeEntryTable } from './time/time-entry.table.ts';

const HOUR = 3_600_000;

export const deliveryModule = defineModule({
  name: 'delivery',
  purpose: 'Playbooks, implementation projects and their forecast, the portal, people, time, margin and capacity.',
  tables: [
    'playbooks',
    'playbook_versions',
    'delivery_resources',
    'resource_time_off',
    'workspace_holidays',
    'projects',
    'project_milestones',
    'project_tasks',
    'project_events',
    'project_slips',
    'project_rework',
    'time_entries',
    'portal_links',
  ],
  routes: (app, ctx) => {
    resourceRoutes(app, ctx);
    timeOffRoutes(app, ctx);
    roleRoutes(app, ctx);
    holidayRoutes(app, ctx);
    timeEntryRoutes(app, ctx);
    playbookRoutes(app, ctx);
    taskRoutes(app, ctx);
    slipRoutes(app, ctx);
    projectRoutes(app, ctx);
    lifecycleRoutes(app, ctx);
    timelineRoutes(app, ctx);
    forecastRoutes(app, ctx);
    portalLinkRoutes(app, ctx);
    portalRoutes(app, ctx);
    capacityRoutes(app, ctx);
    partnerFigureRoutes(app, ctx);
  },
  jobs: [
    defineJob({
      type: 'delivery.usage-milestones',
      version: 1,
      description:
        'Completes the milestones an account reached by product usage, queued by ingest within seconds of the event (first-use watches), and re-forecasts',
      input: z.object({ accountId: z.string().min(1) }),
      maxAttempts: 5,
      load: async () => (await import('./projects/usage-milestones.job.ts')).usageMilestonesJob,
    }),
    defineJob({
      type: 'delivery.refresh',
      version: 1,
      description:
        'Completes milestones reached by product usage, re-forecasts every planned project and re-checks the delivery signals that depend on the date',
      input: z.object({}),
      maxAttempts: 3,
      everyMs: 6 * HOUR,
      load: async () => (await import('./projects/refresh.job.ts')).refreshDelivery,
    }),
  ],
  importers: [resourceImporter, timeImporter],
  references: {
    playbook: { label: 'playbook', ids: workspacePlaybookIds },
    project: { label: 'project', ids: visibleProjectIds },
    task: { label: 'project task', ids: visibleTaskIds },
    resource: { label: 'person', ids: visibleResourceIds },
  },
  auditNames: { project: projectNamesOf, playbook: playbookNamesOf, delivery_resource: resourceNamesOf },
  settings: [DELIVERY_ROLES_SETTING, CAPACITY_SETTINGS, PORTAL_KEY, deliverySignalsSetting],
  signalRules: [deliverySignalRules],
  subscriptions: { 'handoffs.accepted': startProjectOfAcceptedHandoff },
  onWorkspaceCreated: async (db, actor, workspaceId) => {
    await installBuiltInPlaybooks(db, actor, workspaceId);
  },
  nav: { path: '/delivery', label: 'Delivery' },
});

declare module '../../platform/db/schema.ts' {
  interface Database {
    playbooks: PlaybookTable;
    playbook_versions: PlaybookVersionTable;
    delivery_resources: DeliveryResourceTable;
    resource_time_off: ResourceTimeOffTable;
    workspace_holidays: WorkspaceHolidayTable;
    projects: ProjectTable;
    project_milestones: ProjectMilestoneTable;
    project_tasks: ProjectTaskTable;
    project_events: ProjectEventTable;
    project_slips: ProjectSlipTable;
    project_rework: ProjectReworkTable;
    time_entries: TimeEntryTable;
    portal_links: PortalLinkTable;
  }
}

declare module '../../platform/http/references.ts' {
  interface ReferenceKinds {
    playbook: 'playbook';
    project: 'project';
    task: 'project task';
    resource: 'person';
  }
}

declare module '../../platform/jobs/job-types.ts' {
  interface JobInputs {
    'delivery.usage-milestones': { accountId: string };
    'delivery.refresh': Record<string, never>;
  }
}
