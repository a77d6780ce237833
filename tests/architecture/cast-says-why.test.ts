import { RuleTester } from 'eslint';
import tseslint from 'typescript-eslint';
import { afterAll, describe, it } from 'vitest';
import { castSaysWhy } from '../../scripts/eslint/cast-says-why.js';

// RuleTester runs its cases through the test framework's functions when it is given them.
Object.assign(RuleTester, { afterAll, describe, it });

const tester = new RuleTester({ languageOptions: { parser: tseslint.parser } });

tester.run('srida/cast-says-why', castSaysWhy, {
  valid: [
    'const a = b as string;',
    'const a = b as unknown;',
    '// Safe: the parser gives a tree here.\nconst a = b as unknown as Tree;',
    'const a = f(\n  // the library types this too narrowly\n  x as never,\n);',
  ],
  invalid: [
    { code: 'const a = b as never;', errors: [{ messageId: 'why' }] },
    { code: 'const a = b as any;', errors: [{ messageId: 'why' }] },
    { code: 'const a = b as unknown as Tree;', errors: [{ messageId: 'why' }] },
    {
      code: '// an old comment\n\n\n\nconst a = b as unknown as Tree;',
      errors: [{ messageId: 'why' }],
    },
  ],
});
