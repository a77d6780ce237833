/**
 * Read comments from a forge's issue list saved as JSON: GitHub's REST `issues` list (`title`,
 * `body`, `user.login`, `html_url`, `created_at`, `labels`) or GitLab's (`description`,
 * `author.username`, `web_url`). The "comment on this paragraph" link of the site opens an
 * issue whose body names the place in lines such as:
 *
 *     Document: srida
 *     Version: 0.9.0
 *     Paragraph: 4.2 ¶3
 *     Anchor: p-3fk2a
 *     Type: technical
 *
 * followed by the quoted paragraph (`> …`), the comment, and optionally a `Proposed change:`
 * section. An issue names its paragraph by the `Anchor:` line, or else by an address ending in
 * `#<anchor>` of an anchor the draft has, or else by its `Paragraph:` reference. Issues that name
 * neither a paragraph of the draft nor the draft itself (`Document:`, `Version:`) are not
 * consultation comments and are skipped, as are pull requests and issues that name another
 * document or version.
 */
import type { VFile } from 'vfile';
import { report } from '../../diagnostics/report.ts';
import type { AnchorIndex } from '../anchor-record.ts';
import { findBlock } from '../anchor-record.ts';
import { commentTypeOf, stableId, type IncomingComment } from './incoming.ts';
import type { JsonPlaces } from './json-places.ts';

const fieldLine =
  /^\s*(?:[*_]{1,2})?(document|version|paragraph|anchor|type|link)(?:[*_]{1,2})?\s*:(?:[*_]{1,2})?\s*(.*?)\s*$/i;
const proposedHeading =
  /^\s*(?:#{1,6}\s*)?(?:[*_]{1,2})?proposed change(?:[*_]{1,2})?\s*:?(?:[*_]{1,2})?\s*(.*)$/i;

/** Whether parsed JSON looks like a forge's issue list. */
export function isIssueList(json: unknown): json is unknown[] {
  return (
    Array.isArray(json) &&
    json.every(
      (item) =>
        typeof item === 'object' &&
        item !== null &&
        ('html_url' in item || 'web_url' in item) &&
        'title' in item,
    )
  );
}

/** What the reading of issues skipped, for the summary. */
export interface SkippedIssues {
  pullRequests: number;
  notConsultation: number;
  otherDraft: number;
}

/** The consultation comments among the issues. */
export function readIssues(
  file: VFile,
  issues: readonly unknown[],
  places: JsonPlaces,
  draft: { document: string; version: string; anchors?: AnchorIndex },
  skipped: SkippedIssues,
): IncomingComment[] {
  const comments: IncomingComment[] = [];
  for (const [index, raw] of issues.entries()) {
    // Shapes of both forges' REST answers, checked field by field below.
    const item = raw as Record<string, unknown>;
    if (item.pull_request !== undefined) {
      skipped.pullRequests++;
      continue;
    }
    const url = String(item.html_url ?? item.web_url ?? '');
    const title = typeof item.title === 'string' ? item.title : '';
    const body =
      typeof item.body === 'string'
        ? item.body
        : typeof item.description === 'string'
          ? item.description
          : '';
    const fields = new Map<string, string>();
    const rest: string[] = [];
    let proposed: string[] | undefined;
    for (const line of body.replace(/\r\n?/g, '\n').split('\n')) {
      const proposedMatch = proposed === undefined ? proposedHeading.exec(line) : null;
      if (proposedMatch) {
        proposed = proposedMatch[1] ? [proposedMatch[1]] : [];
        continue;
      }
      if (proposed) {
        proposed.push(line);
        continue;
      }
      const field = fieldLine.exec(line);
      if (field && !fields.has(field[1]!.toLowerCase()))
        fields.set(field[1]!.toLowerCase(), field[2]!.replace(/^`|`$/g, ''));
      else if (!/^\s*>/.test(line)) rest.push(line);
    }
    const document = fields.get('document');
    const version = fields.get('version')?.replace(/^v/, '');
    if ((document && document !== draft.document) || (version && version !== draft.version)) {
      skipped.otherDraft++;
      continue;
    }
    const anchor = anchorOf(fields, `${title}\n${body}`, draft.anchors);
    if (!anchor && !(document && version)) {
      skipped.notConsultation++;
      continue;
    }
    const labels = Array.isArray(item.labels)
      ? item.labels.map((l) =>
          typeof l === 'string' ? l : String((l as { name?: unknown }).name ?? ''),
        )
      : [];
    const typeText =
      fields.get('type') ??
      labels
        .map((l) => l.replace(/^type[:/ ]\s*/i, ''))
        .find((l) => commentTypeOf(l) && l.trim() !== '') ??
      '';
    const type = commentTypeOf(typeText);
    if (!type) {
      report(
        file,
        'error',
        `Issue ${url || index + 1}: unknown type of comment \`${typeText}\``,
        places([index, 'body']),
        'consult-import-issue',
        'Use `Type: general`, `technical` or `editorial` in the issue, or a label of that name.',
      );
      continue;
    }
    const text = rest.join('\n').trim() || title.trim();
    const user = (item.user ?? item.author) as { login?: unknown; username?: unknown } | undefined;
    const login = user?.login ?? user?.username;
    comments.push({
      id: stableId('issue', url || `${index}:${title}`),
      document: draft.document,
      version: draft.version,
      anchor: anchor ?? undefined,
      paragraph: fields.get('paragraph') || undefined,
      type,
      comment: text,
      proposedChange: (proposed ?? []).join('\n').trim(),
      respondent: typeof login === 'string' && login ? login : undefined,
      received: typeof item.created_at === 'string' ? item.created_at : undefined,
      source: url || undefined,
      place: () => places([index]),
    });
  }
  return comments;
}

/** The anchor an issue names (see the module comment), if any. */
function anchorOf(
  fields: ReadonlyMap<string, string>,
  text: string,
  anchors: AnchorIndex | undefined,
): string | undefined {
  const stated = fields.get('anchor')?.replace(/^#/, '');
  if (stated) return stated;
  if (anchors) {
    for (const match of text.matchAll(/#([A-Za-z0-9][\w.:-]*)/g)) {
      if (anchors.byAnchor.has(match[1]!)) return match[1];
    }
    const paragraph = fields.get('paragraph');
    if (paragraph) return findBlock(anchors, paragraph)?.anchor;
  }
  return undefined;
}
