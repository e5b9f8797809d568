import { defineConfig } from 'vitest/config';

// One vitest configuration for every package: each package's results land in
// .vitest/results.json so that scripts/test-summary.mjs can add them up.
export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts', '*.test.ts'],
    reporters: ['default', ['json', { outputFile: '.vitest/results.json' }]],
    passWithNoTests: true,
    testTimeout: 30_000,
    hookTimeout: 30_000,
  },
});
