/** The insights module's public face: what the demo and the command line use of it, nothing else. */
export { readAccountTimeline, readableGroups, type TimelineQuery } from './account-timeline.service.ts';
export { pageOf, type TimelineCursor, type TimelinePage, timelineGroupsOf } from './account-timeline.ts';
