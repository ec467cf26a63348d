import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    reporters: ['default', './test/support/summary-reporter.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // The CLIs tests run keep their cache of read workbooks here, never in the user's ~/.cache/tdkt.
    env: { TDKT_CACHE_DIR: join(tmpdir(), 'tdkt-test-cache') },
  },
});
