/**
 * The layers of main/: each import direction the rule forbids is refused with a message naming
 * both layers, and each one it allows passes (`npm run lint` holds the tree itself to them).
 * The rule reads paths against the working folder, which vitest sets to the repository.
 */
import path from 'node:path';
import { RuleTester } from 'eslint';
import tseslint from 'typescript-eslint';
import { describe, it } from 'vitest';
import local from '../../eslint-plugin-local/code-layering.js';
import { layering } from '../../eslint-plugin-local/layers.js';
import { repoRoot } from '../support/temp-library.js';

RuleTester.describe = describe;
RuleTester.it = it;
RuleTester.itOnly = it.only;

const rule = local.rules['code-layering'];
const options = [layering];

const tester = new RuleTester({ languageOptions: { parser: tseslint.parser } });

/** A file of the tree, as ESLint names it. */
const at = (relative: string) => path.join(repoRoot, relative);

function valid(file: string, code: string) {
  return { filename: at(file), code, options };
}

function invalid(file: string, code: string, messageId: string, message?: RegExp) {
  return {
    filename: at(file),
    code,
    options,
    // RuleTester takes the message id or the message's text, not both.
    errors: [message ? { message } : { messageId }],
  };
}

tester.run('code-layering', rule, {
  valid: [
    valid('main/library/load-library.ts', "import { a } from '../format/ids.js';"),
    valid('main/library/load-library.ts', "import { a } from '../fs/write-file-atomic.js';"),
    valid('main/library/load-library.ts', "import { a } from '../planning/check-planning.js';"),
    valid('main/planning/check-planning.ts', "import { a } from '../library/types.js';"),
    valid('main/signoff/sign-course.ts', "import { a } from '../library/types.js';"),
    valid('main/publish/build.ts', "import { a } from '../signoff/course-status.js';"),
    valid('main/sync/sync-library.ts', "import { a } from '../signoff/types.js';"),
    valid('main/api/handlers/x.ts', "import { a } from '../../publish/build.js';"),
    valid('main/api/handlers/x.ts', "import { a } from '../own-writes.js';"),
    valid('main/cli/commands/serve.ts', "import { a } from '../../server/start-server.js';"),
    valid('main/electron/main.ts', "import { a } from '../api/dispatch.js';"),
    valid('main/format/ids.ts', "import { a } from './problems.js';"),
    valid('renderer/screens/X.tsx', "import type { TandemApi } from '../../main/api/contract.js';"),
    valid('renderer/screens/X.tsx', "import { type TandemApi } from '../../main/api/contract.js';"),
    valid('renderer/screens/X.tsx', "import { joinWithAnd } from '../../main/format/wording.js';"),
    valid('renderer/App.tsx', "import { x } from './screens/X.js';"),
    // The calling side of the API is pure, so the UI wraps its transport with it.
    valid('renderer/api.ts', "import { withApiCallErrors } from '../main/api/api-client.js';"),
    valid('tests/library/x.test.ts', "import { a } from '../../main/api/dispatch.js';"),
  ],
  invalid: [
    invalid(
      'main/format/ids.ts',
      "import { a } from '../library/types.js';",
      'upward',
      /^main\/format may not import main\/library: library sits above format\. format may use itself; library may be used by language, signoff, publish, sync, api, server, electron and cli\.$/,
    ),
    invalid(
      'main/format/ids.ts',
      "import path from 'node:path';",
      'pureNode',
      /may not import Node code/,
    ),
    invalid('main/format/ids.ts', "import { readFile } from 'fs';", 'pureNode'),
    invalid('main/fs/write-file-atomic.ts', "import { a } from '../library/types.js';", 'upward'),
    invalid(
      'main/library/load-trainers.ts',
      "import { a } from '../signoff/public-key-line.js';",
      'upward',
      /^main\/library may not import main\/signoff: signoff sits above library\. library may use format, fs and itself;/,
    ),
    invalid('main/planning/copy-term.ts', "import type { A } from '../api/contract.js';", 'upward'),
    invalid('main/library/load-library.ts', "import { a } from '../sync/x.js';", 'upward'),
    invalid('main/signoff/x.ts', "import { a } from '../publish/types.js';", 'upward'),
    invalid(
      'main/publish/build.ts',
      "import { a } from '../sync/sync-library.js';",
      'sideways',
      /publish and sync sit side by side/,
    ),
    invalid('main/sync/x.ts', "export { a } from '../publish/build.js';", 'sideways'),
    invalid('main/publish/build.ts', "export * from '../api/dispatch.js';", 'upward'),
    invalid('main/publish/pdf/x.ts', "const m = import('../../api/dispatch.js');", 'upward'),
    invalid('main/api/dispatch.ts', "import { a } from '../server/start-server.js';", 'upward'),
    invalid('main/server/start-server.ts', "import { a } from '../cli/output.js';", 'upward'),
    invalid('main/electron/main.ts', "import { a } from '../cli/output.js';", 'sideways'),
    invalid('main/cli/main.ts', "import { a } from '../electron/menu.js';", 'sideways'),
    invalid('main/library/x.ts', "import { a } from '../newlayer/x.js';", 'unlayered'),
    invalid('main/api/x.ts', "import { a } from '../../renderer/App.js';", 'mainRenderer'),
    invalid(
      'renderer/screens/X.tsx',
      "import { loadLibrary } from '../../main/library/load-library.js';",
      'rendererMain',
      /main\/format and main\/api\/contract/,
    ),
    invalid(
      'renderer/screens/X.tsx',
      "import { API_METHODS } from '../../main/api/contract.js';",
      'rendererValue',
    ),
    invalid(
      'renderer/screens/X.tsx',
      "import { dispatch } from '../../main/api/dispatch.js';",
      'rendererMain',
    ),
  ],
});
