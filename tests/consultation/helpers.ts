import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  createConsultationServer,
  type ConsultationServerOptions,
} from '../../src/consultation/server.ts';
import { openStore, type CommentStore } from '../../src/consultation/store.ts';
import { loadDrafts } from '../../src/consultation/windows.ts';

export const toolRoot = path.resolve(import.meta.dirname, '../..');

/** The blocks of the fixture draft's anchor record (with characters that must be escaped). */
export const fixtureBlocks = [
  {
    anchor: 'p-3fk2a',
    ref: '1 ¶1',
    chapterId: 'intro',
    kind: 'paragraph',
    text: 'Science needs a data continuum.',
  },
  {
    anchor: 'p-8qw1z',
    ref: '1.1 ¶2',
    chapterId: 'intro',
    kind: 'paragraph',
    text: 'Federate <b>storage</b> & "compute".',
    line: 30,
  },
  {
    anchor: 'li-2mm9c',
    ref: '2.3 ¶1',
    chapterId: 'data',
    kind: 'listItem',
    text: 'Exabyte-scale archives.',
  },
  {
    anchor: 'fig-data',
    ref: 'Figure 2.1',
    chapterId: 'data',
    kind: 'figure',
    text: 'Data volumes by year.',
  },
];

/** A draft of the fixture project: its window and what follows it. */
export interface DraftFixture {
  document: string;
  version: string;
  opens: string;
  closes?: string;
  /** A later release of the document (closes an open-ended window on its date). */
  later?: { version: string; date: string };
  /** Default: {@link fixtureBlocks}; `null`: no anchor record. */
  blocks?: object[] | null;
}

const temporary: string[] = [];

/** A temporary folder, removed by {@link removeTemporary}. */
export async function tempFolder(prefix = 'srida-consult-'): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), prefix));
  temporary.push(dir);
  return dir;
}

export async function removeTemporary(): Promise<void> {
  await Promise.all(temporary.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
}

const hex = (char: string, n: number) => char.repeat(n);

function releaseEntry(
  document: string,
  version: string,
  stage: 'draft' | 'final',
  date: string,
  consultation?: string,
) {
  return `  - version: ${version}
    stage: ${stage}
    date: ${date}
    tag: ${document}-v${version}
    source: ${hex('a', 40)}
${consultation ?? ''}    printer: { tool: srida test, chromium: none }
    pdf: { file: spectrum-${document}-v${version}-${stage}.pdf, sha256: ${hex('b', 64)}, bytes: 10, pages: 1 }
`;
}

/** Write files under a root (paths relative to it). */
export async function writeTree(root: string, files: Record<string, string>): Promise<void> {
  for (const [name, content] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(root, name)), { recursive: true });
    await writeFile(path.join(root, name), content);
  }
}

/**
 * A project root with release manifests (only what the consultation reads: the entries need
 * not be verifiable) and anchor records. Default: `alpha` 0.9.0, open from October 2025 to the
 * end of 2099.
 */
export async function makeConsultationRoot(
  drafts: DraftFixture[] = [
    { document: 'alpha', version: '0.9.0', opens: '2025-10', closes: '2099-12-31' },
  ],
): Promise<string> {
  const root = await tempFolder();
  const byDocument = new Map<string, DraftFixture[]>();
  for (const draft of drafts)
    byDocument.set(draft.document, [...(byDocument.get(draft.document) ?? []), draft]);
  for (const [document, list] of byDocument) {
    let entries = '';
    for (const draft of list) {
      const consultation = `    consultation:\n      opens: ${draft.opens}\n${draft.closes ? `      closes: ${draft.closes}\n` : ''}      respond: Use the form.\n`;
      entries += releaseEntry(document, draft.version, 'draft', draft.opens, consultation);
      if (draft.later)
        entries += releaseEntry(document, draft.later.version, 'final', draft.later.date);
      if (draft.blocks !== null)
        await writeTree(root, {
          [`releases/${document}/${draft.version}/anchors.json`]: JSON.stringify({
            document,
            version: draft.version,
            blocks: draft.blocks ?? fixtureBlocks,
          }),
        });
    }
    await writeTree(root, {
      [`releases/${document}/releases.yaml`]: `document: ${document}\nreleases:\n${entries}`,
      [`chapters/${document}/document.yaml`]: `title: The ${document[0]!.toUpperCase()}${document.slice(1)} Agenda\n`,
    });
  }
  return root;
}

/** A running in-process server on 127.0.0.1 and a free port. */
export interface RunningServer {
  url: string;
  server: Server;
  store: CommentStore;
  close(): Promise<void>;
}

/** Start the server of a fixture root (in this process), with options for the server. */
export async function startServer(
  root: string,
  options: Partial<ConsultationServerOptions> & { db?: string } = {},
): Promise<RunningServer> {
  const { drafts, errors } = await loadDrafts(root);
  if (errors.length > 0) throw new Error(errors.join('\n'));
  const store = openStore(
    options.db ?? path.join(await tempFolder('srida-consult-db-'), 'comments.sqlite'),
  );
  const server = createConsultationServer({ drafts, store, ...options });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    server,
    store,
    async close() {
      server.closeAllConnections();
      server.close();
      store.close();
    },
  };
}

/** POST a form (fields URL-encoded as a browser does). */
export function postForm(
  url: string,
  fields: Record<string, string>,
  headers: Record<string, string> = {},
): Promise<Response> {
  return fetch(url, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
    body: new URLSearchParams(fields).toString(),
  });
}

/** A valid submission for the fixture draft; override fields as needed. */
export function validFields(overrides: Record<string, string> = {}): Record<string, string> {
  return {
    token: `t${Math.random().toString(36).slice(2)}${Math.random().toString(36).slice(2)}`
      .slice(0, 24)
      .padEnd(20, 'x'),
    document: 'alpha',
    version: '0.9.0',
    paragraph: '1.1 ¶2',
    type: 'technical',
    comment: 'Say which storage systems are meant.',
    proposed: 'Name dCache and EOS.',
    name: 'Ada Example',
    organisation: 'Example Lab',
    email: 'ada@example.org',
    consent: 'yes',
    website: '',
    ...overrides,
  };
}

/** Start `srida consult serve` as its own process; resolves with its address once it listens. */
export async function spawnServer(
  args: string[],
  env: Record<string, string> = {},
  timeout = 30_000,
): Promise<{ child: ChildProcess; url: string; output: () => string }> {
  const clean = Object.fromEntries(
    Object.entries(process.env).filter(([key]) => !key.startsWith('VITEST') && key !== 'NODE_ENV'),
  );
  const child = spawn(
    process.execPath,
    [path.join(toolRoot, 'bin/srida.mjs'), 'consult', 'serve', ...args],
    {
      env: { ...clean, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let text = '';
  child.stdout!.on('data', (chunk) => (text += String(chunk)));
  child.stderr!.on('data', (chunk) => (text += String(chunk)));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`the server did not start:\n${text}`)),
      timeout,
    );
    const look = () => {
      const match = /listening on (http:\/\/\S+?)\/?$/m.exec(text);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    };
    child.stdout!.on('data', look);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the server exited (${code}):\n${text}`));
    });
  });
  return { child, url, output: () => text };
}

/** A response's HTML with every run of white space one space (the templates wrap their lines). */
export async function squashed(response: Response): Promise<string> {
  return (await response.text()).replace(/\s+/g, ' ');
}

/** Resolves once a child process has exited (at once if it already has). */
export function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once('exit', () => resolve()));
}
