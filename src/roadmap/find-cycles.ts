/**
 * Dependency cycles: one cycle per strongly connected component that has one, found with
 * Tarjan's algorithm (iterative, O(V + E)) and then a shortest path back to the start.
 */

/**
 * Find cycles in a graph given as adjacency lists.
 *
 * @param order the nodes, in the order cycles should start from (file order).
 * @param edges the successors of each node (unknown successors are ignored).
 * @returns each cycle as a node list whose last element equals its first (`a, b, c, a`),
 *   starting at its earliest node in `order`.
 */
export function findCycles(
  order: readonly string[],
  edges: ReadonlyMap<string, readonly string[]>,
): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const components: string[][] = [];
  let counter = 0;
  const next = (node: string) => (edges.get(node) ?? []).filter((target) => edges.has(target));

  for (const root of order) {
    if (index.has(root)) continue;
    const work: { node: string; successors: string[]; position: number }[] = [];
    const visit = (node: string) => {
      index.set(node, counter);
      low.set(node, counter);
      counter++;
      stack.push(node);
      onStack.add(node);
      work.push({ node, successors: next(node), position: 0 });
    };
    visit(root);
    while (work.length > 0) {
      const frame = work.at(-1)!;
      if (frame.position < frame.successors.length) {
        const target = frame.successors[frame.position++]!;
        if (!index.has(target)) visit(target);
        else if (onStack.has(target))
          low.set(frame.node, Math.min(low.get(frame.node)!, index.get(target)!));
        continue;
      }
      work.pop();
      const parent = work.at(-1);
      if (parent) low.set(parent.node, Math.min(low.get(parent.node)!, low.get(frame.node)!));
      if (low.get(frame.node) === index.get(frame.node)) {
        const component: string[] = [];
        let member: string;
        do {
          member = stack.pop()!;
          onStack.delete(member);
          component.push(member);
        } while (member !== frame.node);
        const selfLoop = component.length === 1 && next(member).includes(member);
        if (component.length > 1 || selfLoop) components.push(component);
      }
    }
  }

  const rank = new Map(order.map((node, position) => [node, position]));
  return components
    .map((component) => {
      const members = new Set(component);
      const start = component.reduce((a, b) => (rank.get(a)! <= rank.get(b)! ? a : b));
      return [start, ...pathWithin(start, start, members, next)];
    })
    .sort((a, b) => rank.get(a[0]!)! - rank.get(b[0]!)!);
}

/** Shortest path (breadth first) from `from` to `to` inside `members`, excluding `from`. */
function pathWithin(
  from: string,
  to: string,
  members: ReadonlySet<string>,
  next: (node: string) => string[],
): string[] {
  const previous = new Map<string, string>();
  const queue = [from];
  for (let head = 0; head < queue.length; head++) {
    const node = queue[head]!;
    for (const target of next(node)) {
      if (!members.has(target)) continue;
      if (target === to) {
        const path = [to];
        for (let step = node; step !== from; step = previous.get(step)!) path.unshift(step);
        return path;
      }
      if (!previous.has(target)) {
        previous.set(target, node);
        queue.push(target);
      }
    }
  }
  return [to];
}
