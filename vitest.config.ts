import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    globalSetup: ['tests/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 240_000,
    // Browser and build tests share one built site (see tests/global-setup.ts); keep files in one
    // process pool of two so the 2-core machines are not oversubscribed.
    maxWorkers: 2,
  },
});
