/**
 * Benchmark of the consultation (docs/consultation.md has the figures):
 * 1. `srida consult serve` on 127.0.0.1 (its own process), 50 concurrent clients sending 5,000
 *    comments (each client also sends every 20th form twice, as a double click would): the
 *    throughput, p50 and p99 latency, and that exactly 5,000 rows are stored (none lost, none
 *    doubled);
 * 2. the same, with the server killed (SIGKILL) after half of the comments and started again on
 *    the same port and database: clients send each unanswered form again with its token, as a
 *    respondent would; every acknowledged comment must be there, and still no row twice;
 * 3. `srida consult import` of the 5,000 exported comments, and the consultation check of the
 *    resulting record (every comment answered, a fifth with `changed` anchors), against the
 *    time of `srida check` (the assembly) of the shipped content.
 *
 * Run: `npx node scripts/bench-consultation.ts [--comments N] [--clients N]`.
 */
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { assembleProject } from '../src/assemble/assemble-project.ts';
import { projectStages } from '../src/stages.ts';
import { checkConsultation } from '../src/consultation/check-consultation.ts';
import { importComments } from '../src/consultation/import/import-comments.ts';
import { openStore } from '../src/consultation/store.ts';
import {
  exited,
  makeConsultationRoot,
  removeTemporary,
  spawnServer,
  tempFolder,
} from '../tests/consultation/helpers.ts';

const { values } = parseArgs({
  options: {
    comments: { type: 'string', default: '5000' },
    clients: { type: 'string', default: '50' },
  },
});
const total = Number(values.comments);
const clients = Number(values.clients);
const secret = randomBytes(18).toString('base64url');
const blocks = Array.from({ length: 500 }, (_, i) => ({
  anchor: `p-b${i.toString(36).padStart(4, '0')}`,
  ref: `${1 + Math.floor(i / 50)}.${1 + (Math.floor(i / 10) % 5)} ¶${1 + (i % 10)}`,
  chapterId: `ch${1 + Math.floor(i / 50)}`,
  kind: 'paragraph',
  text: `Paragraph ${i} of the benchmark draft.`,
}));

/** A free port on 127.0.0.1 (so that a restarted server can take the same one). */
async function freePort(): Promise<number> {
  const server = createServer().listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

function form(n: number, token: string): string {
  return new URLSearchParams({
    token,
    document: 'bench',
    version: '0.9.0',
    paragraph: blocks[n % blocks.length]!.anchor,
    type: ['general', 'technical', 'editorial'][n % 3]!,
    comment: `Comment ${n}: ${'the draft should say more about federated storage. '.repeat(1 + (n % 6))}`,
    proposed: n % 4 === 0 ? `Proposed wording for comment ${n}.` : '',
    name: `Respondent ${n % 300}`,
    organisation: `Organisation ${n % 40}`,
    email: `r${n}@example.org`,
    consent: n % 2 === 0 ? 'yes' : '',
    website: '',
  }).toString();
}

interface Outcome {
  latencies: number[];
  /** Token → the comment id of its receipt. */
  acknowledged: Map<string, string>;
  retries: number;
  seconds: number;
}

/**
 * Send `total` comments from `clients` concurrent clients to the server at `url()`. A form not
 * answered (the server is down) is sent again with the same token until it is.
 */
async function send(
  url: () => string,
  onProgress?: (acknowledged: number) => void,
): Promise<Outcome> {
  const outcome: Outcome = { latencies: [], acknowledged: new Map(), retries: 0, seconds: 0 };
  let next = 0;
  const started = performance.now();
  const post = async (body: string) => {
    const t = performance.now();
    const response = await fetch(`${url()}/comment`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body,
    });
    await response.arrayBuffer();
    if (response.status !== 303) throw new Error(`status ${response.status}`);
    outcome.latencies.push(performance.now() - t);
    return response.headers.get('location')!.slice('/received/'.length);
  };
  await Promise.all(
    Array.from({ length: clients }, async () => {
      for (let n = next++; n < total; n = next++) {
        const token = randomBytes(16).toString('base64url');
        const body = form(n, token);
        for (;;) {
          try {
            const id = await post(body);
            if (n % 20 === 0) {
              // The double click: the same form again must give the same receipt.
              const again = await post(body);
              if (again !== id)
                throw new Error(`a second POST of form ${n} was stored as ${again}`);
            }
            outcome.acknowledged.set(token, id);
            onProgress?.(outcome.acknowledged.size);
            break;
          } catch {
            outcome.retries++;
            await new Promise((resolve) => setTimeout(resolve, 100));
          }
        }
      }
    }),
  );
  outcome.seconds = (performance.now() - started) / 1000;
  return outcome;
}

const ticksPerSecond =
  Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;

/** CPU time (user + system, ms) a process has used so far, from /proc (Linux). */
async function cpuMs(pid: number): Promise<number> {
  const stat = await readFile(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return ((Number(fields[11]) + Number(fields[12])) / ticksPerSecond) * 1000;
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

/** What the database holds: rows, distinct tokens, and whether every acknowledged id is there. */
function verify(db: string, outcome: Outcome): { rows: number; missing: number; doubled: number } {
  const store = openStore(db);
  const rows = store.list();
  store.close();
  const byToken = new Map(rows.map((row) => [row.token, row.id]));
  let missing = 0;
  for (const [token, id] of outcome.acknowledged) if (byToken.get(token) !== id) missing++;
  return { rows: rows.length, missing, doubled: rows.length - byToken.size };
}

function describe(name: string, outcome: Outcome, check: ReturnType<typeof verify>): string {
  const requests = outcome.latencies.length;
  return [
    `${name}: ${total} comments from ${clients} clients in ${outcome.seconds.toFixed(2)} s`,
    `  throughput ${(total / outcome.seconds).toFixed(0)} comments/s (${(requests / outcome.seconds).toFixed(0)} requests/s, ${requests} POSTs incl. double submissions)`,
    `  latency p50 ${percentile(outcome.latencies, 50).toFixed(1)} ms, p99 ${percentile(outcome.latencies, 99).toFixed(1)} ms`,
    `  stored ${check.rows} rows; acknowledged but missing: ${check.missing}; doubled: ${check.doubled}; retried sends: ${outcome.retries}`,
  ].join('\n');
}

const root = await makeConsultationRoot([
  { document: 'bench', version: '0.9.0', opens: '2025-10', closes: '2099-12-31', blocks },
]);
const folder = await tempFolder('srida-bench-consult-');
const serveArgs = (db: string, port: number) => [
  '--root',
  root,
  '--db',
  db,
  '--port',
  String(port),
  '--rate-limit',
  '0',
  '--quiet',
];
const env = { SRIDA_CONSULT_SECRET: secret };

try {
  // 1. Plain run.
  const db1 = path.join(folder, 'plain.sqlite');
  const server1 = await spawnServer(serveArgs(db1, 0), env, 120_000);
  const cpuBefore = await cpuMs(server1.child.pid!);
  const plain = await send(() => server1.url);
  const serverCpu = (await cpuMs(server1.child.pid!)) - cpuBefore;
  const exported = await (
    await fetch(`${server1.url}/export.json`, { headers: { authorization: `Bearer ${secret}` } })
  ).text();
  server1.child.kill('SIGTERM');
  await exited(server1.child);
  console.log(describe('plain', plain, verify(db1, plain)));
  console.log(
    `  server CPU: ${(serverCpu / 1000).toFixed(1)} s for ${plain.latencies.length} POSTs, ${(serverCpu / plain.latencies.length).toFixed(2)} ms each (${(plain.latencies.length / (serverCpu / 1000)).toFixed(0)} requests per CPU-second)`,
  );

  // 2. SIGKILL in the middle, restart on the same port and database.
  const db2 = path.join(folder, 'killed.sqlite');
  const port = await freePort();
  let current = await spawnServer(serveArgs(db2, port), env, 120_000);
  let killedAt = 0;
  let restartSeconds = 0;
  let restart: Promise<void> | undefined;
  const killed = await send(
    () => current.url,
    (acknowledged) => {
      if (restart || acknowledged < total / 2) return;
      killedAt = acknowledged;
      current.child.kill('SIGKILL');
      const killed = performance.now();
      restart = exited(current.child).then(async () => {
        current = await spawnServer(serveArgs(db2, port), env, 120_000);
        restartSeconds = (performance.now() - killed) / 1000;
      });
    },
  );
  await restart;
  current.child.kill('SIGTERM');
  await exited(current.child);
  console.log(
    describe(
      `killed after ${killedAt} acknowledgements, listening again ${restartSeconds.toFixed(1)} s later`,
      killed,
      verify(db2, killed),
    ),
  );

  // 3. Import and check of the exported comments.
  const input = path.join(folder, 'export.json');
  await writeFile(input, exported);
  let started = performance.now();
  const imported = await importComments({ root, document: 'bench', version: '0.9.0', input });
  const importMs = performance.now() - started;
  started = performance.now();
  const again = await importComments({ root, document: 'bench', version: '0.9.0', input });
  const reimportMs = performance.now() - started;
  const recordFile = path.join(root, imported.record);
  let n = 0;
  const answered = (await readFile(recordFile, 'utf8')).replace(
    / {4}disposition:\n {4}response:\n {4}changed: \[\]\n/g,
    () => {
      n++;
      return `    disposition: ${n % 5 === 0 ? 'accepted' : 'noted'}\n    response: Thank you.\n    changed: [${n % 5 === 0 ? `p-w${n % 400}` : ''}]\n`;
    },
  );
  await writeFile(recordFile, answered);
  const working = new Set(Array.from({ length: 400 }, (_, i) => `p-w${i}`));
  const checkTimes: number[] = [];
  let messages = 0;
  for (let i = 0; i < 5; i++) {
    started = performance.now();
    const files = await checkConsultation(root, { workingAnchors: () => working });
    checkTimes.push(performance.now() - started);
    messages = files.reduce((sum, file) => sum + file.messages.length, 0);
  }
  const checkMs = percentile(checkTimes, 50);
  const assemblyTimes: number[] = [];
  for (let i = 0; i < 3; i++) {
    started = performance.now();
    await assembleProject(path.resolve(import.meta.dirname, '..'), { extensions: projectStages() });
    assemblyTimes.push(performance.now() - started);
  }
  const assemblyMs = percentile(assemblyTimes, 50);
  console.log(
    [
      `import: ${imported.added.length} comments in ${importMs.toFixed(0)} ms (${(await readFile(recordFile)).length} bytes of YAML); again: ${again.added.length} new in ${reimportMs.toFixed(0)} ms`,
      `check of the record: ${checkMs.toFixed(0)} ms (median of 5; ${messages} messages), against ${assemblyMs.toFixed(0)} ms for \`srida check\`'s assembly of the shipped content (median of 3, warm): +${((checkMs / assemblyMs) * 100).toFixed(0)}%`,
    ].join('\n'),
  );
} finally {
  await removeTemporary();
}
