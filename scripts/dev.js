#!/usr/bin/env node
// `npm run dev`: the server restarting on every change (tsx watch) and the web app with hot reload (Vite
// on :5173, proxying the API to the server on :3000). Open http://127.0.0.1:5173.
import { spawn } from 'node:child_process';

const procs = [
  spawn('npx', ['tsx', 'watch', '--clear-screen=false', 'src/cli/main.ts', 'serve'], { stdio: 'inherit' }),
  spawn('npx', ['vite', '--config', 'web/vite.config.ts'], { stdio: 'inherit' }),
];
const stop = () => {
  for (const p of procs) p.kill('SIGTERM');
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
for (const p of procs) p.on('exit', (code) => code && code !== 0 && stop());
