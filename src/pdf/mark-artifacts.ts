import { promisify } from 'node:util';
import { deflate, inflateSync } from 'node:zlib';
import { RawPdf, UnsupportedPdf } from './raw-pdf.ts';

const deflateAsync = promisify(deflate);

/** A painting operator (text, paths, images, shadings) standing as a token. */
const painting = /(?:^|[\s>\])])(?:Tj|TJ|'|"|f\*?|F|B\*?|b\*?|S|s|sh|Do|EI)(?=\s|$)/;

/**
 * Mark everything Chromium leaves untagged as an artifact.
 *
 * Chromium tags the document's content, but draws the page margin boxes (running headers,
 * folios), backgrounds and rules outside any marked-content sequence. PDF/UA requires every mark
 * to be either tagged content or an `/Artifact`; untagged text is also what some screen readers
 * read as stray words ("SRIDA 1 Introduction 9 / 43") on every page. This wraps each run of
 * painting operators outside any marked-content sequence in `/Artifact BMC … EMC`. The runs
 * start and end next to existing marked-content operators (or at the ends of the stream), which
 * are always places where marked content may begin and end.
 *
 * Returns the page content streams to replace (object number → new object text), for the
 * incremental update; throws {@link UnsupportedPdf} when a content stream is not plain Flate
 * or its marked content does not balance (the caller then fails: src/pdf/stamp-metadata.ts).
 */
export async function markArtifacts(pdf: RawPdf): Promise<Map<number, (string | Uint8Array)[]>> {
  const replaced = new Map<number, (string | Uint8Array)[]>();
  const pending: Promise<void>[] = [];
  for (const page of pdf.pageObjects()) {
    const streams = contentStreams(pdf, page);
    if (streams.length === 0) continue;
    // The streams of a page are one content stream cut at token boundaries (ISO 32000-1,
    // 7.8.2): a marked-content sequence may cross a cut, so they are marked as one, written
    // into the first and the others emptied.
    const parts = streams.map((number) => {
      const { dict, data } = pdf.stream(number);
      if (!/\/Filter\s*\/FlateDecode\b/.test(dict) || /\/DecodeParms\b/.test(dict))
        throw new UnsupportedPdf(`content stream ${number} 0 obj is not plain Flate`);
      return inflateSync(data);
    });
    const source =
      parts.length === 1 ? parts[0]! : Buffer.concat(parts.flatMap((part) => [part, newline]));
    const marked = wrapUntagged(source);
    if (!marked) continue;
    const [first, ...rest] = streams as [number, ...number[]];
    for (const number of rest) replaced.set(number, ['<< /Length 0 >>\nstream\n', '\nendstream']);
    pending.push(
      deflateAsync(marked).then((compressed) => {
        replaced.set(first, [
          `<< /Filter /FlateDecode /Length ${compressed.length} >>\nstream\n`,
          compressed,
          '\nendstream',
        ]);
      }),
    );
  }
  // Compressed on libuv's thread pool, beside whatever the browser is still printing.
  await Promise.all(pending);
  return replaced;
}

const newline = Buffer.from('\n');

/**
 * The content streams of a page, in order: `/Contents 4 0 R` (a stream, or an array object of
 * references) or `/Contents [4 0 R 5 0 R]`; none for an empty page.
 */
function contentStreams(pdf: RawPdf, page: number): number[] {
  const dict = pdf.object(page);
  const inline = /\/Contents\s*\[([^\]]*)\]/.exec(dict);
  const refs = (text: string) => [...text.matchAll(/(\d+)\s+\d+\s+R/g)].map((m) => Number(m[1]));
  if (inline) return refs(inline[1]!);
  const single = RawPdf.ref(dict, 'Contents');
  if (single === undefined) {
    if (/\/Contents\b/.test(dict))
      throw new UnsupportedPdf(`page ${page} 0 obj: unreadable /Contents`);
    return [];
  }
  const target = pdf.object(single).trimStart();
  return target.startsWith('[') ? refs(target) : [single];
}

/**
 * The content stream with every painting run at marked-content depth 0 wrapped as an artifact;
 * `undefined` when there is none.
 */
export function wrapUntagged(content: Uint8Array): Buffer | undefined {
  const text = Buffer.from(content.buffer, content.byteOffset, content.byteLength).toString(
    'latin1',
  );
  const cuts: [number, number][] = [];
  let depth = 0;
  let runStart = 0;
  for (const token of markedContent(text)) {
    if (token.op === 'EMC') {
      depth -= 1;
      if (depth < 0) throw new UnsupportedPdf('unbalanced EMC');
      if (depth === 0) runStart = token.end;
      continue;
    }
    if (depth === 0 && painting.test(text.slice(runStart, token.operandsStart)))
      cuts.push([runStart, token.operandsStart]);
    depth += 1;
  }
  if (depth !== 0) throw new UnsupportedPdf('unbalanced BDC');
  if (painting.test(text.slice(runStart))) cuts.push([runStart, text.length]);
  if (cuts.length === 0) return undefined;
  const parts: string[] = [];
  let at = 0;
  for (const [start, end] of cuts) {
    parts.push(text.slice(at, start), '/Artifact BMC\n', text.slice(start, end), '\nEMC\n');
    at = end;
  }
  parts.push(text.slice(at));
  return Buffer.from(parts.join(''), 'latin1');
}

/**
 * The marked-content operators (BDC, BMC, EMC) of a content stream, with where their operands
 * start. Chromium's streams hold no literal strings (text is hex), so a pattern finds them in a
 * fraction of a second even in 100 MB of page content; a stream with literal strings, which could
 * hide an operator's name, goes through the full tokenizer.
 */
export function markedContent(text: string): { op: string; operandsStart: number; end: number }[] {
  const slow = () =>
    [...operators(text)].filter((t) => t.op === 'BDC' || t.op === 'BMC' || t.op === 'EMC');
  if (text.includes('(')) return slow();
  const found: { op: string; operandsStart: number; end: number }[] = [];
  for (const match of text.matchAll(/(BDC|BMC|EMC)(?!\S)/g)) {
    const op = match[1]!;
    const before = match.index > 0 ? text[match.index - 1]! : ' ';
    if (!/[\s>\]]/.test(before)) continue; // part of a longer word
    const end = match.index + 3;
    if (op === 'EMC') {
      found.push({ op, operandsStart: match.index, end });
      continue;
    }
    // Back over the operands: `/Tag <<…>>` or `/Tag /Name` (BDC), `/Tag` (BMC).
    const back = (from: number) => {
      let i = from;
      while (i > 0 && /\s/.test(text[i - 1]!)) i--;
      return i;
    };
    let at = match.index;
    if (op === 'BDC') {
      at = back(at);
      at = text.endsWith('>>', at) ? text.lastIndexOf('<<', at - 2) : text.lastIndexOf('/', at - 1);
    }
    at = text.lastIndexOf('/', back(at) - 1);
    if (
      at < 0 ||
      !/^\/[^\s/<>[\]()]+\s*(<<(?:[^<>]|<[0-9A-Fa-f\s]*>)*>>|\/[^\s/<>[\]()]+)?\s*$/.test(
        text.slice(at, match.index),
      )
    )
      return slow();
    found.push({ op, operandsStart: at, end });
  }
  return found;
}

/**
 * The operators of a content stream, each with where its operands start and where it ends.
 * Strings, hex strings, names, arrays and dictionaries are skipped as operands; inline images
 * (`BI … ID … EI`) are skipped whole.
 */
export function* operators(
  text: string,
): Generator<{ op: string; operandsStart: number; end: number }> {
  const delimiter = /[\s()<>[\]{}/%]/;
  let i = 0;
  let operandsStart = -1;
  const length = text.length;
  while (i < length) {
    const c = text[i]!;
    if (c === ' ' || c === '\n' || c === '\r' || c === '\t' || c === '\f' || c === '\0') {
      i++;
      continue;
    }
    if (c === '%') {
      while (i < length && text[i] !== '\n' && text[i] !== '\r') i++;
      continue;
    }
    if (operandsStart < 0) operandsStart = i;
    if (c === '(') {
      let nesting = 0;
      for (; i < length; i++) {
        const d = text[i];
        if (d === '\\') i++;
        else if (d === '(') nesting++;
        else if (d === ')' && --nesting === 0) break;
      }
      i++;
    } else if (c === '<' && text[i + 1] === '<') {
      i += 2;
    } else if (c === '>' && text[i + 1] === '>') {
      i += 2;
    } else if (c === '<') {
      i = text.indexOf('>', i) + 1 || length;
    } else if (c === '[' || c === ']' || c === '{' || c === '}') {
      i++;
    } else if (c === '/') {
      i++;
      while (i < length && !delimiter.test(text[i]!)) i++;
    } else {
      const start = i;
      while (i < length && !delimiter.test(text[i]!)) i++;
      const word = text.slice(start, i);
      if (
        /^[+-]?(\d+\.?\d*|\.\d+)$/.test(word) ||
        word === 'true' ||
        word === 'false' ||
        word === 'null'
      )
        continue;
      if (word === 'BI') {
        const data = text.indexOf('ID', i);
        const end = data < 0 ? -1 : text.indexOf('EI', data + 2);
        if (end < 0) throw new UnsupportedPdf('unterminated inline image');
        i = end + 2;
        yield { op: 'EI', operandsStart, end: i };
      } else yield { op: word, operandsStart, end: i };
      operandsStart = -1;
    }
  }
}
