/** The handoffs module's public face: what later modules, the demo and the command line use of it, nothing else. */
export { type BriefContent, type BriefField, EMPTY_BRIEF } from './handoff.ts';
export { setBriefProjectSource } from './brief-project.service.ts';
export { updateBriefContent, submitBrief } from './handoff-edit.service.ts';
export { acceptBrief, returnBrief } from './handoff-review.service.ts';
export {
  answerClarification,
  askClarification,
  type OpenClarification,
  openClarificationsFor,
} from './handoff-clarification.service.ts';
export { getBrief, listBriefs } from './handoff.service.ts';
export { briefIntegrationsOf } from './brief-integrations.service.ts';
export { type OwnerRole, recordPastOwnershipHandoffs } from './ownership.service.ts';
export { briefTimelineOf } from './handoff-timeline.service.ts';
