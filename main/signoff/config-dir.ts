/**
 * Where this person's own Tandem settings and private keys live: the OS app-data folder,
 * never the (shared) library.
 */
import { homedir } from 'node:os';
import path from 'node:path';

/** Optional overrides, mainly for tests; defaults come from the running process. */
export interface ConfigDirOptions {
  /** Use this folder instead of working one out. */
  configDir?: string;
  env?: NodeJS.ProcessEnv;
  platform?: NodeJS.Platform;
  home?: string;
}

/**
 * `TANDEM_CONFIG_DIR` when set; otherwise `%APPDATA%\Tandem` on Windows,
 * `~/Library/Application Support/Tandem` on macOS, `$XDG_CONFIG_HOME/tandem` or
 * `~/.config/tandem` elsewhere.
 */
export function tandemConfigDir(options: ConfigDirOptions = {}): string {
  if (options.configDir) return path.resolve(options.configDir);
  const env = options.env ?? process.env;
  const platform = options.platform ?? process.platform;
  const home = options.home ?? homedir();
  if (env.TANDEM_CONFIG_DIR) return path.resolve(env.TANDEM_CONFIG_DIR);
  if (platform === 'win32') {
    return path.win32.join(env.APPDATA ?? path.win32.join(home, 'AppData', 'Roaming'), 'Tandem');
  }
  if (platform === 'darwin')
    return path.posix.join(home, 'Library', 'Application Support', 'Tandem');
  const xdg = env.XDG_CONFIG_HOME;
  // The XDG spec says a relative XDG_CONFIG_HOME is invalid and must be ignored.
  const base = xdg && path.isAbsolute(xdg) ? xdg : path.join(home, '.config');
  return path.join(base, 'tandem');
}
