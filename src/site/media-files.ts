import { readdir, readFile, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { imageType } from '../markdown/image-types.ts';
import { mediaFolders } from '../markdown/remark-figures.ts';
import { safeDecodeUri } from '../markdown/safe-url.ts';
import { sanitizeSvg } from '../markdown/sanitize-svg.ts';

/** A publishable image: where it is, what the site serves. */
export interface MediaFile {
  /** Path under `/media/` (decoded), e.g. `chapters/doc/figures/a.svg`. */
  relative: string;
  /** Served type. */
  type: string;
  /** The bytes to publish (SVG sanitised). */
  bytes: Uint8Array;
}

/**
 * The one gate between the content root and the site's `/media/`: a path under `/media/` (as
 * in a URL, percent-escaped) is published only when it names, inside `chapters/` or `figures/`,
 * a regular file of an allowed image type whose real path (symbolic links resolved) is inside the
 * content root. SVG is sanitised (`sanitize-svg.ts`); an SVG that cannot be is not published.
 */
export async function readMediaFile(root: string, urlPath: string): Promise<MediaFile | undefined> {
  const relative = path.posix.normalize(safeDecodeUri(urlPath)).replace(/^\/+/, '');
  if (relative.startsWith('..') || relative.includes('\0')) return undefined;
  if (!mediaFolders.some((folder) => relative.startsWith(`${folder}/`))) return undefined;
  const type = imageType(relative);
  if (!type) return undefined;
  const realRoot = await realpath(root).catch(() => undefined);
  const real = await realpath(path.join(root, relative)).catch(() => undefined);
  if (!realRoot || !real) return undefined;
  const inside = path.relative(realRoot, real).split(path.sep).join('/');
  if (inside.startsWith('..') || path.isAbsolute(inside)) return undefined;
  if (!mediaFolders.some((folder) => inside.startsWith(`${folder}/`))) return undefined;
  if (!(await stat(real)).isFile()) return undefined;
  const bytes = await readFile(real);
  if (type !== 'image/svg+xml') return { relative, type, bytes };
  const clean = sanitizeSvg(bytes.toString('utf8'));
  return clean.ok ? { relative, type, bytes: new TextEncoder().encode(clean.svg) } : undefined;
}

/** Every `/media/…` path referenced by the HTML files of a built site (as in the URLs). */
export async function referencedMedia(siteDir: string): Promise<Set<string>> {
  const found = new Set<string>();
  const names = await readdir(siteDir, { recursive: true });
  for (const name of names.map(String).filter((n) => n.endsWith('.html'))) {
    const html = await readFile(path.join(siteDir, name), 'utf8');
    for (const match of html.matchAll(/\/media\/([^"'\s,<>)#?]+)/g))
      found.add(match[1]!.replace(/&(?:amp|#38|#x26);/gi, '&'));
  }
  return found;
}
