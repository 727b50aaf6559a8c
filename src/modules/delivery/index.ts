/** The delivery module's public face: what later modules, the demo and the command line use of it, nothing else. */
export { type FirstUseQuery, type FirstUseSource, setFirstUseSource } from './projects/first-use-source.service.ts';
export type { MilestoneUsage } from './projects/project.events.ts';
