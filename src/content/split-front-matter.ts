import type { VFile } from 'vfile';
import { report } from '../diagnostics/report.ts';

/**
 * Split `---`-fenced YAML front matter from a chapter. The Markdown keeps the file's line
 * numbers: the front matter lines are blanked, not removed.
 */
export function splitFrontMatter(file: VFile): { yaml: string; markdown: string } | undefined {
  const text = String(file.value);
  const lines = text.split('\n');
  if (lines[0]?.trim() !== '---') {
    report(
      file,
      'error',
      'Chapter has no YAML front matter',
      { line: 1, column: 1 },
      'chapter-front-matter',
      'Start the file with `---`, then `title:` and `status:`, then `---`.',
    );
    return undefined;
  }
  const end = lines.findIndex((line, index) => index > 0 && /^(---|\.\.\.)\s*$/.test(line));
  if (end === -1) {
    report(
      file,
      'error',
      'Front matter is not closed',
      { line: 1, column: 1 },
      'chapter-front-matter',
      'End the front matter with a line `---`.',
    );
    return undefined;
  }
  const yaml = lines.slice(1, end).join('\n');
  const markdown = lines.map((line, index) => (index <= end ? '' : line)).join('\n');
  return { yaml, markdown };
}
