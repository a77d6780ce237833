import semver from 'semver';

/**
 * Release versions, through the `semver` package. A release version is a plain semantic
 * version such as `1.0.0` or `1.1.0-rc.1`: build metadata (`+…`) marks working drafts
 * (docs/releases.md) and is never a release's, and `v1.0.0` or loose forms are refused.
 */
export function isSemver(version: string): boolean {
  return semver.valid(version) === version && !version.includes('+');
}

/**
 * Compare two semantic versions by semver precedence: negative when `a` comes before `b`,
 * positive after, 0 when equal. A pre-release comes before its release (`1.0.0-rc.1` < `1.0.0`).
 */
export function compareVersions(a: string, b: string): number {
  for (const version of [a, b])
    if (!isSemver(version)) throw new Error(`\`${version}\` is not a semantic version`);
  return semver.compare(a, b);
}
