/** The usage module's public face: what later modules, the demo and the command line use of it, nothing else. */
export { firstUseDays } from './adoption/first-use.service.ts';
