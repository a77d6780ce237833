/**
 * What a consultation's page and its report print: a pure function of the record's comments and
 * the draft's anchor record (no I/O). Counts by type, by disposition and by chapter (in the
 * draft's order, comments on the whole draft first), every comment with its paragraph, and for
 * each anchor of the working text the comments that changed it.
 */
import {
  commentTypeSchema,
  dispositions,
  type CommentType,
  type ConsultationComment,
  type Disposition,
} from '../schemas/consultation.ts';
import type { AnchorIndex } from './anchor-record.ts';

/** `none`: not answered yet. */
export type DispositionCount = Record<Disposition | 'none', number>;

export interface ReportComment {
  id: string;
  anchor?: string;
  ref?: string;
  /** The chapter of the draft the paragraph is in; undefined for the whole draft. */
  chapterId?: string;
  /** The paragraph's text in the draft, to quote. */
  quote?: string;
  type: CommentType;
  comment: string;
  proposedChange: string;
  respondent?: string;
  organisation?: string;
  received?: string;
  source?: string;
  disposition?: Disposition;
  response: string;
  changed: string[];
}

export interface ReportChapter {
  /** Undefined: comments on the whole draft. */
  chapterId?: string;
  total: number;
  byDisposition: DispositionCount;
  comments: ReportComment[];
}

export interface ConsultationReport {
  document: string;
  version: string;
  total: number;
  answered: number;
  byType: Record<CommentType, number>;
  byDisposition: DispositionCount;
  chapters: ReportChapter[];
  /** Anchor of the working text → ids of the comments whose `changed` lists it. */
  changedBy: Record<string, string[]>;
}

const emptyDispositions = (): DispositionCount =>
  Object.fromEntries([...dispositions, 'none'].map((d) => [d, 0])) as DispositionCount;

/** Build the report of one consultation (see the module comment). */
export function consultationReport(input: {
  document: string;
  version: string;
  comments: readonly ConsultationComment[];
  anchors?: AnchorIndex;
}): ConsultationReport {
  const order = new Map<string, number>();
  for (const block of input.anchors?.record.blocks ?? [])
    if (!order.has(block.chapterId)) order.set(block.chapterId, order.size);
  const byType = Object.fromEntries(commentTypeSchema.options.map((t) => [t, 0])) as Record<
    CommentType,
    number
  >;
  const byDisposition = emptyDispositions();
  const chapters = new Map<string | undefined, ReportChapter>();
  const changedBy: Record<string, string[]> = {};
  for (const comment of input.comments) {
    const block = comment.anchor ? input.anchors?.byAnchor.get(comment.anchor) : undefined;
    const disposition = (dispositions as readonly string[]).includes(comment.disposition)
      ? (comment.disposition as Disposition)
      : undefined;
    const entry: ReportComment = {
      id: comment.id,
      anchor: comment.anchor ?? undefined,
      ref: block?.ref ?? comment.ref ?? undefined,
      chapterId: block?.chapterId,
      quote: block?.text,
      type: comment.type,
      comment: comment.comment,
      proposedChange: comment.proposedChange,
      respondent: comment.respondent ?? undefined,
      organisation: comment.organisation ?? undefined,
      received: comment.received,
      source: comment.source,
      disposition,
      response: comment.response,
      changed: comment.changed,
    };
    byType[comment.type]++;
    byDisposition[disposition ?? 'none']++;
    const chapter = chapters.get(entry.chapterId) ?? {
      chapterId: entry.chapterId,
      total: 0,
      byDisposition: emptyDispositions(),
      comments: [],
    };
    chapter.total++;
    chapter.byDisposition[disposition ?? 'none']++;
    chapter.comments.push(entry);
    chapters.set(entry.chapterId, chapter);
    for (const anchor of comment.changed) (changedBy[anchor] ??= []).push(comment.id);
  }
  const rank = (id: string | undefined) => (id === undefined ? -1 : (order.get(id) ?? order.size));
  return {
    document: input.document,
    version: input.version,
    total: input.comments.length,
    answered: input.comments.length - byDisposition.none,
    byType,
    byDisposition,
    chapters: [...chapters.values()].sort((a, b) => rank(a.chapterId) - rank(b.chapterId)),
    changedBy,
  };
}
