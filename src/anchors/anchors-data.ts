/** What the anchors stage hands the site for each document, and its key. */
import { dataKey, dataOf, type WithExtensionData } from '../assemble/data-key.ts';

/** One block as published: the shape of a release's `anchors.json` (src/consultation/anchor-record.ts). */
export interface PublishedBlock {
  anchor: string;
  /** "4.2 ¶3". */
  ref: string;
  chapterId: string;
  kind: string;
  /** Plain text, for quoting. */
  text: string;
}

export interface AnchorsData {
  document: string;
  version: string;
  /** The edition is a draft (a draft release being built, or a working text not `final`). */
  draft: boolean;
  /** References are shown in the margin. */
  showRefs: boolean;
  /** Each paragraph has a comment link (a draft whose consultation is open and has a channel). */
  commentLinks: boolean;
  blocks: PublishedBlock[];
}

export const anchorsKey = dataKey<AnchorsData>('anchors');

/** The anchors of a document, if the stage ran. */
export function anchorsOf(document: WithExtensionData): AnchorsData | undefined {
  return dataOf(document, anchorsKey);
}
