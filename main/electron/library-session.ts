/**
 * The library open in the desktop app: its handlers and its watcher. Opening another library
 * (File → Open Library…) swaps both; until one is open, every operation but choosing a library
 * and the identity answers with a plain "open a library" message.
 */
import { stat } from 'node:fs/promises';
import path from 'node:path';
import type { ApiMethod, TandemEvent } from '../api/contract.js';
import { TandemApiError } from '../api/api-error.js';
import { createApiHandlers, type ApiHandlers } from '../api/handlers/create-api-handlers.js';
import type { ApiOptions } from '../api/handlers/api-context.js';
import { OwnWrites } from '../api/own-writes.js';
import { watchLibrary, type LibraryWatcher } from '../api/watch-library.js';
import { finishInterruptedReorders } from '../api/handlers/reorder-journal.js';
import { recoverRename } from '../api/handlers/rename-journal.js';
import { API_METHODS } from '../api/contract.js';
import { joinLibrary } from '../sync/join-library.js';

export interface SessionOptions {
  emit: (event: TandemEvent) => void;
  /** Shows the folder picker; returns the chosen folder or null. */
  pickFolder: () => Promise<string | null>;
  reveal: (absolutePath: string) => Promise<boolean>;
  /** Called after a library was opened, to remember it. */
  onOpened?: (root: string) => void;
  configDir?: string;
  /** The stored Git host token for the library at `root`, if any. */
  gitToken?: (root: string) => Promise<string | undefined>;
  /** Keeps a token the person gave while joining a shared library. */
  saveGitToken?: (address: string, token: string) => Promise<void>;
}

/** Methods that work without an open library. */
const WITHOUT_LIBRARY: readonly ApiMethod[] = ['chooseLibrary', 'getIdentity', 'joinSharedLibrary'];

/** Throws unless `root` looks like a library (has college.yml). */
export async function checkLibraryFolder(root: string): Promise<void> {
  const info = await stat(path.join(root, 'college.yml')).catch(() => undefined);
  if (!info?.isFile()) {
    throw new TandemApiError(
      'not-found',
      `${root} is not a Tandem library: it has no college.yml. Choose the folder that holds college.yml and the course folders.`,
    );
  }
}

export class LibrarySession {
  #handlers: ApiHandlers;
  #watcher: LibraryWatcher | undefined;
  #root: string | undefined;
  readonly #options: SessionOptions;

  constructor(options: SessionOptions) {
    this.#options = options;
    this.#handlers = this.#noLibraryHandlers();
  }

  /** The folder open now, if any. */
  get root(): string | undefined {
    return this.#root;
  }

  /** The handlers for the library open now (used by the IPC layer on every call). */
  handlers(): ApiHandlers {
    return this.#handlers;
  }

  /** Opens `root`: new handlers and a new watcher; the old watcher is closed. */
  async open(root: string): Promise<void> {
    const resolved = path.resolve(root);
    await checkLibraryFolder(resolved);
    await this.#watcher?.close();
    const ownWrites = new OwnWrites();
    await finishInterruptedReorders(resolved, ownWrites);
    await recoverRename(resolved, ownWrites);
    const apiOptions: ApiOptions = {
      root: resolved,
      configDir: this.#options.configDir,
      emit: this.#options.emit,
      ownWrites,
      reveal: this.#options.reveal,
      chooseFolder: () => this.#choose(),
      joinLibrary: (address, token) => this.#join(address, token),
      gitToken: async () => this.#options.gitToken?.(resolved),
    };
    this.#handlers = createApiHandlers(apiOptions).handlers;
    this.#watcher = watchLibrary({ root: resolved, ownWrites, emit: this.#options.emit });
    this.#root = resolved;
    this.#options.onOpened?.(resolved);
  }

  async close(): Promise<void> {
    await this.#watcher?.close();
    this.#watcher = undefined;
  }

  async #choose(): Promise<string | null> {
    const chosen = await this.#options.pickFolder();
    if (chosen === null) return null;
    await this.open(chosen);
    return path.resolve(chosen);
  }

  /** Copies a shared library into a folder the person picks, keeps the token, opens it. */
  async #join(address: string, token?: string): Promise<string | null> {
    const parent = await this.#options.pickFolder();
    if (parent === null) return null;
    let root: string;
    try {
      root = await joinLibrary(address, parent, token);
    } catch (error) {
      throw new TandemApiError('failed', (error as Error).message); // cast: thrown values here are Errors
    }
    if (token) await this.#options.saveGitToken?.(address, token);
    await this.open(root);
    return root;
  }

  #noLibraryHandlers(): ApiHandlers {
    const { handlers } = createApiHandlers({
      root: path.resolve('.'),
      configDir: this.#options.configDir,
      emit: this.#options.emit,
      chooseFolder: () => this.#choose(),
      joinLibrary: (address, token) => this.#join(address, token),
    });
    const closed: Partial<Record<ApiMethod, unknown>> = {};
    for (const method of API_METHODS) {
      closed[method] = WITHOUT_LIBRARY.includes(method)
        ? handlers[method]
        : () =>
            Promise.reject(
              new TandemApiError(
                'not-found',
                'No library is open. Choose one with File → Open Library….',
              ),
            );
    }
    return closed as ApiHandlers; // cast: every method of API_METHODS was filled in above
  }
}
