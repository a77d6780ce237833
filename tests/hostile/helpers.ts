import { main } from '../../src/cli/main.ts';
import { chapter, documentYaml, makeProject } from '../helpers/project.ts';

/** Run the CLI in-process and capture what it prints. */
export async function run(argv: string[], env: Record<string, string> = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const saved = Object.fromEntries(Object.keys(env).map((key) => [key, process.env[key]]));
  Object.assign(process.env, env);
  try {
    const code = await main(argv, { info: (t) => out.push(t), error: (t) => err.push(t) });
    return { code, out: out.join('\n'), err: err.join('\n') };
  } finally {
    for (const [key, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
  }
}

/** A valid one-document project; `body` is the chapter's Markdown, `files` adds or replaces files. */
export function hostileProject(
  body: string,
  files: Record<string, string | Uint8Array> = {},
): Promise<string> {
  return makeProject({
    'chapters/doc/document.yaml': documentYaml(),
    'chapters/doc/01-intro.md': chapter('Intro', body),
    ...files,
  });
}
