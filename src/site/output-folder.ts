import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, realpathSync, statSync } from 'node:fs';
import path from 'node:path';

/** File written into every output folder that `srida build` creates; only such folders are replaced. */
export const buildMarker = '.srida-build';

/** The one output folder allowed inside the content root: the documented default `<root>/dist`. */
const defaultOutName = 'dist';

/** Why an output folder is refused (a sentence and a hint), or the folder's real path. */
export type OutputCheck = { ok: true; out: string } | { ok: false; reason: string; hint: string };

/**
 * Decide whether `out` may be (re)placed by a build of the content root `root`. Refused: a folder
 * that equals, contains or lies inside the content root or its git repository (real paths, so
 * symbolic links and `..` cannot hide an overlap), except `<root>/dist`; a file; an existing
 * non-empty folder without the {@link buildMarker} (the tool never deletes what it did not
 * create; not checked when `replaces` is false). Reads the file system, writes nothing.
 */
export function checkOutputFolder(
  root: string,
  out: string,
  options: { replaces: boolean } = { replaces: true },
): OutputCheck {
  const realRoot = realPath(root);
  const realOut = realPath(out);
  const guarded = [{ name: 'the content root', dir: realRoot }];
  const repo = gitTopLevel(realRoot);
  if (repo && repo !== realRoot) guarded.push({ name: 'the git repository', dir: repo });
  const shown = out === realOut ? out : `${out} (${realOut})`;
  for (const { name, dir } of guarded) {
    if (realOut === dir || isInside(realOut, dir))
      return refuse(`\`--out ${shown}\` ${realOut === dir ? 'is' : 'contains'} ${name} ${dir}`);
    if (isInside(dir, realOut) && realOut !== path.join(realRoot, defaultOutName))
      return refuse(`\`--out ${shown}\` lies inside ${name} ${dir}`);
  }
  // `srida pdf` only adds PDFs to a site: the overlap matters, not who made the folder.
  if (existsSync(realOut) && options.replaces) {
    if (!statSync(realOut).isDirectory())
      return refuse(`\`--out ${shown}\` is a file, not a folder`);
    const entries = readdirSync(realOut);
    if (entries.length > 0 && !entries.includes(buildMarker))
      return {
        ok: false,
        reason: `\`--out ${shown}\` is a folder that srida did not build (no \`${buildMarker}\` in it); it would be replaced`,
        hint: 'Name a new or empty folder, or delete this one yourself if it really is an old build.',
      };
  }
  return { ok: true, out: realOut };
}

function refuse(reason: string): OutputCheck {
  return {
    ok: false,
    reason: `${reason}; the output must be kept apart from the content (a build replaces its output folder)`,
    hint: 'Build into a folder of its own outside the project, e.g. `--out /tmp/site`, or use the default `<root>/dist`.',
  };
}

/** Whether `child` lies strictly inside `parent` (both absolute, real). */
function isInside(parent: string, child: string): boolean {
  const relative = path.relative(parent, child);
  return (
    relative !== '' &&
    !relative.startsWith(`..${path.sep}`) &&
    relative !== '..' &&
    !path.isAbsolute(relative)
  );
}

/**
 * The real path of `file`, also when it does not exist yet: the real path of its nearest
 * existing ancestor with the rest appended.
 */
export function realPath(file: string): string {
  const absolute = path.resolve(file);
  const rest: string[] = [];
  let current = absolute;
  for (;;) {
    try {
      return path.join(realpathSync(current), ...rest.reverse());
    } catch {
      const parent = path.dirname(current);
      if (parent === current) return absolute;
      rest.push(path.basename(current));
      current = parent;
    }
  }
}

/** The top folder of the git work tree holding `dir`, or undefined (no git, not a repository). */
function gitTopLevel(dir: string): string | undefined {
  if (!existsSync(dir)) return undefined;
  const result = spawnSync('git', ['-C', dir, 'rev-parse', '--show-toplevel'], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  const top = result.status === 0 ? result.stdout.trim() : '';
  return top ? realPath(top) : undefined;
}
