/** The relationship module's public face: what later modules, the demo and the command line use of it, nothing else. */
export type { RelationshipSurveyRecorded, RelationshipTouched } from './relationship.events.ts';
export {
  csatOf,
  type CsatSummary,
  npsClass,
  npsOf,
  type NpsSummary,
  type SentimentFigures,
  sentimentOf,
  type SurveyKind,
} from './sentiment.ts';
export { sentimentReport, type SentimentReport } from './sentiment.service.ts';
export { accountStakeholders, type Stakeholder, type StakeholdersView } from './stakeholders.service.ts';
export { applySurveyBatch, listSurveys } from './survey.service.ts';
export type { SurveyRecord, SurveyResponse } from './survey.ts';
export { applyTouchBatch, listTouches } from './touch.service.ts';
export type { Touch, TouchKind, TouchRecord } from './touch.ts';
export { relationshipTimelineOf } from './relationship-timeline.service.ts';
