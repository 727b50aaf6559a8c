import fs from 'node:fs';
import path from 'node:path';
import { defineConfig } from 'vitest/config';

/**
 * The suite on PostgreSQL (`BATON_TEST_DATABASE_URL` set) runs the test files that touch a database: those that
 * open one through the test helpers. Pure rules need not run twice, so files that import none are left to the
 * SQLite run.
 */
const onPostgres = Boolean(process.env.BATON_TEST_DATABASE_URL);
const DATABASE_HELPERS = /helpers\/(test-db|test-app|cli|baton-server)\.ts['"]/;

function testFilesWithoutDatabase(): string[] {
  const out: string[] = [];
  for (const root of ['src', 'test']) {
    for (const file of fs.readdirSync(root, { recursive: true }) as string[]) {
      const rel = path.join(root, file);
      if (!rel.endsWith('.test.ts') || rel.startsWith(path.join('test', 'browser'))) continue;
      if (!DATABASE_HELPERS.test(fs.readFileSync(rel, 'utf8'))) out.push(rel.split(path.sep).join('/'));
    }
  }
  return out;
}

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
          exclude: ['test/browser/**', 'node_modules/**', ...(onPostgres ? testFilesWithoutDatabase() : [])],
          setupFiles: ['test/setup-modules.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
          pool: 'forks',
          // Test files share a worker's loaded modules instead of loading the whole app afresh each (the suite
          // takes half the time). Each test makes its own workspace and data, and the suite passes shuffled.
          isolate: false,
        },
      },
      {
        test: {
          name: 'browser',
          include: ['test/browser/**/*.test.ts'],
          setupFiles: ['test/setup-modules.ts'],
          testTimeout: 120_000,
          hookTimeout: 180_000,
          pool: 'forks',
          fileParallelism: false,
        },
      },
    ],
  },
});
