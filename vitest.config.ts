import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    globalSetup: ['tests/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 240_000,
    // Test files run one after another: several build an Astro site, and Astro builds started
    // from the same project at once overwrite each other's prerender chunks. The browser tests
    // share one built site (tests/global-setup.ts).
    fileParallelism: false,
  },
});
