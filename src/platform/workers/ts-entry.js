// The entry of Baton's worker threads: loads the TypeScript module named in workerData through the same loader
// as the command line (bin/baton.js), then that module takes the thread's messages.
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
await import(workerData.module);
