#!/usr/bin/env node
// Entry point of `npx srida`. Node 24 runs the TypeScript sources directly (type stripping).
const [major] = process.versions.node.split('.').map(Number);
if (major < 22) {
  console.error(
    `srida needs Node 22.12 or newer (this is ${process.version}). Run it through \`npx srida\` or \`npm run\`, which use the project's Node 24.`,
  );
  process.exit(1);
}
const { main } = await import('../src/cli/main.ts');
process.env.ASTRO_TELEMETRY_DISABLED ??= '1'; // the CLI never sends usage data
process.exitCode = await main(process.argv.slice(2));
