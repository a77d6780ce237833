/**
 * Child process of tests/citations/speedups.test.ts: formats the shipped bibliography, the test
 * fixtures and a generated corpus in every built-in style (each work cited alone, then all
 * cited at once, then the reference list) and prints the state of the citeproc speed-ups and
 * the output as one JSON line. Run once with `SRIDA_CITEPROC_SPEEDUPS=0` and once without:
 * the outputs must be the same bytes.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { CslItem } from '../../../src/citations/bib-types.ts';
import { installCiteprocSpeedups } from '../../../src/citations/citeproc-speedups.ts';
import { formatDocument } from '../../../src/citations/format-document.ts';
import { parseBibtex } from '../../../src/citations/parse-bibtex.ts';

const root = path.resolve(import.meta.dirname, '../../..');
const files = [
  'bibliography/spectrum.bib',
  'bibliography/computing.bib',
  'tests/citations/fixtures/apa/bibliography/works.bib',
  'tests/citations/fixtures/numeric/bibliography/refs.bib',
  'tests/citations/fixtures/custom-style/bibliography/refs.bib',
];

/** Deterministic works that reach the replaced paths: case changes, sorting, escaping, quotes. */
function generated(count: number): CslItem[] {
  const families = ['Özdemir', 'Łukasiewicz', 'van der Berg', 'Ďurovič', 'Ἀριστοτέλης', 'Smith'];
  const titles = [
    'data federation & <scale>',
    '"Quoted" titles and ‘inner’ quotes',
    'the  double  spaced  title',
    'İstanbul and ISTANBUL: case in Turkish',
    'numbers 2, 10 and 1 sort numerically',
    '[Bracketed] start of a title',
  ];
  const langs = ['en', 'tr', 'de', 'lt', 'el', 'fr'];
  return Array.from({ length: count }, (_, i) => ({
    id: `gen${i}`,
    type: i % 3 === 0 ? 'article-journal' : i % 3 === 1 ? 'book' : 'report',
    title: `${titles[i % titles.length]} ${i}`,
    author: [{ family: families[i % families.length], given: `A${i % 7}.` }],
    issued: { 'date-parts': [[2000 + (i % 25), (i % 12) + 1]] },
    'container-title': i % 3 === 0 ? `Journal ${i % 5}` : undefined,
    language: langs[i % langs.length],
    DOI: i % 4 === 0 ? `10.1000/gen.${i}` : undefined,
  }));
}

const items: CslItem[] = [];
for (const file of files) {
  const parsed = parseBibtex(readFileSync(path.join(root, file), 'utf8'));
  for (const entry of parsed.entries) items.push({ ...entry.item, id: `${file}#${entry.key}` });
}
items.push(...generated(300));

const speedups = installCiteprocSpeedups();
const out: Record<string, unknown> = {};
for (const style of ['apa', 'vancouver', 'harvard1']) {
  out[style] = formatDocument({
    style,
    locale: 'en-US',
    items,
    clusters: [
      ...items.map((item) => ({ mode: 'normal' as const, items: [{ id: item.id }] })),
      { mode: 'narrative', items: items.slice(0, 40).map((item) => ({ id: item.id })) },
    ],
  });
}
process.stdout.write(`${JSON.stringify({ speedups, items: items.length, out })}\n`);
