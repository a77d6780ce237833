/**
 * A typed name for what an extension hands the site: the extension declares its key, the
 * pages read the data through it, and neither side casts. The data itself stays plain
 * (serialisable, as Astro's content store needs), under the key's name.
 *
 * @typeParam T the data's type (only the compiler sees it).
 */
export interface DataKey<T> {
  readonly name: string;
  /** Never set: carries `T` for the compiler. */
  readonly type?: T;
}

/** Make the key of an extension's data. */
export function dataKey<T>(name: string): DataKey<T> {
  return { name };
}

/** Anything that carries extension data by name: an assembled document, or the site's copy. */
export interface WithExtensionData {
  readonly extensions: Readonly<Record<string, unknown>>;
}

/** The data an extension stored under `key`, or undefined when it stored none. */
export function dataOf<T>(holder: WithExtensionData, key: DataKey<T>): T | undefined {
  // The only place the type is restored: values are written under `key.name` only by the
  // assembler, from the extension that declares `key` (see assemble-project.ts).
  return holder.extensions[key.name] as T | undefined;
}
