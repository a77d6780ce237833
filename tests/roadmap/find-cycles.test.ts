import { describe, expect, it } from 'vitest';
import { findCycles } from '../../src/roadmap/find-cycles.ts';

const graph = (edges: Record<string, string[]>) => new Map(Object.entries(edges));

describe('findCycles', () => {
  it('finds none in a graph without cycles', () => {
    expect(findCycles(['a', 'b', 'c'], graph({ a: ['b', 'c'], b: ['c'], c: [] }))).toEqual([]);
  });

  it('names each cycle from its earliest node, shortest way round', () => {
    expect(
      findCycles(['a', 'b', 'c', 'd'], graph({ a: ['b'], b: ['c'], c: ['a', 'd'], d: [] })),
    ).toEqual([['a', 'b', 'c', 'a']]);
    expect(findCycles(['x', 'a'], graph({ a: ['a'], x: [] }))).toEqual([['a', 'a']]);
    expect(
      findCycles(['a', 'b', 'c', 'd'], graph({ a: ['b'], b: ['a'], c: ['d'], d: ['c'] })),
    ).toEqual([
      ['a', 'b', 'a'],
      ['c', 'd', 'c'],
    ]);
    // One strongly connected component, one message: a → b → a (not the longer a → c → b → a).
    expect(findCycles(['a', 'b', 'c'], graph({ a: ['c', 'b'], b: ['a'], c: ['b'] }))).toEqual([
      ['a', 'b', 'a'],
    ]);
  });

  it('ignores edges to unknown nodes', () => {
    expect(findCycles(['a'], graph({ a: ['ghost'] }))).toEqual([]);
  });

  it('handles a long chain without recursion limits', () => {
    const n = 50_000;
    const edges = new Map(Array.from({ length: n }, (_, i) => [`n${i}`, [`n${(i + 1) % n}`]]));
    const [cycle] = findCycles([...edges.keys()], edges);
    expect(cycle).toHaveLength(n + 1);
    expect(cycle![0]).toBe('n0');
    expect(cycle!.at(-1)).toBe('n0');
  });
});
