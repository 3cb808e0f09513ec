/** Choose a course's authors from the trainers list, with each trainer's role shown. */
import { useId } from 'react';
import type { TrainerSummary } from '../../main/api/contract.js';
import { roleHeading } from '../../main/format/wording.js';

export interface AuthorPickerProps {
  trainers: TrainerSummary[];
  selected: string[];
  onChange(selected: string[]): void;
  /** Shown under the list when the choice is not yet enough. */
  problem?: string;
  /** Defaults to the course authors' wording. */
  legend?: string;
  hint?: string;
}

/** Two groups of checkboxes, peer trainers and practitioner trainers. */
export function AuthorPicker({
  trainers,
  selected,
  onChange,
  problem,
  legend = 'Authors',
  hint = 'Every course is written by at least one peer trainer and one practitioner trainer.',
}: AuthorPickerProps) {
  const problemId = useId();
  const toggle = (id: string, on: boolean) =>
    onChange(on ? [...selected, id] : selected.filter((s) => s !== id));
  return (
    <fieldset
      className="field author-picker"
      aria-describedby={problem ? problemId : undefined}
      aria-invalid={problem ? true : undefined}
    >
      <legend>{legend}</legend>
      <p className="hint">{hint}</p>
      <div className="author-picker__groups">
        {(['peer', 'practitioner'] as const).map((role) => (
          <fieldset key={role} className="author-picker__group">
            <legend className="author-picker__heading">{roleHeading(role)}</legend>
            <ul>
              {trainers
                .filter((t) => t.role === role)
                .map((t) => (
                  <li key={t.id}>
                    <label className="check">
                      <input
                        type="checkbox"
                        checked={selected.includes(t.id)}
                        onChange={(event) => toggle(t.id, event.target.checked)}
                      />
                      <span>{t.name}</span>
                    </label>
                  </li>
                ))}
            </ul>
          </fieldset>
        ))}
      </div>
      {problem && (
        <p id={problemId} className="field__problem" role="alert">
          {problem}
        </p>
      )}
    </fieldset>
  );
}

/** Why a list of authors is not yet enough, in kind words; undefined when it is fine. */
export function authorsProblem(trainers: TrainerSummary[], selected: string[]): string | undefined {
  const roles = new Set(trainers.filter((t) => selected.includes(t.id)).map((t) => t.role));
  if (roles.has('peer') && roles.has('practitioner')) return undefined;
  if (!roles.has('peer') && !roles.has('practitioner'))
    return 'Please choose a peer trainer and a practitioner trainer. Courses are written together, bringing lived experience and professional experience side by side.';
  if (!roles.has('peer'))
    return 'Please add a peer trainer too. Their lived experience is half of what makes a course co-produced.';
  return 'Please add a practitioner trainer too. Courses are written by a peer and a practitioner together.';
}
