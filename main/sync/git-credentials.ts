/**
 * Where a sync's sign-in comes from, tried in turn: credentials in the library's address (as
 * git accepts them, handled by the engine), a token given to Tandem (TANDEM_GIT_TOKEN, or the
 * desktop app's stored token), then git's own credential helpers when git is installed.
 */
import { spawn } from 'node:child_process';
import type { GitAuthHooks } from './git-engine.js';

interface Credentials {
  username: string;
  password: string;
}

export interface CredentialOptions {
  /** A token the app holds (desktop: stored with safeStorage). */
  token?: string;
  env?: NodeJS.ProcessEnv;
  /** False to skip `git credential fill` (e.g. in tests that check the other sources). */
  useGitHelpers?: boolean;
}

/** Asks git's credential helpers without ever prompting; undefined when git or a helper is absent. */
export function askGitCredentialHelper(
  url: string,
  env: NodeJS.ProcessEnv,
): Promise<Credentials | undefined> {
  const address = new URL(url);
  const query =
    `protocol=${address.protocol.replace(/:$/, '')}\nhost=${address.host}\n` +
    `path=${address.pathname.replace(/^\//, '')}\n\n`;
  return new Promise((resolve) => {
    const child = spawn('git', ['credential', 'fill'], {
      env: { ...env, GIT_TERMINAL_PROMPT: '0', GIT_ASKPASS: '', SSH_ASKPASS: '' },
      stdio: ['pipe', 'pipe', 'ignore'],
      timeout: 15_000,
    });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString('utf8')));
    child.on('error', () => resolve(undefined));
    child.on('close', (code) => {
      if (code !== 0) return resolve(undefined);
      const fields = new Map(
        out
          .split('\n')
          .map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]),
      );
      const username = fields.get('username');
      const password = fields.get('password');
      resolve(username && password ? { username, password } : undefined);
    });
    child.stdin.end(query);
  });
}

/** The engine's sign-in hooks: each source is offered once; when all are refused, the sync stops. */
export function credentialHooks(options: CredentialOptions = {}): GitAuthHooks {
  const env = options.env ?? process.env;
  const username = env.TANDEM_GIT_USERNAME || 'tandem';
  const sources: ((url: string) => Promise<Credentials | undefined>)[] = [];
  const envToken = env.TANDEM_GIT_TOKEN;
  if (envToken) sources.push(async () => ({ username, password: envToken }));
  const token = options.token;
  if (token) sources.push(async () => ({ username, password: token }));
  if (options.useGitHelpers !== false) sources.push((url) => askGitCredentialHelper(url, env));
  let next = 0;
  const offer = async (url: string): Promise<Credentials | undefined> => {
    while (next < sources.length) {
      const found = await sources[next++]?.(url);
      if (found) return found;
    }
    return undefined;
  };
  return { onAuth: offer, onAuthFailure: offer };
}
