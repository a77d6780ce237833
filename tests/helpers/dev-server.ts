import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';

/** A running `astro dev` on 127.0.0.1 for a content root. */
export interface DevServer {
  /** `http://127.0.0.1:<port>`. */
  base: string;
  /** What the server printed so far (for failure messages). */
  log(): string;
  /** Poll a path until `accept` returns true for its body; the body, or an error with the log. */
  waitFor(path: string, accept: (body: string) => boolean, timeoutMs?: number): Promise<string>;
  /** Stop the server and its children (npx → astro): the whole process group. */
  stop(): void;
}

/** A port nothing listens on (the OS picks it; the server is closed before Astro binds it). */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** Start `npx astro dev` (the README's `npm run dev`) for `root`, as an author runs it. */
export async function startDevServer(root: string): Promise<DevServer> {
  const port = await freePort();
  // A clean environment: Vitest's own variables (VITEST, NODE_ENV=test) change how Vite runs.
  const env = Object.fromEntries(
    Object.entries(process.env).filter(
      ([key]) => !key.startsWith('VITEST') && key !== 'NODE_ENV' && key !== 'TEST',
    ),
  );
  let log = '';
  const dev: ChildProcess = spawn(
    'npx',
    ['astro', 'dev', '--port', String(port), '--host', '127.0.0.1'],
    {
      env: { ...env, SRIDA_ROOT: root, ASTRO_TELEMETRY_DISABLED: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    },
  );
  dev.stdout!.on('data', (chunk) => (log += chunk));
  dev.stderr!.on('data', (chunk) => (log += chunk));
  dev.on('exit', (code) => (log += `\n[exited ${code}]`));
  const stop = () => {
    if (dev.pid && dev.exitCode === null) {
      try {
        process.kill(-dev.pid, 'SIGTERM');
      } catch {
        // already gone
      }
    }
  };
  process.on('exit', stop);
  const base = `http://127.0.0.1:${port}`;
  return {
    base,
    log: () => log,
    stop,
    async waitFor(path, accept, timeoutMs = 90_000) {
      const url = `${base}${path}`;
      const deadline = Date.now() + timeoutMs;
      let last = '';
      while (Date.now() < deadline) {
        last = await fetch(url).then(
          (r) => r.text(),
          () => '',
        );
        if (accept(last)) return last;
        await new Promise((resolve) => setTimeout(resolve, 250));
      }
      throw new Error(
        `timed out waiting for ${url}; last body starts: ${last.slice(0, 200)}\n${log.slice(-2000)}`,
      );
    },
  };
}
