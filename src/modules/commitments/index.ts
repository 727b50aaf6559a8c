/** The commitments module's public face: what later modules, the demo and the command line use of it, nothing else. */
export type { CommitmentStatus } from './commitment.ts';
export { type BulkCommitment, recordCommitmentsInBulk } from './commitment-bulk.service.ts';
export { commitmentTimelineOf } from './commitment-timeline.service.ts';
