/**
 * The file types a chapter may show as images, with the type the site serves them as. Nothing
 * else under `chapters/` or `figures/` is ever published (see docs/security.md).
 */
export const imageTypes: Readonly<Record<string, string>> = {
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
};

/** The served type of an image file name, or undefined when the type is not allowed. */
export function imageType(name: string): string | undefined {
  const dot = name.lastIndexOf('.');
  return dot < 0 ? undefined : imageTypes[name.slice(dot).toLowerCase()];
}
