/**
 * `tandem` command line: each command lives in its own module under ./commands and registers
 * itself on the program here.
 */
import { Command } from 'commander';

const program = new Command()
  .name('tandem')
  .description('Write co-produced Recovery College courses and publish the prospectus.')
  .version('0.1.0')
  .showHelpAfterError();

// Commands register here, one line each:

await program.parseAsync(process.argv);
