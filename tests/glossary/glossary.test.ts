import { describe, expect, it } from 'vitest';
import { useFinder } from '../../src/glossary/find-uses.ts';
import type { Glossary, GlossaryEntry } from '../../src/glossary/types.ts';
import {
  assembleWithMessages,
  chapterHtml as html,
  makeProject,
  withoutAnchors,
} from '../helpers/project.ts';

const chapterHtml = (...args: Parameters<typeof html>) => withoutAnchors(html(...args));
import { glossaryProject } from './fixture.ts';

function entry(fields: Partial<GlossaryEntry> & { id: string }): GlossaryEntry {
  return {
    aliases: [],
    seeAlso: [],
    // Cast: these entries are rendered, never reported on, so they need no file.
    file: undefined as never,
    place: { line: 1, column: 1 },
    placeOf: () => ({ line: 1, column: 1 }),
    ...fields,
  };
}

describe('finding glossary uses in text', () => {
  const glossary: Glossary = {
    entries: [
      entry({ id: 'hpc', abbreviation: 'HPC', expansion: 'high-performance computing' }),
      entry({ id: 'gpu', abbreviation: 'GPU', expansion: 'graphics processing unit' }),
      entry({ id: 'ai', abbreviation: 'AI', expansion: 'artificial intelligence' }),
      entry({ id: 'hl-lhc', abbreviation: 'HL-LHC', expansion: 'High-Luminosity LHC' }),
      entry({ id: 'srcnet', abbreviation: 'SRCNet', expansion: 'SKA Regional Centre Network' }),
      entry({ id: 'pilot-job', term: 'Pilot job', definition: 'x' }),
      entry({ id: 'compute-continuum', term: 'Compute and data continuum', definition: 'y' }),
    ],
    ignore: new Set(['PB', 'LOFAR2.0']),
    files: [],
  };
  const finder = useFinder(glossary);
  const found = (text: string) =>
    finder.find(text).map((use) => `${use.kind}:${use.text}${use.plural ? '+s' : ''}`);

  it('finds abbreviations as written, plurals, and the parts of joined words', () => {
    expect(found('HPC and GPUs; AI/ML on HL-LHC data via SRCNet, HPC-based.')).toEqual([
      'abbreviation:HPC',
      'abbreviation:GPUs+s',
      'abbreviation:AI',
      'undefined-abbreviation:ML',
      'abbreviation:HL-LHC',
      'abbreviation:SRCNet',
      'abbreviation:HPC',
    ]);
  });

  it('reports a capitalised word once, whole, and skips ignored words and their plurals', () => {
    expect(found('The XY-ZW link, 3 PB, PBs, LOFAR2.0 and ABCs.')).toEqual([
      'undefined-abbreviation:XY-ZW',
      'undefined-abbreviation:ABCs',
    ]);
  });

  it('does not take words inside words, lower-case words or single capitals', () => {
    expect(found('aHPC HPCx hpc A I Mixed Words')).toEqual([]);
  });

  it('finds terms in any case, plural, across a line break', () => {
    expect(found('Pilot jobs run. A compute and data\ncontinuum too. A pilot job.')).toEqual([
      'term:Pilot jobs+s',
      'term:compute and data\ncontinuum',
      'term:pilot job',
    ]);
  });
});

describe('the glossary stage', () => {
  it('marks abbreviations, expands each first use once per chapter where a reader needs it', async () => {
    const root = await glossaryProject();
    const { project } = await assembleWithMessages(root);
    const intro = chapterHtml(project, 'alpha', 'intro');
    const abbr = (text: string, title: string, id?: string) =>
      `<abbr title="${title}" class="glossary-abbr"${id ? ` id="${id}"` : ''}>${text}</abbr>`;
    // First use, at the start of a sentence: capitalised expansion, then the abbreviation.
    expect(intro).toContain(
      `<p>High-performance computing (${abbr('HPC', 'high-performance computing', 'glossary-use-hpc-intro')}) centres`,
    );
    // Later uses: marked, not expanded.
    expect(intro).toContain(`More ${abbr('HPC', 'high-performance computing')} follows`);
    expect(intro.match(/high-performance computing \(/gi)).toHaveLength(1);
    // Inside a name the first use is not expanded; the next use is.
    expect(intro).toContain(
      `Worldwide ${abbr('LHC', 'Large Hadron Collider', 'glossary-use-lhc-intro')} Computing Grid`,
    );
    expect(intro).toContain(
      `the Large Hadron Collider (${abbr('LHC', 'Large Hadron Collider')}) itself`,
    );
    // A possessive is not expanded either.
    expect(intro).toContain(
      `The ${abbr('SRIDA', 'Strategic Research, Innovation and Deployment Agenda', 'glossary-use-srida-intro')}'s aims`,
    );
    expect(intro).toContain(
      `Then the Strategic Research, Innovation and Deployment Agenda (${abbr('SRIDA', 'Strategic Research, Innovation and Deployment Agenda')}) itself`,
    );
    // Plural expansion; `:plain[…]` left alone; table cells marked without expansion.
    expect(intro).toContain(
      `Graphics processing units (${abbr('GPUs', 'graphics processing unit', 'glossary-use-gpu-intro')})`,
    );
    expect(intro).toContain('We mean AAI as written');
    expect(intro).toContain(`<td>${abbr('GPU', 'graphics processing unit')}</td>`);

    const methods = chapterHtml(project, 'alpha', 'methods');
    // The author wrote the expansion: nothing is added.
    expect(methods).toContain(
      `High-performance computing (${abbr('HPC', 'high-performance computing', 'glossary-use-hpc-methods')}) is written out`,
    );
    expect(methods.match(/high-performance computing \(/gi)).toHaveLength(1);
  });

  it('links the first use of a term and every `[](#term-…)` to the entry, with the definition as a tooltip', async () => {
    const root = await glossaryProject();
    const { project } = await assembleWithMessages(root);
    const intro = chapterHtml(project, 'alpha', 'intro');
    expect(intro).toContain(
      'centres run <a href="/alpha/glossary/#term-pilot-job" title="Pilot job" id="glossary-use-pilot-job-intro" class="xref xref-term glossary-term" aria-describedby="glossary-tip-intro-1" data-xref="alpha#term-pilot-job">pilot jobs</a><span id="glossary-tip-intro-1" role="tooltip" class="glossary-tip">A placeholder job that fetches real work once running</span>.',
    );
    // "tokens" is the first use of the term (linked); the author's reference later gets the
    // tooltip too, and its text from the entry.
    expect(intro).toContain(
      'issues <a href="/alpha/glossary/#term-token" title="Token" id="glossary-use-token-intro" class="xref xref-term glossary-term" aria-describedby="glossary-tip-intro-2"',
    );
    expect(intro).toContain(
      'a <a href="/alpha/glossary/#term-token" title="Token" aria-describedby="glossary-tip-intro-3" class="xref xref-term" data-xref="alpha#term-token"><span class="xref-title">Token</span></a><span id="glossary-tip-intro-3" role="tooltip" class="glossary-tip">A short-lived signed credential</span> link',
    );
    // Later uses of a term are plain text.
    expect(intro.match(/class="glossary-tip"/g)).toHaveLength(3);
  });

  it('generates the glossary from the entries the document uses, with see-also and back-links', async () => {
    const root = await glossaryProject();
    const { project } = await assembleWithMessages(root);
    const glossary = chapterHtml(project, 'alpha', 'glossary');
    const headwords = [...glossary.matchAll(/<dt id="term-([^"]+)"/g)].map((m) => m[1]);
    // Terms first (their block comes first), then abbreviations, each sorted; UNUSED is left out.
    expect(headwords).toEqual(['pilot-job', 'token', 'aai', 'fair', 'gpu', 'hpc', 'lhc', 'srida']);
    expect(glossary).not.toContain('term-data-lake');
    expect(glossary).toContain(
      '<p class="glossary-uses">First used in: <a href="/alpha/intro/#glossary-use-hpc-intro">Chapter 1</a>, <a href="/alpha/methods/#glossary-use-hpc-methods">Chapter 2</a></p>',
    );
    // Every back-link points at an element that exists.
    const documentHtml = project.documents[0]!.chapters.map((c) => c.html).join('');
    for (const [, , id] of glossary.matchAll(/href="\/alpha\/(\w+)\/#(glossary-use-[^"]+)"/g))
      expect(documentHtml).toContain(`id="${id}"`);
    // See also: only entries this glossary lists, as cross-references with their headword.
    expect(glossary).toContain(
      '<p class="glossary-see-also">See also: <a href="/alpha/glossary/#term-token" title="Token" class="xref xref-term" data-xref="alpha#term-token"><span class="xref-title">Token</span></a></p>',
    );
    // A definition's citation is formatted by the citations stage.
    expect(glossary).toMatch(
      /Principles of data stewardship <span class="citation"[^>]*>\(<a[^>]*>Wilkinson, 2016<\/a>\)<\/span>/,
    );
  });

  it('reports undefined abbreviations, unused entries, duplicates and bad see-also with positions', async () => {
    const root = await glossaryProject({
      'glossary/more.yaml': `entries:
  - abbreviation: HPC
    expansion: again
  - term: Broker
`,
    });
    const { messages } = await assembleWithMessages(root);
    expect(messages.filter((m) => m.includes('[glossary-'))).toEqual([
      'chapters/alpha/01-intro.md:14:37: `ZQX` looks like an abbreviation, but the glossary does not define it (used 2 times) [glossary-undefined]',
      'glossary/more.yaml:4:5: Invalid `definition` of glossary entry 2 (`Broker`): a term needs its `definition` [glossary-schema]',
      'glossary/words.yaml:5:22: `seeAlso` names `nosuch`, which is not a glossary entry [glossary-see-also]',
      'glossary/words.yaml:8:5: Duplicate glossary abbreviation `HPC`: `glossary/more.yaml:2` has it too [glossary-duplicate]',
      'glossary/words.yaml:22:5: Glossary entry `data-lake` is not used in any document [glossary-unused]',
      'glossary/words.yaml:24:5: Glossary entry `unused` is not used in any document [glossary-unused]',
    ]);
  });

  it('leaves a project without a glossary as it was', async () => {
    const root = await makeProject({
      'chapters/alpha/document.yaml': (await import('../helpers/project.ts')).documentYaml('Alpha'),
      'chapters/alpha/01-intro.md':
        '---\ntitle: Intro\nstatus: draft\n---\n\nHPC and ZQX, :plain[AAI].\n',
    });
    const { project, messages } = await assembleWithMessages(root);
    expect(messages).toEqual([]);
    expect(chapterHtml(project, 'alpha', 'intro')).toBe('<p>HPC and ZQX, AAI.</p>');
  });

  it('gives each shipped document a glossary of the entries it uses, with no glossary problem', async () => {
    const { project, messages } = await assembleWithMessages(process.cwd());
    expect(messages.filter((m) => m.includes('[glossary-'))).toEqual([]);
    const listed = (documentId: string) =>
      [...chapterHtml(project, documentId, 'glossary').matchAll(/<dt id="term-([^"]+)"/g)].map(
        (m) => m[1],
      );
    expect(listed('blueprint')).toEqual(
      expect.arrayContaining(['pilot-job', 'token', 'aai', 'hl-lhc', 'wlcg']),
    );
    expect(listed('srida')).toEqual(expect.arrayContaining(['srida', 'hpc', 'tg1']));
    // The SRIDA never writes "pilot job": its glossary leaves the term out.
    expect(listed('srida')).not.toContain('pilot-job');
  });
});
