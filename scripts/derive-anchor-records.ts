/**
 * Anchor records for releases published before anchors existed (docs/anchors.md). For each
 * document, oldest release first: export the release's source commit (`git archive`), assemble
 * it with the anchor state carried over from the release before, and write
 * `releases/<document>/<version>/anchors.json` if it is not there (a released file is never
 * changed). Then the working text's state `anchors/<document>.jsonl` continues from the newest
 * release, so an anchor published in 0.9.0 keeps naming the same paragraph today.
 *
 *   npx node scripts/derive-anchor-records.ts [--root DIR]
 */
import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { anchorsOf } from '../src/anchors/anchors-data.ts';
import { anchorRecordName, anchorRecordText } from '../src/anchors/record.ts';
import { stateFilePath } from '../src/anchors/state-file.ts';
import { assembleProject } from '../src/assemble/assemble-project.ts';
import { contextOf } from '../src/release/context.ts';
import { readManifests } from '../src/release/manifest.ts';
import { projectStages } from '../src/stages.ts';

const rootArg = process.argv.indexOf('--root');
const root = path.resolve(rootArg > 0 ? process.argv[rootArg + 1]! : '.');
const exists = (file: string) =>
  stat(file).then(
    () => true,
    () => false,
  );
const { manifests } = await readManifests(root);
const work = await mkdtemp(path.join(tmpdir(), 'srida-derive-anchors-'));
try {
  for (const { documentId, manifest } of manifests) {
    let state: string | undefined;
    for (const entry of manifest?.releases ?? []) {
      const snapshot = path.join(work, `${documentId}-${entry.version}`);
      await mkdir(snapshot, { recursive: true });
      const paths = execFileSync('git', ['-C', root, 'ls-tree', '--name-only', entry.source], {
        encoding: 'utf8',
      })
        .split('\n')
        .filter((name) =>
          ['chapters', 'bibliography', 'roadmap', 'glossary', 'styles'].includes(name),
        );
      const tar = execFileSync('git', ['-C', root, 'archive', entry.source, ...paths], {
        maxBuffer: 1 << 30,
      });
      execFileSync('tar', ['-x', '-C', snapshot], { input: tar });
      if (state !== undefined) {
        await mkdir(path.join(snapshot, 'anchors'), { recursive: true });
        await writeFile(path.join(snapshot, stateFilePath(documentId)), state);
      }
      const project = await assembleProject(snapshot, {
        extensions: projectStages({ release: contextOf(documentId, entry), writeAnchors: true }),
      });
      const document = project.documents.find((d) => d.id === documentId);
      if (!document) throw new Error(`\`${entry.source}\` has no document \`${documentId}\``);
      state = await readFile(path.join(snapshot, stateFilePath(documentId)), 'utf8');
      const record = path.join(root, 'releases', documentId, entry.version, anchorRecordName);
      if (await exists(record)) {
        console.log(`${documentId} ${entry.version}: ${anchorRecordName} already there, kept`);
        continue;
      }
      const blocks = anchorsOf(document)?.blocks ?? [];
      await writeFile(record, anchorRecordText(documentId, entry.version, blocks));
      console.log(
        `${documentId} ${entry.version}: ${blocks.length} blocks from ${entry.source.slice(0, 12)}`,
      );
    }
    const target = path.join(root, stateFilePath(documentId));
    if (state !== undefined && !(await exists(target))) {
      await mkdir(path.dirname(target), { recursive: true });
      await writeFile(target, state);
      console.log(`${documentId}: ${stateFilePath(documentId)} continues from the newest release`);
    }
  }
} finally {
  await rm(work, { recursive: true, force: true });
}
