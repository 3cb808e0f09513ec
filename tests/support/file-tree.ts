/** Every file under a folder with its bytes, for tests that must prove nothing else changed. */
import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';

/** Each file under `dir` (forward-slash relative path) with its bytes as hex. */
export async function fileTree(dir: string): Promise<Record<string, string>> {
  const files: Record<string, string> = {};
  const walk = async (relative: string): Promise<void> => {
    for (const entry of await readdir(path.join(dir, relative), { withFileTypes: true })) {
      const child = relative ? `${relative}/${entry.name}` : entry.name;
      if (entry.isDirectory()) await walk(child);
      else files[child] = (await readFile(path.join(dir, child))).toString('hex');
    }
  };
  await walk('');
  return files;
}
