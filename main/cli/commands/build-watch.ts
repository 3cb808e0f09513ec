/**
 * `tandem build --watch`: after the first build, builds again each time library files change
 * (a save in an editor, a Git pull, a co-trainer on the shared drive), in the same process, so
 * each rebuild takes over what the last one read and rendered. Changes during a build are
 * gathered and built once it ends. Runs until stopped with Ctrl+C (or SIGTERM).
 */
import { OwnWrites } from '../../api/own-writes.js';
import { watchLibrary } from '../../api/watch-library.js';
import type { BuildSession } from '../../publish/build.js';
import { printable } from '../printable.js';
import { writeErr, writeOut } from '../output.js';
import { findingLines } from './build.js';

export interface WatchTarget {
  /** Absolute path of the library. */
  root: string;
  /** The library as the command line named it, for messages. */
  label: string;
  /** The output folder, never watched (it may be inside the library). */
  outDir: string;
}

/** "18:04:09": when a rebuild finished, in local time. */
const clock = (date: Date): string => date.toTimeString().slice(0, 8);

/** "course-a/course.md", or "3 files" for more than a few. */
function describeChanges(files: readonly string[]): string {
  if (files.length <= 3) return files.map((file) => printable(file)).join(', ');
  return `${files.length.toLocaleString('en-GB')} files`;
}

/** Watches `target` and rebuilds with `session` on every change; resolves with 0 when stopped. */
export async function watchBuilds(session: BuildSession, target: WatchTarget): Promise<number> {
  const changed = new Set<string>();
  let building: Promise<void> | undefined;

  const rebuild = async (): Promise<void> => {
    while (changed.size > 0) {
      const files = [...changed].sort();
      changed.clear();
      const started = performance.now();
      let summary = '';
      const result = await session
        .build((p) => {
          if (p.phase === 'done') summary = p.message;
        })
        .catch((error: unknown) => {
          // A build reports bad input in its result; anything thrown is Tandem's own failure.
          // Watching goes on, and changes that came in meanwhile are built next.
          writeErr(`tandem build: the rebuild failed: ${String(error)}\n`);
          return undefined;
        });
      if (!result) continue;
      const took = ((performance.now() - started) / 1000).toFixed(2);
      const outcome = result.ok ? `Rebuilt in ${took} s` : `Build failed after ${took} s`;
      const lines = [
        `${clock(new Date())}  ${outcome} after changes to ${describeChanges(files)}${summary && result.ok ? `: ${summary}` : ''}`,
        ...findingLines(result, target.root, true),
      ];
      writeOut(`${lines.join('\n')}\n`);
    }
  };

  const watcher = watchLibrary({
    root: target.root,
    ownWrites: new OwnWrites(),
    ignoredFolders: [target.outDir],
    emit: (event) => {
      if (event.type !== 'library-changed') return;
      for (const file of event.files) changed.add(file);
      building ??= rebuild()
        .catch((error: unknown) => writeErr(`tandem build: watching failed: ${String(error)}\n`))
        .finally(() => {
          building = undefined;
        });
    },
    onError: (error) => writeErr(`tandem build: watching goes on after: ${String(error)}\n`),
  });
  await watcher.ready;
  writeErr(`Watching ${printable(target.label)} for changes; press Ctrl+C to stop.\n`);
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  await watcher.close();
  await building;
  return 0;
}
