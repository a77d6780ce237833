import { assembleProject } from '../src/assemble/assemble-project.ts';
import { createCitationsExtension } from '../src/citations/index.ts';
const started = performance.now();
await assembleProject(process.argv[2]!, { extensions: [createCitationsExtension()] });
console.log(JSON.stringify({ coldMs: performance.now() - started }));
