import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { createConsultationServer } from '../../consultation/server.ts';
import { minimumSecretLength, secretVariable } from '../../consultation/secret.ts';
import { openStore, type CommentStore } from '../../consultation/store.ts';
import { windowText } from '../../consultation/window-text.ts';
import { loadDrafts } from '../../consultation/windows.ts';
import type { CommandOptions } from '../parse-args.ts';
import type { Output } from '../output.ts';

/**
 * `srida consult serve`: load the drafts and their windows, open the store, listen, and run
 * until SIGINT or SIGTERM (then stop taking connections, finish the requests under way, close
 * the database). Exit 2 on a usage error, 1 when the database or the address cannot be opened.
 */
export async function runConsultServe(options: CommandOptions, output: Output): Promise<number> {
  const usage = (reason: string) => {
    output.error(`srida consult serve: ${reason}\n  see: srida consult --help`);
    return 2;
  };
  const { consult } = options;
  if (options.positionals.length > 0)
    return usage(`unexpected argument \`${options.positionals[0]}\``);
  if (!consult.db) return usage('`--db FILE` is required: the SQLite file that keeps the comments');
  const port = consult.port === undefined ? 8787 : Number(consult.port);
  if (!Number.isInteger(port) || port < 0 || port > 65_535)
    return usage(`\`--port ${consult.port}\` is not a port number (0 to 65535)`);
  const rate = consult.rateLimit === undefined ? 120 : Number(consult.rateLimit);
  if (!Number.isInteger(rate) || rate < 0)
    return usage(`\`--rate-limit ${consult.rateLimit}\` is not a whole number of comments an hour`);
  const secret = process.env[secretVariable] || undefined;
  if (secret !== undefined && [...secret].length < minimumSecretLength)
    return usage(
      `\`${secretVariable}\` is shorter than ${minimumSecretLength} characters; choose a longer one (e.g. \`openssl rand -base64 24\`)`,
    );
  const { drafts, errors, notes } = await loadDrafts(options.root, {
    draft: consult.draft,
    opens: consult.opens,
    closes: consult.closes,
  });
  if (errors.length > 0) return usage(errors.join('\n  '));
  let store: CommentStore;
  try {
    store = openStore(consult.db);
  } catch (error) {
    output.error(
      `srida consult serve: cannot open the database \`${consult.db}\`: ${(error as Error).message}`,
    );
    return 1;
  }
  const server = createConsultationServer({
    drafts,
    store,
    secret,
    trustProxy: consult.trustProxy,
    rateLimit: { capacity: Math.min(20, rate), perHour: rate },
    log: (line) => output.error(line),
  });
  const host = consult.host ?? '127.0.0.1';
  try {
    server.listen(port, host);
    await once(server, 'listening');
  } catch (error) {
    store.close();
    output.error(
      `srida consult serve: cannot listen on ${host}:${port}: ${(error as Error).message}`,
    );
    return 1;
  }
  const address = server.address() as AddressInfo;
  const shown = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  const now = Date.now();
  if (!options.quiet) {
    for (const note of notes) output.info(`srida consult serve: ${note}`);
    for (const { window } of drafts)
      output.info(
        `srida consult serve: ${window.document} ${window.version}: ${windowText(window, now)}`,
      );
    if (drafts.length === 0)
      output.info('srida consult serve: no draft is served (see the notes above).');
    if (!['127.0.0.1', '::1', 'localhost'].includes(host))
      output.info(
        `srida consult serve: listening on ${host}, not on the loopback address: put a reverse proxy with TLS in front (see srida consult --help).`,
      );
    output.info(
      `srida consult serve: moderation ${secret ? 'on at /moderate' : `off (set ${secretVariable} to turn it on)`}; ${store.count()} comments stored in ${consult.db}`,
    );
  }
  // The one line a supervisor (or a test) waits for.
  output.info(`srida consult serve: listening on http://${shown}:${address.port}/`);
  const signal = await new Promise<string>((resolve) => {
    const stop = (name: string) => () => resolve(name);
    process.once('SIGINT', stop('SIGINT'));
    process.once('SIGTERM', stop('SIGTERM'));
  });
  output.info(`srida consult serve: ${signal}: stopping (finishing the requests under way)`);
  server.close();
  server.closeIdleConnections();
  const forced = setTimeout(() => server.closeAllConnections(), 5_000);
  await once(server, 'close');
  clearTimeout(forced);
  store.close();
  return 0;
}
