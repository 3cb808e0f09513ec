/**
 * `tandem` command line: each command lives in its own module under ./commands and registers
 * itself on the program here.
 */
import { Command } from 'commander';
import { registerBuild } from './commands/build.js';
import { registerCheck } from './commands/check.js';
import { registerDiff } from './commands/diff.js';
import { registerInit } from './commands/init.js';
import { registerKeys } from './commands/keys.js';
import { registerServe } from './commands/serve.js';
import { registerSignoff } from './commands/signoff.js';
import { registerStatus } from './commands/status.js';
import { registerTerm } from './commands/term.js';
import { registerSync } from './commands/sync.js';
import { toleratePipesClosedEarly } from './output.js';

toleratePipesClosedEarly();

const program = new Command()
  .name('tandem')
  .description('Write co-produced Recovery College courses and publish the prospectus.')
  .version('0.1.0')
  .showHelpAfterError();

// Commands register here, one line each:
registerCheck(program);
registerServe(program);
registerKeys(program);
registerSignoff(program);
registerStatus(program);
registerDiff(program);
registerBuild(program);
registerTerm(program);
registerSync(program);
registerInit(program);

await program.parseAsync(process.argv);
