/** Keeps the side of a conflict someone did not choose in the library's recovered-text store. */
import { tandem } from '../api.js';
import type { SetAside } from '../hooks/useSavedDocument.js';

const SET_ASIDE_REASONS: Record<SetAside<unknown>['whose'], string> = {
  mine: 'Your version, kept when you chose the version on disk',
  theirs: 'The version that was on disk, kept when you chose yours',
  unsaved: 'Unsaved text, kept when you chose to discard it',
  left: 'Unsaved text, kept when it could not be saved as you moved on (its file had moved, gone or changed)',
};

/** Said to people once a side is kept. */
export const RECOVERED_NOTE = 'The version you did not choose is kept under “Recovered text”.';

/** Shown once unsaved text of `what` ("the module “Breathing”") is kept as its file is left. */
export const keptOnLeavingNote = (what: string): string =>
  `Your unsaved changes to ${what} could not be saved there, so they are kept under “Recovered text”.`;

/** Keeps `side` of `file` (library-relative), named `what` for people. */
export async function keepAside<T>(
  file: string,
  what: string,
  side: SetAside<T>,
  asText: (value: T) => string,
): Promise<void> {
  await tandem().keepRecoveredText({
    file,
    what,
    reason: SET_ASIDE_REASONS[side.whose],
    text: side.whose === 'theirs' ? side.text : asText(side.value),
  });
}
