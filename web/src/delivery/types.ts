/** API shapes of delivery. Projects come from the server's own view types; capacity and portal links as the API answers them. */
export type {
  ProjectDetail,
  ProjectEvent,
  ProjectListItem,
  ProjectMilestone,
  ProjectRework,
  ProjectSlip,
  ProjectSummary,
  ProjectTask,
} from '../../../src/modules/delivery/projects/project.views.ts';

export interface Resource {
  id: string;
  name: string;
  role: string;
  partnerId: string | null;
  active: boolean;
}

export interface PlaybookSummary {
  id: string;
  key: string;
  name: string;
  archived: boolean;
}

export type { CapacityStatus } from '../../../src/modules/delivery/forecast/capacity-plan.ts';
export type {
  CapacityPlanWeek as CapacityFigures,
  CapacityPlanRow as CapacityCell,
} from '../../../src/modules/delivery/forecast/capacity-plan.ts';
export type {
  CapacityView as CapacityPlan,
  PipelineLine as PipelineDemand,
  QueuedProject,
} from '../../../src/modules/delivery/capacity/capacity.ts';
export type { StaleDealTreatment } from '../../../src/modules/delivery/capacity/capacity.ts';
export type { PortalLink } from '../../../src/modules/delivery/portal/portal.ts';
