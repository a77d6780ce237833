/** `srida consult --help`: everything the consultation commands do, in one text. */
export const consultUsage = `Usage: srida consult serve --db FILE [--root DIR] [--port N] [--host ADDR] [--trust-proxy]
                           [--draft DOC@VERSION [--opens DATE] [--closes DATE]] [--rate-limit N]
       srida consult import <document> <version> FILE [--root DIR]
       srida consult check [--root DIR] [--strict]

srida consult serve
  Runs the public consultation's comment form: a small HTTP server (Node's own http) whose
  address the site's "comment on this paragraph" links point to:
    /comment?document=srida&version=0.9.0&anchor=p-3fk2a
  The form works without JavaScript, quotes the paragraph from the draft's anchor record
  (releases/<document>/<version>/anchors.json), and stores each comment in SQLite before it
  answers (WAL, synchronous=FULL: an acknowledged comment survives kill -9 and a power cut).

  Which drafts: every released draft with a consultation in releases/<document>/releases.yaml
  and an anchor record. Comments are taken from consultation.opens to the end of
  consultation.closes (UTC); with no closing date, until the document's next release.
    --draft DOC@VERSION   serve only this draft (e.g. srida@0.9.0)
    --opens DATE          with --draft: take comments from DATE (YYYY-MM-DD or YYYY-MM)
    --closes DATE         with --draft: until the end of DATE (a released manifest never changes,
                          so this is how a window is extended or closed)

  Storage:
    --db FILE             the SQLite file (required; created if missing). Keep it outside the
                          repository and back it up: it holds e-mail addresses.

  Network:
    --host ADDR           address to listen on (default 127.0.0.1)
    --port N              port (default 8787; 0 picks a free one)
    --trust-proxy         behind a reverse proxy: take the client's address for rate limiting
                          from the last entry of Forwarded / X-Forwarded-For, and the host for
                          the moderation origin check from X-Forwarded-Host. Without it those
                          headers are ignored (anyone can send them).
    --rate-limit N        comments per client address an hour (default 120, in bursts of up to
                          20); 0 turns the limit off (benchmarks only)

  Behind a reverse proxy (recommended for a public server): keep --host 127.0.0.1, let the
  proxy (nginx, Caddy, Apache) terminate TLS and forward to http://127.0.0.1:8787, pass
  \`Host\` through, and start the server with --trust-proxy. Never use --trust-proxy on a
  server that clients reach directly.

  What it refuses (and stores nothing): an unknown document, version or paragraph (404); empty
  or over-long text (422: comment and proposed change up to 10,000 characters, name and
  organisation 200, e-mail 254); a closed window (409); a body that is not
  application/x-www-form-urlencoded in UTF-8 (415) or not valid UTF-8 (400); more than 256 KiB
  (413); a filled honeypot field (422); more comments than the rate limit (429). A second POST
  of the same form (its hidden one-time token) is not stored again: it gets the first receipt.
  Headers must arrive within 10 s and the whole request within 30 s.

  Moderation and export need the editor's secret in the environment:
    SRIDA_CONSULT_SECRET=<at least 16 characters>   (without it, /moderate and /export.* are off)
  /moderate                 list every comment, hide one as spam or show it again, download
                            the exports (the secret is typed into the page; no cookie is set)
  /export.csv, /export.json the public export, with the header
                            Authorization: Bearer $SRIDA_CONSULT_SECRET
                            (?document=srida&version=0.9.0 to narrow it)
  The exports have the CEN/IEC comment-table columns (Paragraph, Line, Clause, Type, Comment,
  Proposed change) and Anchor, Id, Document, Version, Respondent (only when the respondent
  agreed), Organisation, Received. E-mail addresses are never exported; hidden comments are
  left out. Cells of the CSV that a spreadsheet would run as a formula start with '.

srida consult import <document> <version> FILE
  Reads comments from FILE: the server's JSON export, a CSV with the comment-table columns, or
  a forge's issues saved as JSON (GitHub's REST issue list), and writes
  consultation/<document>/<version>.yaml, for the editors to fill in disposition, response and
  changed. Importing again adds only the comments not there yet; what the editors wrote is
  never changed. See docs/consultation.md.

srida consult check
  Checks every consultation/<document>/<version>.yaml, with positions: the record's fields, an
  anchor the draft's anchor record does not have, a duplicate id, an unknown disposition (they
  are accepted, partially-accepted, noted, declined, out-of-scope). \`srida release … --stage
  final\` refuses while a comment of the drafts before it has no disposition (--force "reason").`;
