/**
 * This person's app settings: the last library they opened and where the window was. Kept as
 * JSON in Electron's userData folder, written atomically; a broken file means defaults.
 */
import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { writeFileAtomic } from '../fs/write-file-atomic.js';

const boundsSchema = z.object({
  x: z.number().int(),
  y: z.number().int(),
  width: z.number().int().min(200).max(20_000),
  height: z.number().int().min(200).max(20_000),
});

const settingsSchema = z.object({
  lastLibrary: z.string().min(1).optional(),
  windowBounds: boundsSchema.optional(),
  maximized: z.boolean().optional(),
});

export type Settings = z.infer<typeof settingsSchema>;

/** Reads settings; anything missing or invalid gives the defaults rather than an error. */
export async function loadSettings(userDataDir: string): Promise<Settings> {
  try {
    const parsed = settingsSchema.safeParse(
      JSON.parse(await readFile(path.join(userDataDir, 'settings.json'), 'utf8')),
    );
    return parsed.success ? parsed.data : {};
  } catch {
    return {};
  }
}

/** Saves settings atomically (a crash never leaves a half-written file). */
export async function saveSettings(userDataDir: string, settings: Settings): Promise<void> {
  const checked = settingsSchema.parse(settings);
  await mkdir(userDataDir, { recursive: true });
  await writeFileAtomic(
    path.join(userDataDir, 'settings.json'),
    `${JSON.stringify(checked, null, 2)}\n`,
    { mode: 0o600 },
  );
}

/** True when the remembered bounds still overlap one of the screens (monitors change). */
export function boundsAreVisible(
  bounds: { x: number; y: number; width: number; height: number },
  screens: { x: number; y: number; width: number; height: number }[],
): boolean {
  return screens.some(
    (s) =>
      bounds.x < s.x + s.width - 50 &&
      bounds.x + bounds.width > s.x + 50 &&
      bounds.y < s.y + s.height - 50 &&
      bounds.y + bounds.height > s.y + 50,
  );
}
