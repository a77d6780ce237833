/**
 * Just enough of a PDF reader for what Chromium writes (Skia/PDF: classic cross-reference
 * tables, plain object dictionaries), to read named destinations and the page order and to
 * append an incremental update without parsing and rewriting the whole file. pdf-lib does the
 * same in seconds for a 300-page report (it parses every object and writes every byte again);
 * this takes milliseconds. Anything unexpected throws {@link UnsupportedPdf}: stamping then fails
 * loudly (src/pdf/stamp-metadata.ts); only reading the page layout may fall back to pdf-lib.
 */

/** The file is not laid out as this reader expects (e.g. cross-reference streams). */
export class UnsupportedPdf extends Error {
  override name = 'UnsupportedPdf';
}

export class RawPdf {
  readonly bytes: Uint8Array;
  /** The file as Latin-1 text: one character per byte, so indexes are byte offsets. */
  readonly text: string;
  /** Byte offset of each object, latest update first. */
  readonly offsets = new Map<number, number>();
  /** The latest trailer dictionary (text). */
  readonly trailer: string;
  /** Byte offset of the latest cross-reference table. */
  readonly startxref: number;

  constructor(bytes: Uint8Array) {
    this.bytes = bytes;
    this.text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
    const tail = this.text.slice(-1024);
    const start = /startxref\s+(\d+)\s+%%EOF\s*$/.exec(tail);
    if (!start) throw new UnsupportedPdf('no startxref at the end of the file');
    this.startxref = Number(start[1]);
    let trailer: string | undefined;
    const seen = new Set<number>();
    for (let at: number | undefined = this.startxref; at !== undefined;) {
      if (seen.has(at)) throw new UnsupportedPdf('cross-reference loop');
      seen.add(at);
      const section = this.readXrefSection(at);
      trailer ??= section.trailer;
      at = section.prev;
    }
    this.trailer = trailer!;
  }

  /** Object number that `key` of a dictionary text refers to (`/Root 12 0 R`). */
  static ref(dict: string, key: string): number | undefined {
    const match = new RegExp(`/${key}\\s+(\\d+)\\s+\\d+\\s+R`).exec(dict);
    return match ? Number(match[1]) : undefined;
  }

  /** The dictionary text of an object without a stream (`<< … >>`). */
  object(number: number): string {
    const offset = this.offsets.get(number);
    if (offset === undefined)
      throw new UnsupportedPdf(`object ${number} is not in the cross-reference table`);
    const header = new RegExp(`${number}\\s+\\d+\\s+obj\\s*`, 'y');
    header.lastIndex = offset;
    const head = header.exec(this.text);
    if (!head) throw new UnsupportedPdf(`object ${number} is not at its offset`);
    const body = offset + head[0].length;
    const end = this.text.indexOf('endobj', body);
    const stream = this.text.indexOf('stream', body);
    return this.text.slice(body, stream >= 0 && stream < end ? stream : end).trim();
  }

  /** A stream object: its dictionary text and its (still encoded) data. */
  stream(number: number): { dict: string; data: Uint8Array } {
    const dict = this.object(number);
    const offset = this.offsets.get(number)!;
    const keyword = this.text.indexOf('stream', this.text.indexOf(dict, offset) + dict.length);
    if (keyword < 0) throw new UnsupportedPdf(`object ${number} is not a stream`);
    let start = keyword + 'stream'.length;
    if (this.text[start] === '\r') start++;
    if (this.text[start] === '\n') start++;
    const direct = /\/Length\s+(\d+)(?!\s+\d+\s+R)/.exec(dict);
    const indirect = RawPdf.ref(dict, 'Length');
    const length = indirect !== undefined ? Number(this.object(indirect)) : Number(direct?.[1]);
    if (!Number.isInteger(length))
      throw new UnsupportedPdf(`stream ${number} without a usable /Length`);
    return { dict, data: this.bytes.subarray(start, start + length) };
  }

  /** Object number of the catalog. */
  get root(): number {
    const root = RawPdf.ref(this.trailer, 'Root');
    if (root === undefined) throw new UnsupportedPdf('trailer without /Root');
    return root;
  }

  /** Object numbers of the pages, in order. */
  pageObjects(): number[] {
    const pages: number[] = [];
    const visit = (number: number, depth: number) => {
      if (depth > 32) throw new UnsupportedPdf('page tree too deep');
      const node = this.object(number);
      if (/\/Type\s*\/Pages\b/.test(node)) {
        const kids = /\/Kids\s*\[([^\]]*)\]/.exec(node);
        if (!kids) throw new UnsupportedPdf(`page tree node ${number} without /Kids`);
        for (const kid of kids[1]!.matchAll(/(\d+)\s+\d+\s+R/g)) visit(Number(kid[1]), depth + 1);
      } else pages.push(number);
    };
    const pagesRoot = RawPdf.ref(this.object(this.root), 'Pages');
    if (pagesRoot === undefined) throw new UnsupportedPdf('catalog without /Pages');
    visit(pagesRoot, 0);
    return pages;
  }

  /** Named destinations of the catalog's `/Dests` dictionary: name → page number (1-based). */
  namedDestinations(): Map<string, number> {
    const catalog = this.object(this.root);
    if (/\/Names\b/.test(catalog)) throw new UnsupportedPdf('destinations in a /Names tree');
    const result = new Map<string, number>();
    const destsRef = RawPdf.ref(catalog, 'Dests');
    if (destsRef === undefined) {
      if (/\/Dests\b/.test(catalog)) throw new UnsupportedPdf('inline /Dests');
      return result;
    }
    const pageNumbers = new Map(this.pageObjects().map((object, index) => [object, index + 1]));
    const dests = this.object(destsRef);
    for (const entry of dests.matchAll(/\/([^\s/[\]<>()]+)\s*\[\s*(\d+)\s+\d+\s+R/g)) {
      const page = pageNumbers.get(Number(entry[2]));
      if (page !== undefined) result.set(decodeName(entry[1]!), page);
    }
    return result;
  }

  /** Bookmarks in reading order (depth first): object number, title and dictionary text. */
  outlineItems(): { number: number; title: string; dict: string }[] {
    const items: { number: number; title: string; dict: string }[] = [];
    const outlines = RawPdf.ref(this.object(this.root), 'Outlines');
    if (outlines === undefined) return items;
    const seen = new Set<number>();
    const visit = (first: number | undefined) => {
      for (let item = first; item !== undefined;) {
        if (seen.has(item)) throw new UnsupportedPdf('outline loop');
        seen.add(item);
        const dict = this.object(item);
        const title = /\/Title\s*/.exec(dict);
        if (!title) throw new UnsupportedPdf(`outline item ${item} without /Title`);
        items.push({
          number: item,
          title: readString(dict, title.index + title[0].length).value,
          dict,
        });
        visit(RawPdf.ref(dict, 'First'));
        item = RawPdf.ref(dict, 'Next');
      }
    };
    visit(RawPdf.ref(this.object(outlines), 'First'));
    return items;
  }

  private readXrefSection(at: number): { trailer: string; prev?: number } {
    if (this.text.slice(at, at + 4) !== 'xref')
      throw new UnsupportedPdf('cross-reference stream, not a table');
    const trailerAt = this.text.indexOf('trailer', at);
    if (trailerAt < 0) throw new UnsupportedPdf('no trailer');
    const lines = this.text
      .slice(at + 4, trailerAt)
      .trim()
      .split(/\r\n|\r|\n/);
    for (let i = 0; i < lines.length;) {
      const [first, count] = lines[i]!.trim().split(/\s+/).map(Number) as [number, number];
      for (let n = 0; n < count; n++) {
        const [offset, , kind] = lines[i + 1 + n]!.trim().split(/\s+/);
        if (kind === 'n' && !this.offsets.has(first + n))
          this.offsets.set(first + n, Number(offset));
      }
      i += count + 1;
    }
    const dictStart = this.text.indexOf('<<', trailerAt);
    const dictEnd = this.text.indexOf('startxref', dictStart);
    const trailer = this.text.slice(dictStart, dictEnd).trim();
    const prev = /\/Prev\s+(\d+)/.exec(trailer);
    return { trailer, prev: prev ? Number(prev[1]) : undefined };
  }
}

/** `a#2Db` → `a-b` (PDF name escapes). */
function decodeName(name: string): string {
  const bytes = name.replace(/#([0-9A-Fa-f]{2})/g, (_all, hex: string) =>
    String.fromCharCode(Number.parseInt(hex, 16)),
  );
  return Buffer.from(bytes, 'latin1').toString('utf8');
}

/**
 * The PDF string at `at` in `text` (a literal `( … )` or hex `< … >`), decoded: UTF-16BE with a
 * byte-order mark, else PDFDocEncoding read as Latin-1, and the index just after it.
 */
export function readString(text: string, at: number): { value: string; end: number } {
  let bytes = '';
  let end = at;
  if (text[at] === '<') {
    end = text.indexOf('>', at) + 1;
    const hex = text.slice(at + 1, end - 1).replace(/\s+/g, '');
    for (let i = 0; i < hex.length; i += 2)
      bytes += String.fromCharCode(Number.parseInt(hex.slice(i, i + 2).padEnd(2, '0'), 16));
  } else if (text[at] === '(') {
    const escapes: Record<string, string> = { n: '\n', r: '\r', t: '\t', b: '\b', f: '\f' };
    let depth = 0;
    for (let i = at; i < text.length; i++) {
      const c = text[i]!;
      if (c === '\\') {
        const next = text[++i]!;
        if (/[0-7]/.test(next)) {
          const octal = /^[0-7]{1,3}/.exec(text.slice(i, i + 3))![0];
          bytes += String.fromCharCode(Number.parseInt(octal, 8));
          i += octal.length - 1;
        } else if (next === '\r' || next === '\n') {
          if (next === '\r' && text[i + 1] === '\n') i++;
        } else bytes += escapes[next] ?? next;
        continue;
      }
      if (c === '(') {
        depth++;
        if (depth === 1) continue;
      } else if (c === ')') {
        depth--;
        if (depth === 0) {
          end = i + 1;
          break;
        }
      }
      bytes += c;
    }
  } else throw new UnsupportedPdf('expected a string');
  if (end === at) throw new UnsupportedPdf('unterminated string');
  const value = bytes.startsWith('\xfe\xff')
    ? Buffer.from(bytes.slice(2), 'latin1').swap16().toString('utf16le')
    : bytes;
  return { value, end };
}
