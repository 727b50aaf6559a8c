/** The plays module's public face: what later modules, the demo and the command line use of it, nothing else. */
export { readMyWork } from './my-work.service.ts';
export { type MyWork, type WorkItem, type WorkKind, WORK_KINDS } from './my-work.ts';
