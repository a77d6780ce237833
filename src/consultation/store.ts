/**
 * Where the server keeps comments: one SQLite file (Node's built-in `node:sqlite`).
 *
 * Durability: the database runs in WAL mode with `synchronous = FULL`, and every comment is
 * committed before the server answers. With WAL, a commit appends the
 * transaction to the `-wal` file; FULL makes SQLite `fsync` that file at every commit. So once
 * the commit returns, the comment is on disk: it survives `kill -9` of the server (which
 * `synchronous = NORMAL` would already give, since the WAL write reached the kernel) and also a
 * power cut or an operating-system crash (which NORMAL would not). The server answers only after
 * the commit. Comments that arrive together are committed together (`addMany`, see
 * `group-commit.ts`): one fsync for the batch instead of one each, which is what lets the server
 * take thousands of comments a minute on a slow disk (docs/consultation.md has the figures).
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import type { CommentType } from '../schemas/consultation.ts';

/** A comment as the form gave it, checked and normalised. */
export interface NewComment {
  /** The form's one-time token: a second POST of the same form stores nothing. */
  token: string;
  document: string;
  version: string;
  /** Null for a comment on the whole draft. */
  anchor: string | null;
  ref: string | null;
  type: CommentType;
  text: string;
  proposedChange: string;
  name: string;
  organisation: string;
  /** Never published, never exported. */
  email: string;
  consent: boolean;
}

/** A stored comment. */
export interface StoredComment extends NewComment {
  id: string;
  /** Server clock, UTC, ISO 8601. */
  received: string;
  hidden: boolean;
}

/** The result of storing: a new comment, or the one already stored under the same token. */
export type StoreResult =
  { stored: true; comment: StoredComment } | { stored: false; comment: StoredComment };

/** The comment store of one server. */
export interface CommentStore {
  /** Store a comment (one durable transaction); a known token returns the earlier comment. */
  add(comment: NewComment, now: Date): StoreResult;
  /**
   * Store several comments in one durable transaction (one fsync), each as {@link add} would;
   * all or none are stored.
   */
  addMany(entries: readonly { comment: NewComment; now: Date }[]): StoreResult[];
  byId(id: string): StoredComment | undefined;
  /** Every comment, oldest first; `hidden` ones too unless `visibleOnly`. */
  list(filter?: { document?: string; version?: string; visibleOnly?: boolean }): StoredComment[];
  /** Hide a comment as spam, or show it again; false when there is no such comment. */
  setHidden(id: string, hidden: boolean): boolean;
  count(): number;
  close(): void;
}

const schema = `
CREATE TABLE IF NOT EXISTS comments (
  seq INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  token TEXT NOT NULL UNIQUE,
  document TEXT NOT NULL,
  version TEXT NOT NULL,
  anchor TEXT,
  ref TEXT,
  type TEXT NOT NULL CHECK (type IN ('general', 'technical', 'editorial')),
  text TEXT NOT NULL,
  proposed_change TEXT NOT NULL,
  name TEXT NOT NULL,
  organisation TEXT NOT NULL,
  email TEXT NOT NULL,
  consent INTEGER NOT NULL CHECK (consent IN (0, 1)),
  received TEXT NOT NULL,
  hidden INTEGER NOT NULL DEFAULT 0 CHECK (hidden IN (0, 1))
) STRICT;
CREATE INDEX IF NOT EXISTS comments_draft ON comments (document, version, seq);
`;

const columns =
  'id, token, document, version, anchor, ref, type, text, proposed_change, name, organisation, email, consent, received, hidden';

/** A new comment id: `c-` and ten base-32 characters (50 random bits). */
export function newCommentId(): string {
  const alphabet = 'abcdefghijkmnpqrstuvwxyz23456789';
  const bytes = randomBytes(10);
  let id = 'c-';
  for (const byte of bytes) id += alphabet[byte & 31];
  return id;
}

/**
 * Open (or create) the store at `file`. The folder is created if needed. Throws when the file
 * is not a database this server can use.
 */
export function openStore(file: string): CommentStore {
  mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const db = new DatabaseSync(file);
  db.exec('PRAGMA journal_mode = WAL');
  db.exec('PRAGMA synchronous = FULL');
  db.exec('PRAGMA busy_timeout = 5000');
  db.exec(schema);
  const insert = db.prepare(
    `INSERT INTO comments (${columns}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)
     ON CONFLICT (token) DO NOTHING RETURNING ${columns}`,
  );
  const byToken = db.prepare(`SELECT ${columns} FROM comments WHERE token = ?`);
  const byId = db.prepare(`SELECT ${columns} FROM comments WHERE id = ?`);
  const hide = db.prepare('UPDATE comments SET hidden = ? WHERE id = ?');
  const count = db.prepare('SELECT count(*) AS n FROM comments');
  const all = (sql: string, ...values: string[]): StoredComment[] =>
    db
      .prepare(sql)
      .all(...values)
      .map(fromRow);
  const addOne = (comment: NewComment, now: Date): StoreResult => {
    for (let attempt = 0; ; attempt++) {
      try {
        const row = insert.get(
          newCommentId(),
          comment.token,
          comment.document,
          comment.version,
          comment.anchor,
          comment.ref,
          comment.type,
          comment.text,
          comment.proposedChange,
          comment.name,
          comment.organisation,
          comment.email,
          comment.consent ? 1 : 0,
          now.toISOString(),
        );
        if (row) return { stored: true, comment: fromRow(row) };
        return { stored: false, comment: fromRow(byToken.get(comment.token)!) };
      } catch (error) {
        // A clash of two random ids (50 bits) is a UNIQUE failure on `id`: draw again.
        if (attempt < 3 && /UNIQUE constraint failed: comments\.id/.test(String(error))) continue;
        throw error;
      }
    }
  };
  return {
    add(comment, now) {
      return addOne(comment, now);
    },
    addMany(entries) {
      db.exec('BEGIN IMMEDIATE');
      try {
        const results = entries.map(({ comment, now }) => addOne(comment, now));
        db.exec('COMMIT');
        return results;
      } catch (error) {
        db.exec('ROLLBACK');
        throw error;
      }
    },
    byId(id) {
      const row = byId.get(id);
      return row ? fromRow(row) : undefined;
    },
    list(filter = {}) {
      const where: string[] = [];
      const values: string[] = [];
      if (filter.document !== undefined) {
        where.push('document = ?');
        values.push(filter.document);
      }
      if (filter.version !== undefined) {
        where.push('version = ?');
        values.push(filter.version);
      }
      if (filter.visibleOnly) where.push('hidden = 0');
      return all(
        `SELECT ${columns} FROM comments ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY seq`,
        ...values,
      );
    },
    setHidden(id, hidden) {
      return Number(hide.run(hidden ? 1 : 0, id).changes) > 0;
    },
    count() {
      return Number((count.get() as { n: number }).n);
    },
    close() {
      db.close();
    },
  };
}

function fromRow(row: Record<string, unknown>): StoredComment {
  // The columns are typed by the STRICT table; this turns SQLite's values into the record.
  return {
    id: row.id as string,
    token: row.token as string,
    document: row.document as string,
    version: row.version as string,
    anchor: (row.anchor as string | null) ?? null,
    ref: (row.ref as string | null) ?? null,
    type: row.type as CommentType,
    text: row.text as string,
    proposedChange: row.proposed_change as string,
    name: row.name as string,
    organisation: row.organisation as string,
    email: row.email as string,
    consent: row.consent === 1,
    received: row.received as string,
    hidden: row.hidden === 1,
  };
}
