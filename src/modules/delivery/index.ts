/** The delivery module's public face: what later modules, the demo and the command line use of it, nothing else. */
export { exportPlaybookText, importPlaybookText } from './playbooks/playbook-import.service.ts';
export { typicalDurationDays } from './playbooks/playbook.rules.ts';
export { getPlaybookByKey, listPlaybooks, playbookNamesById, selectPlaybook } from './playbooks/playbook.service.ts';
export { recomputeForecasts } from './projects/forecast.service.ts';
export {
  forgetForecastHistory,
  plannedProjectRecords,
  projectRecord,
  projectRecords,
  recordPastSlip,
  setPastDates,
  taskRecords,
} from './projects/history.service.ts';
export { applyProgress, type ProgressSnapshot } from './projects/progress.service.ts';
export type { SlipReason } from './projects/project.ts';
export { accountIdsDeliveredBy } from './projects/project.refs.ts';
export { instantiateProject, projectIdOfHandoff } from './projects/project.service.ts';
export { refreshWorkspaceDelivery } from './projects/refresh.service.ts';
export { accountGoLive, goLivesBetween } from './projects/go-live.service.ts';
export { goLivesExpectedByHand } from './projects/expected-go-live.service.ts';
export { getProject, listProjects } from './projects/project-query.service.ts';
export type { ProjectListItem, ProjectSummary } from './projects/project.views.ts';
export { createResource } from './resources/resource.service.ts';
export { addTimeOff, setHolidays } from './resources/time-off.service.ts';
export { createTimeEntry } from './time/time-entry.service.ts';
export { type FirstUseQuery, type FirstUseSource, setFirstUseSource } from './projects/first-use-source.service.ts';
export type { MilestoneUsage, ProjectMoment } from './projects/project.events.ts';
export type { ProjectDatesChanged } from './projects/project-dates.events.ts';
export { type AssignedTask, openTasksAssignedTo } from './projects/assigned-tasks.service.ts';
export { projectTimelineOf } from './projects/project-timeline.service.ts';
export { type MilestoneAwaitingUsage, milestonesAwaitingUsage } from './projects/awaiting-usage.service.ts';
export { completeMilestonesByUsage } from './projects/milestone.service.ts';
