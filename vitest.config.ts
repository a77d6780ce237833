import { defineConfig } from 'vitest/config';

/**
 * Test files that only call functions (no site build, no browser, no server, no CLI process):
 * they run in parallel. Every other file runs in the `serial` project, one file at a time and
 * after these: several build an Astro site or print PDFs, and two at once on a small machine only
 * slow each other down. A new test file is serial until it is listed here.
 */
const unit = [
  'tests/architecture/**/*.test.ts',
  'tests/docs/**/*.test.ts',
  'tests/pipeline/**/*.test.ts',
  'tests/roadmap/**/*.test.ts',
  'tests/schemas.test.ts',
  'tests/citations/{bibliography,citation-js-errors,cite-this,document,format,nocite,syntax,xml-check}.test.ts',
  'tests/glossary/glossary.test.ts',
  'tests/consultation/{check,import,refusal,report-data}.test.ts',
  'tests/release/{edition,manifest}.test.ts',
];

export default defineConfig({
  test: {
    testTimeout: 60_000,
    hookTimeout: 240_000,
    projects: [
      {
        extends: true,
        test: { name: 'unit', include: unit, sequence: { groupOrder: 0 } },
      },
      {
        extends: true,
        test: {
          name: 'serial',
          include: ['tests/**/*.test.ts'],
          exclude: unit,
          // The browser tests share one built site of the shipped content.
          globalSetup: ['tests/global-setup.ts'],
          fileParallelism: false,
          sequence: { groupOrder: 1 },
        },
      },
    ],
  },
});
