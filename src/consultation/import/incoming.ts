/**
 * A comment read from any of the import formats, before it is merged into the consultation
 * record: the readers (`read-export.ts`, `read-csv.ts`, `read-issues.ts`) all produce this.
 */
import { createHash } from 'node:crypto';
import type { Place } from '../../diagnostics/report.ts';
import type { CommentType } from '../../schemas/consultation.ts';

export interface IncomingComment {
  /** The record's id (see {@link stableId}). */
  id: string;
  /** The draft the source says the comment is on, when it says. */
  document?: string;
  version?: string;
  /** The anchor the source names, if any. */
  anchor?: string;
  /** The paragraph reference the source gives ("4.2 ¶3"), if any. */
  paragraph?: string;
  type: CommentType;
  comment: string;
  proposedChange: string;
  /** Only a name the respondent agreed to publish (or that is public already: a forge login). */
  respondent?: string;
  organisation?: string;
  received?: string;
  /** A forge issue's address. */
  source?: string;
  /** Where in the input file the comment is, for messages (found only when one is needed). */
  place: () => Place;
}

const alphabet = 'abcdefghijkmnpqrstuvwxyz23456789';

/**
 * The id of a comment in the record, from its source's own identity: `c-` and ten base-32
 * characters of the SHA-256 of `kind:identity` (50 bits: a clash among 5,000 comments has a
 * chance of about 1 in 90 million). The same source always gives the same id, so a second
 * import finds the comments it already wrote.
 */
export function stableId(kind: string, identity: string): string {
  const digest = createHash('sha256').update(`${kind}:${identity}`, 'utf8').digest();
  let id = 'c-';
  for (let i = 0; i < 10; i++) id += alphabet[digest[i]! & 31];
  return id;
}

/** The server's ids (`c-` and lower-case letters and digits) are kept as they are. */
export const serverIdPattern = /^c-[a-z0-9]{4,40}$/;

/** `general`, `ge`, `Technical`, `te`, `ed`… as a comment type; undefined if it is none. */
export function commentTypeOf(value: string): CommentType | undefined {
  const key = value.trim().toLowerCase();
  if (key === '' || key === 'ge' || key === 'general') return 'general';
  if (key === 'te' || key === 'technical') return 'technical';
  if (key === 'ed' || key === 'editorial') return 'editorial';
  return undefined;
}
