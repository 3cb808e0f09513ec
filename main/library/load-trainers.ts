/** Loads trainers.yml: every peer and practitioner trainer, with their sign-off keys. */
import { keyFingerprint, parsePublicKeyLine } from './public-key-line.js';
import { dateProblem } from './check-dates.js';
import { problemAt } from './problem-at.js';
import { LibraryFiles } from './read-library-file.js';
import { readCheckedYaml, type LoadedYamlFile } from './read-checked-yaml.js';
import type { YamlSource } from './read-yaml-file.js';
import { trainersSchema } from './schemas.js';
import type { Problem, Trainer } from './types.js';

export interface LoadedTrainers extends LoadedYamlFile {
  trainers: Trainer[] | undefined;
}

export const trainersFile = 'trainers.yml';

const missing =
  'trainers.yml is missing; every library needs one listing its peer and practitioner trainers';

/** Reads and validates trainers.yml; `trainers` is undefined when the file cannot be used. */
export async function loadTrainers(from: string | LibraryFiles): Promise<LoadedTrainers> {
  const parsed = await readCheckedYaml(
    LibraryFiles.of(from),
    trainersFile,
    missing,
    trainersSchema,
  );
  const { problems } = parsed;
  if (!parsed.value) return { trainers: undefined, source: parsed.source, problems };

  const trainers = parsed.value.map((trainer, t): Trainer => {
    const keys = (trainer.keys ?? []).map((key, k) => {
      // A mistyped key would otherwise just never verify, leaving people puzzled at "awaiting".
      try {
        parsePublicKeyLine(key.publicKey);
      } catch (error) {
        problems.push(
          problemAt(
            parsed.source,
            [t, 'keys', k, 'publicKey'],
            'invalid-public-key',
            // parsePublicKeyLine throws only Error objects with plain-words messages.
            `${(error as Error).message}; copy the whole line that \`tandem keys create\` printed`,
          ),
        );
      }
      for (const field of ['added', 'revoked'] as const) {
        const value = key[field];
        const problem =
          value === undefined
            ? undefined
            : dateProblem(parsed.source, [t, 'keys', k, field], value);
        if (problem) problems.push(problem);
      }
      return {
        publicKey: key.publicKey,
        ...(key.added !== undefined && { added: key.added }),
        ...(key.revoked !== undefined && { revoked: key.revoked }),
      };
    });
    return { id: trainer.id, name: trainer.name, role: trainer.role, keys };
  });
  problems.push(...sharedKeyProblems(trainers, parsed.source));
  return { trainers, source: parsed.source, problems };
}

/**
 * A key belongs to one trainer only: a key listed for two trainers would let one person sign
 * off a course as both its peer and its practitioner author. Reported at every listing.
 */
function sharedKeyProblems(trainers: readonly Trainer[], source: YamlSource): Problem[] {
  const owners = new Map<string, { trainer: number; key: number }[]>();
  trainers.forEach((trainer, t) =>
    trainer.keys.forEach((key, k) => {
      const print = keyFingerprint(key.publicKey);
      if (print !== undefined)
        owners.set(print, [...(owners.get(print) ?? []), { trainer: t, key: k }]);
    }),
  );
  const problems: Problem[] = [];
  for (const listed of owners.values()) {
    const ids = new Set(listed.map((l) => trainers[l.trainer]?.id));
    if (ids.size < 2) continue;
    for (const { trainer: t, key: k } of listed) {
      const others = [...ids].filter((id) => id !== trainers[t]?.id);
      problems.push(
        problemAt(
          source,
          [t, 'keys', k, 'publicKey'],
          'shared-public-key',
          `this key is also listed for ${others.join(', ')}; a key belongs to one trainer only, so that one person cannot sign off as two authors: each trainer makes their own key with tandem keys create`,
        ),
      );
    }
  }
  return problems;
}
