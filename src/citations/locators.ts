/**
 * Locator terms as Pandoc reads them after a citation key (`p. 12`, `chap. 2`, `sec. 3.4`),
 * mapped to CSL locator labels. Longest forms first so that `pp.` wins over `p.`.
 */
const terms: [string, string][] = [
  ['appendix', 'appendix'],
  ['app.', 'appendix'],
  ['article', 'article-locator'],
  ['art.', 'article-locator'],
  ['book', 'book'],
  ['bk.', 'book'],
  ['chapters', 'chapter'],
  ['chapter', 'chapter'],
  ['chaps.', 'chapter'],
  ['chap.', 'chapter'],
  ['ch.', 'chapter'],
  ['columns', 'column'],
  ['column', 'column'],
  ['cols.', 'column'],
  ['col.', 'column'],
  ['equation', 'equation'],
  ['eq.', 'equation'],
  ['figures', 'figure'],
  ['figure', 'figure'],
  ['figs.', 'figure'],
  ['fig.', 'figure'],
  ['folios', 'folio'],
  ['folio', 'folio'],
  ['fols.', 'folio'],
  ['fol.', 'folio'],
  ['lines', 'line'],
  ['line', 'line'],
  ['ll.', 'line'],
  ['l.', 'line'],
  ['notes', 'note'],
  ['note', 'note'],
  ['nn.', 'note'],
  ['n.', 'note'],
  ['numbers', 'issue'],
  ['number', 'issue'],
  ['nos.', 'issue'],
  ['no.', 'issue'],
  ['opus', 'opus'],
  ['op.', 'opus'],
  ['pages', 'page'],
  ['page', 'page'],
  ['pp.', 'page'],
  ['p.', 'page'],
  ['paragraphs', 'paragraph'],
  ['paragraph', 'paragraph'],
  ['paras.', 'paragraph'],
  ['para.', 'paragraph'],
  ['¶¶', 'paragraph'],
  ['¶', 'paragraph'],
  ['parts', 'part'],
  ['part', 'part'],
  ['pts.', 'part'],
  ['pt.', 'part'],
  ['sections', 'section'],
  ['section', 'section'],
  ['secs.', 'section'],
  ['sec.', 'section'],
  ['§§', 'section'],
  ['§', 'section'],
  ['sub verbo', 'sub-verbo'],
  ['s.vv.', 'sub-verbo'],
  ['s.v.', 'sub-verbo'],
  ['tables', 'table'],
  ['table', 'table'],
  ['tbls.', 'table'],
  ['tbl.', 'table'],
  ['verses', 'verse'],
  ['verse', 'verse'],
  ['vv.', 'verse'],
  ['v.', 'verse'],
  ['volumes', 'volume'],
  ['volume', 'volume'],
  ['vols.', 'volume'],
  ['vol.', 'volume'],
];

/** One locator value: `12`, `12a`, `3.4`, `iv`, `IV`. */
const value = String.raw`(?:\p{N}+(?:[.:]\p{N}+)*[a-z]?|[ivxlcdm]+|[IVXLCDM]+)`;
/** A value with ranges (`3-5`, `3–5`) and numeric lists (`3, 9`). */
const valuePattern = new RegExp(
  String.raw`^${value}(?:\s*(?:--?|–|—)\s*${value}|,\s*\p{N}+(?:[.:]\p{N}+)*[a-z]?)*(?![\p{L}\p{N}])`,
  'u',
);

/** The locator at the start of a citation's suffix, and what is left of the suffix. */
export interface ParsedLocator {
  locator?: string;
  /** CSL label (`page`, `chapter`, …). */
  label?: string;
  /** The rest of the suffix (with its own punctuation, e.g. `, and passim`). */
  rest: string;
}

/**
 * Read a locator from the text after a key, as Pandoc does: an optional comma, then a known
 * term and a value (`, pp. 33-35`), a bare number (`, 33` is a page), or `{…}` for anything
 * else (`, {chap. IV and notes}`). Text that is not a locator stays the suffix, unchanged.
 *
 * @param text the suffix as written, e.g. `, pp. 33-35 and passim`.
 */
export function parseLocator(text: string): ParsedLocator {
  const lead = /^,?\s*/.exec(text)![0];
  const body = text.slice(lead.length);
  if (body.startsWith('{')) {
    const close = body.indexOf('}');
    if (close > 1) {
      const inner = body.slice(1, close).trim();
      const term = matchTerm(inner);
      const locator = term ? inner.slice(term.length).trim() : inner;
      return { locator, label: term?.label ?? 'page', rest: body.slice(close + 1) };
    }
  }
  const term = matchTerm(body);
  const afterTerm = term ? body.slice(term.length).replace(/^\s+/, '') : body;
  // Without a term only a number is a locator (a page): `, 33`; `, mid` is a suffix.
  const match = term || /^\p{N}/u.test(afterTerm) ? valuePattern.exec(afterTerm) : null;
  if (!match) return { rest: text };
  return {
    locator: match[0],
    label: term?.label ?? 'page',
    rest: afterTerm.slice(match[0].length),
  };
}

/** The locator term at the start of `text` (`pp.` → `page`), if any. */
function matchTerm(text: string): { length: number; label: string } | undefined {
  const lower = text.toLowerCase();
  for (const [term, label] of terms) {
    if (!lower.startsWith(term)) continue;
    const next = text[term.length];
    // A whole word must end there (`page 3`, not `pageant`); abbreviations end with their dot.
    if (!term.endsWith('.') && next !== undefined && /[\p{L}]/u.test(next)) continue;
    return { length: term.length, label };
  }
  return undefined;
}
