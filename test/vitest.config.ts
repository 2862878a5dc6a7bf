import { defineConfig } from 'vitest/config';

// better-sqlite3 13 needs Node 22 (on Node 20 it crashes the worker). npm scripts run the
// project's pinned Node; say so plainly when the tests are started some other way.
if (Number(process.versions.node.split('.')[0]) < 22) {
  throw new Error(`Tests need Node 22 or newer (this is ${process.version}). Run them with "npm test".`);
}

export default defineConfig({
  root: new URL('..', import.meta.url).pathname,
  test: {
    include: ['test/**/*.test.ts'],
    environment: 'node',
    pool: 'forks',
    testTimeout: 30_000,
    hookTimeout: 60_000,
    fileParallelism: true,
  },
});
