/**
 * Interval partitioning: put horizontal spans into as few rows as possible so that spans in a
 * row keep a gap between them. Greedy by left edge with two heaps, O(n log n), and optimal.
 */

/** A horizontal span to place. */
export interface Span {
  left: number;
  right: number;
}

/**
 * Assign a row to each span.
 *
 * @param spans the spans, in any order.
 * @param gap the least space between two spans of a row.
 * @returns the row of each span (same order as `spans`), rows numbered from 0, lowest free row
 *   first.
 */
export function packRows(spans: readonly Span[], gap: number): number[] {
  // Ties keep the input order, so items written first get the upper rows.
  const order = spans
    .map((_, index) => index)
    .sort((a, b) => spans[a]!.left - spans[b]!.left || a - b);
  const rows = new Array<number>(spans.length);
  const busy = new Heap<[number, number]>((a, b) => a[0] - b[0] || a[1] - b[1]); // [free from, row]
  const free = new Heap<number>((a, b) => a - b);
  let count = 0;
  for (const index of order) {
    const span = spans[index]!;
    while (busy.size > 0 && busy.peek()![0] <= span.left) free.push(busy.pop()![1]);
    const row = free.size > 0 ? free.pop()! : count++;
    rows[index] = row;
    busy.push([span.right + gap, row]);
  }
  return rows;
}

/** A binary min-heap. */
class Heap<T> {
  readonly #items: T[] = [];
  readonly #less: (a: T, b: T) => number;

  constructor(compare: (a: T, b: T) => number) {
    this.#less = compare;
  }

  get size(): number {
    return this.#items.length;
  }

  peek(): T | undefined {
    return this.#items[0];
  }

  push(value: T): void {
    const items = this.#items;
    items.push(value);
    let i = items.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (this.#less(items[i]!, items[parent]!) >= 0) break;
      [items[i], items[parent]] = [items[parent]!, items[i]!];
      i = parent;
    }
  }

  pop(): T | undefined {
    const items = this.#items;
    const top = items[0];
    const last = items.pop();
    if (items.length > 0 && last !== undefined) {
      items[0] = last;
      let i = 0;
      for (;;) {
        const left = 2 * i + 1;
        const right = left + 1;
        let least = i;
        if (left < items.length && this.#less(items[left]!, items[least]!) < 0) least = left;
        if (right < items.length && this.#less(items[right]!, items[least]!) < 0) least = right;
        if (least === i) break;
        [items[i], items[least]] = [items[least]!, items[i]!];
        i = least;
      }
    }
    return top;
  }
}
