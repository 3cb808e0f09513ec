/** The profile's "what do you mainly do here?", which sets the screens the app opens on. */
import { useApp } from '../../state/AppContext.js';
import { useWorkRole } from '../../hooks/useWorkRole.js';
import { chooseWorkRole } from '../../state/work-role.js';
import type { WorkRole } from '../../state/work-role.js';

const CHOICES: { role: WorkRole; label: string; hint: string }[] = [
  {
    role: 'trainer',
    label: 'I write and deliver courses',
    hint: 'Tandem opens on your courses.',
  },
  {
    role: 'administrator',
    label: 'I plan terms for the college',
    hint: 'Tandem opens on the terms, with venues, trainers and college settings to hand.',
  },
];

/** Two radio buttons, saved on this computer as soon as one is chosen. */
export function WorkRoleChoice() {
  const { announce } = useApp();
  const role = useWorkRole();
  return (
    <section className="panel" aria-labelledby="profile-work">
      <h2 id="profile-work">What do you mainly do here?</h2>
      <p className="hint">
        This only changes which screens come first. Everyone can use every screen.
      </p>
      <fieldset className="field">
        <legend className="visually-hidden">What you mainly do</legend>
        {CHOICES.map((choice) => (
          <label key={choice.role} className="check">
            <input
              type="radio"
              name="work-role"
              checked={role === choice.role}
              onChange={() => {
                chooseWorkRole(choice.role);
                announce(choice.hint);
              }}
            />
            <span>
              {choice.label}
              <span className="hint"> {choice.hint}</span>
            </span>
          </label>
        ))}
      </fieldset>
    </section>
  );
}
