/** A parsed semantic version (build metadata is not allowed in release versions). */
interface Parsed {
  core: [number, number, number];
  pre: string[];
}

const pattern = /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-([0-9A-Za-z.-]+))?$/;

/** Whether `version` is a semantic version such as `1.0.0` or `1.1.0-rc.1`. */
export function isSemver(version: string): boolean {
  return pattern.test(version);
}

function parse(version: string): Parsed {
  const match = pattern.exec(version);
  if (!match) throw new Error(`\`${version}\` is not a semantic version`);
  return {
    core: [Number(match[1]), Number(match[2]), Number(match[3])],
    pre: match[4] ? match[4].split('.') : [],
  };
}

/**
 * Compare two semantic versions by semver precedence: negative when `a` comes before `b`,
 * positive after, 0 when equal. A pre-release comes before its release (`1.0.0-rc.1` < `1.0.0`).
 */
export function compareVersions(a: string, b: string): number {
  const x = parse(a);
  const y = parse(b);
  for (let i = 0; i < 3; i++) if (x.core[i] !== y.core[i]) return x.core[i]! - y.core[i]!;
  if (x.pre.length === 0 || y.pre.length === 0) return y.pre.length - x.pre.length;
  for (let i = 0; i < Math.max(x.pre.length, y.pre.length); i++) {
    const p = x.pre[i];
    const q = y.pre[i];
    if (p === undefined) return -1;
    if (q === undefined) return 1;
    if (p === q) continue;
    const pn = /^\d+$/.test(p);
    const qn = /^\d+$/.test(q);
    if (pn && qn) return Number(p) - Number(q);
    if (pn !== qn) return pn ? -1 : 1;
    return p < q ? -1 : 1;
  }
  return 0;
}
