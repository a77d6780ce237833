import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { assembleProject, type AssembledProject } from '../../src/assemble/assemble-project.ts';
import { collectDiagnostics } from '../../src/diagnostics/collect.ts';
import { projectStages } from '../../src/stages.ts';

/** A minimal valid document.yaml; override fields with `extra` (YAML lines). */
export function documentYaml(title = 'Test Document', extra = ''): string {
  return `title: ${title}
shortTitle: ${title.split(' ')[0]}
editors:
  - name: Test Editor
abstract: A test document.
language: en
version: 0.1.0
status: draft
date: 2026-01-15
licence: CC-BY-4.0
${extra}`;
}

/** A chapter file with front matter. */
export function chapter(title: string, body: string, frontMatter = 'status: draft'): string {
  return `---\ntitle: ${title}\n${frontMatter}\n---\n${body}`;
}

/** Write a throw-away project (paths relative to its root) and return the root. */
export async function makeProject(files: Record<string, string | Uint8Array>): Promise<string> {
  const root = await mkdtemp(path.join(tmpdir(), 'srida-test-'));
  for (const [name, content] of Object.entries(files)) {
    const target = path.join(root, name);
    await mkdir(path.dirname(target), { recursive: true });
    await writeFile(target, content);
  }
  return root;
}

/** Assemble a project and list its messages as `path:line:column: reason [rule]`. */
export async function assembleWithMessages(
  root: string,
): Promise<{ project: AssembledProject; messages: string[] }> {
  const project = await assembleProject(root, { extensions: projectStages() });
  const messages = collectDiagnostics(project.files).map(
    (d) => `${d.path}:${d.line}:${d.column}: ${d.reason} [${d.ruleId}]`,
  );
  return { project, messages };
}

/** HTML of one chapter of an assembled project. */
export function chapterHtml(
  project: AssembledProject,
  documentId: string,
  chapterId: string,
): string {
  const html = project.documents
    .find((d) => d.id === documentId)
    ?.chapters.find((c) => c.id === chapterId)?.html;
  if (html === undefined) throw new Error(`no chapter ${documentId}/${chapterId}`);
  return html;
}

/**
 * A chapter's HTML without what the anchors stage adds to every block (its `id`, the margin
 * reference and comment link, the wrapper of a bare table), for tests of other stages that
 * compare markup; tests/anchors checks those additions.
 */
export function withoutAnchors(html: string): string {
  return html
    .replace(/<div class="block-tools-host">(?:(?!<\/div>)[\s\S])*<\/div>\n?/g, '')
    .replace(
      /<span class="block-tools"[^>]*>(?:<span class="block-ref">[^<]*<\/span>)?(?:<a [^>]*>(?:(?!<\/a>)[\s\S])*<\/a>)?<\/span>/g,
      '',
    )
    .replace(/<div class="table-block" id="[^"]*">\n?([\s\S]*?<\/table>)\n?<\/div>/g, '$1')
    .replace(/ id="p-[a-z2-7]{8}"/g, '');
}
