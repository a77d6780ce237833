import path from 'node:path';

/** The content root: `SRIDA_ROOT` (set by `srida … --root`), else the current folder. */
export function contentRoot(): string {
  return path.resolve(process.env.SRIDA_ROOT ?? process.cwd());
}
