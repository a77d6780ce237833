/** What every request handler of the consultation server is given (no module state). */
import type { limits } from './limits.ts';
import type { RateLimiter } from './rate-limit.ts';
import type { SecretCheck } from './secret.ts';
import type { CommentStore, NewComment, StoreResult } from './store.ts';
import type { ServedDraft } from './windows.ts';

export interface ServerContext {
  drafts: readonly ServedDraft[];
  draft(document: string, version: string): ServedDraft | undefined;
  store: CommentStore;
  /** Store a comment durably, in a transaction with the others that arrived with it. */
  addComment(comment: NewComment, now: Date): Promise<StoreResult>;
  /** Undefined when moderation is off (no secret was set). */
  secret?: SecretCheck;
  trustProxy: boolean;
  commentLimiter: RateLimiter;
  /** Failed secrets, per client: a guesser is slowed down, the editor elsewhere is not. */
  secretLimiter: RateLimiter;
  limits: typeof limits;
  now(): number;
  log(line: string): void;
}
