/**
 * Tells the UI when library files change on disk by someone else (a co-trainer on the shared
 * drive, a Git pull, a text editor). The app's own writes, its private `.tandem/` folder and
 * temporary files are ignored; bursts of changes are reported once, after things settle.
 */
import path from 'node:path';
import { watch, type FSWatcher } from 'chokidar';
import type { TandemEvent } from './contract.js';
import { isInside } from '../fs/resolve-inside.js';
import type { OwnWrites } from './own-writes.js';
import { LOCK_FILE_PATTERN, TEMP_FILE_PATTERN } from '../fs/write-file-atomic.js';
import { REORDER_SUFFIX } from './handlers/reorder-journal.js';

export interface WatchOptions {
  root: string;
  ownWrites: OwnWrites;
  emit: (event: TandemEvent) => void;
  /** Quiet time before a burst of changes is reported. */
  debounceMs?: number;
  /** Hears errors the watcher carries on after (for logs); they are never fatal. */
  onError?: (error: unknown) => void;
  /** Folders inside the library never reported either (a build's output folder). */
  ignoredFolders?: string[];
}

export interface LibraryWatcher {
  /** Resolves once the initial scan is done and changes are being watched. */
  ready: Promise<void>;
  close(): Promise<void>;
}

/** True for paths the watcher never reports (relative to the library, forward slashes). */
export function isIgnoredPath(relative: string): boolean {
  const parts = relative.split('/');
  const name = parts[parts.length - 1] ?? '';
  return (
    parts.some((part) => part === '.tandem' || part === '.git' || part === 'node_modules') ||
    TEMP_FILE_PATTERN.test(name) ||
    LOCK_FILE_PATTERN.test(name) ||
    name.endsWith(REORDER_SUFFIX) ||
    name === '.DS_Store' ||
    name.endsWith('~')
  );
}

/** Starts watching `root`; call `close()` when the library is closed. */
export function watchLibrary(options: WatchOptions): LibraryWatcher {
  const root = path.resolve(options.root);
  const relativeOf = (file: string): string => path.relative(root, file).split(path.sep).join('/');
  const ignoredFolders = (options.ignoredFolders ?? []).map((dir) => path.resolve(dir));
  const inIgnoredFolder = (file: string): boolean =>
    ignoredFolders.some((dir) => isInside(dir, path.resolve(file)));
  const watcher: FSWatcher = watch(root, {
    ignoreInitial: true,
    ignored: (file) => {
      const relative = relativeOf(file);
      return relative !== '' && (isIgnoredPath(relative) || inIgnoredFolder(file));
    },
    depth: 6,
    // The library is untrusted: a link in it to a folder elsewhere is reported, never walked.
    followSymlinks: false,
  });
  const pending = new Set<string>();
  let timer: NodeJS.Timeout | undefined;
  let closed = false;

  const flush = async (): Promise<void> => {
    timer = undefined;
    const files = [...pending];
    pending.clear();
    const foreign: string[] = [];
    for (const file of files) {
      // A path that cannot be checked is reported: a needless reload loses nothing.
      const own = await options.ownWrites.isOwn(file).catch(() => false);
      if (!own) foreign.push(relativeOf(file));
    }
    if (foreign.length > 0 && !closed) {
      options.emit({ type: 'library-changed', files: foreign.sort() });
    }
  };

  // Chokidar reports folders it can no longer read (removed mid-scan, permissions) as errors;
  // without a listener Node would end the process. The watch goes on for everything else.
  watcher.on('error', (error) => options.onError?.(error));

  watcher.on('all', (_event, file) => {
    pending.add(path.resolve(file));
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => void flush().catch(options.onError), options.debounceMs ?? 250);
  });

  const ready = new Promise<void>((resolve) => watcher.once('ready', () => resolve()));
  return {
    ready,
    async close() {
      closed = true;
      if (timer) clearTimeout(timer);
      await watcher.close();
    },
  };
}
