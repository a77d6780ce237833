/**
 * The live preview's problem pages (`astro dev` only; see `markdown/problem-markers.ts` for
 * the markers inside chapters). A chapter file that could not be assembled gets a page with
 * its messages instead of a 404; problems of files that have no page (document.yaml,
 * bibliography, roadmap, glossary) open every chapter page of the documents they concern.
 */
import path from 'node:path';
import type { AssembledChapter, AssembledProject } from '../assemble/assemble-project.ts';
import { collectDiagnostics, type Diagnostic } from '../diagnostics/collect.ts';
import { chapterHref } from '../markdown/context.ts';
import { problemMarkerClass } from '../markdown/problem-markers.ts';
import { escapeHtml } from '../util/escape-html.ts';

/** Add the problem pages and banners to an assembled project, in place. */
export function addDevProblems(project: AssembledProject): void {
  const diagnostics = collectDiagnostics(project.files);
  const chapterSources = new Set(
    project.documents.flatMap((d) => d.chapters.map((c) => c.sourcePath)),
  );
  const elsewhere = new Map<string, Diagnostic[]>();
  for (const diagnostic of diagnostics) {
    if (chapterSources.has(diagnostic.path)) continue;
    const list = elsewhere.get(diagnostic.path) ?? [];
    list.push(diagnostic);
    elsewhere.set(diagnostic.path, list);
  }
  for (const document of project.documents) {
    const folder = `chapters/${document.id}/`;
    for (const [file, list] of elsewhere) {
      const chapterFile = /^(\d+)-(.+)\.md$/.exec(file.slice(folder.length));
      if (!file.startsWith(folder) || !chapterFile || file.includes('/', folder.length)) continue;
      // A chapter of this document that could not be assembled: a page with its messages.
      const id = chapterFile[2]!;
      if (document.chapters.some((c) => c.id === id)) continue;
      document.chapters.push(problemChapter(document.id, id, Number(chapterFile[1]), file, list));
      elsewhere.delete(file);
    }
    document.chapters.sort((a, b) => a.order - b.order);
  }
  if (elsewhere.size === 0) return;
  for (const document of project.documents) {
    const concerned = [...elsewhere].filter(
      ([file]) => !file.startsWith('chapters/') || file.startsWith(`chapters/${document.id}/`),
    );
    if (concerned.length === 0) continue;
    const banner = problemList(concerned.flatMap(([, list]) => list));
    for (const chapter of document.chapters) chapter.html = banner + chapter.html;
  }
}

function problemChapter(
  documentId: string,
  id: string,
  order: number,
  file: string,
  diagnostics: readonly Diagnostic[],
): AssembledChapter {
  return {
    documentId,
    id,
    order,
    kind: 'chapter',
    number: '',
    label: '',
    title: `${path.posix.basename(file)} cannot be shown`,
    status: 'draft',
    sourcePath: file,
    href: chapterHref(documentId, id),
    headings: [],
    html: problemList(diagnostics),
  };
}

/** The messages as a visible block, each with its `file:line:column`. */
function problemList(diagnostics: readonly Diagnostic[]): string {
  const items = diagnostics.map(
    (d) =>
      `<p>⚠ ${escapeHtml(d.reason)} <code>${escapeHtml(`${d.path}:${d.line}:${d.column} ${d.severity} [${d.ruleId}]`)}</code>${d.hint ? ` — ${escapeHtml(d.hint)}` : ''}</p>`,
  );
  return `<div class="${problemMarkerClass} ${problemMarkerClass}-block" role="note">${items.join('')}</div>`;
}
