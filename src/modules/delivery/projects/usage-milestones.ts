/** The job ingest queues when an account first does a milestone's completion event (declared in jobs/registry.ts). */
export const USAGE_MILESTONES_JOB = 'delivery.usage-milestones';
