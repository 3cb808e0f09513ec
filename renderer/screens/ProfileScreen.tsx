/** Who is using Tandem on this computer, and their signing key. */
import { useState } from 'react';
import { errorMessage, tandem } from '../api.js';
import { useApp } from '../state/AppContext.js';
import { usePageHeading } from '../hooks/usePageHeading.js';
import { copyText } from '../components/copy-text.js';
import { WorkRoleChoice } from './planning/WorkRoleChoice.js';

/** The profile screen. */
export function ProfileScreen() {
  const { library, identity, setIdentity, refreshIdentity, refreshLibrary, trainer, announce } =
    useApp();
  const heading = usePageHeading();
  const [choice, setChoice] = useState(identity?.trainerId ?? '');
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | undefined>(undefined);
  const [key, setKey] = useState<{ publicKeyLine: string; addedToLibrary: boolean } | undefined>(
    undefined,
  );
  const [keyError, setKeyError] = useState<string | undefined>(undefined);
  const [creatingKey, setCreatingKey] = useState(false);
  const [copied, setCopied] = useState(false);
  if (!library) return null;
  const me = identity?.trainerId ? trainer(identity.trainerId) : undefined;

  const saveIdentity = async () => {
    if (!choice) return;
    setSaving(true);
    setError(undefined);
    try {
      await setIdentity(choice);
      setKey(undefined);
      announce(`You are now using Tandem as ${trainer(choice)?.name ?? choice}.`);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setSaving(false);
    }
  };

  const createKey = async () => {
    setCreatingKey(true);
    setKeyError(undefined);
    try {
      const result = await tandem().createKey();
      setKey(result);
      await refreshIdentity();
      await refreshLibrary();
      announce('Your signing key is ready.');
    } catch (e) {
      setKeyError(errorMessage(e));
    } finally {
      setCreatingKey(false);
    }
  };

  return (
    <div className="screen screen--narrow">
      <h1 ref={heading} tabIndex={-1}>
        Your profile
      </h1>
      <section className="panel" aria-labelledby="profile-who">
        <h2 id="profile-who">Who are you?</h2>
        <p>
          Tandem remembers who is using it on this computer, so that your sign-offs carry your name.
        </p>
        <form
          className="form"
          onSubmit={(event) => {
            event.preventDefault();
            void saveIdentity();
          }}
        >
          <div className="field">
            <label htmlFor="profile-trainer">Your name</label>
            <select
              id="profile-trainer"
              value={choice}
              onChange={(event) => setChoice(event.target.value)}
            >
              <option value="">Choose your name</option>
              {(['peer', 'practitioner'] as const).map((role) => (
                <optgroup
                  key={role}
                  label={role === 'peer' ? 'Peer trainers' : 'Practitioner trainers'}
                >
                  {library.trainers
                    .filter((t) => t.role === role)
                    .map((t) => (
                      <option key={t.id} value={t.id}>
                        {t.name} ({t.role})
                      </option>
                    ))}
                </optgroup>
              ))}
            </select>
          </div>
          <button
            type="submit"
            className="button button--primary"
            disabled={saving || !choice || choice === identity?.trainerId}
          >
            {saving ? 'Saving…' : 'This is me'}
          </button>
          {error && (
            <p className="field__problem" role="alert">
              {error}
            </p>
          )}
        </form>
        {me && (
          <p className="profile__current" role="status">
            You are using Tandem as <strong>{me.name}</strong>, {me.role} trainer.
          </p>
        )}
      </section>

      <WorkRoleChoice />

      {me && (
        <section className="panel" aria-labelledby="profile-key">
          <h2 id="profile-key">Your signing key</h2>
          <p>
            When you sign off a course, Tandem uses a key kept on this computer to prove it was you.
            Only you can sign with it.
          </p>
          {identity?.hasKey && !key && (
            <p className="signed signed--yes">
              <span aria-hidden="true">✓ </span>This computer has your signing key.
            </p>
          )}
          {!identity?.hasKey && (
            <button
              type="button"
              className="button button--primary"
              disabled={creatingKey}
              onClick={() => void createKey()}
            >
              {creatingKey ? 'Creating your key…' : 'Create my signing key'}
            </button>
          )}
          {keyError && (
            <p className="field__problem" role="alert">
              Your key could not be created: {keyError}
            </p>
          )}
          {key && (
            <div className="key-result" role="status">
              <p className="signed signed--yes">
                <span aria-hidden="true">✓ </span>Your signing key is ready.
              </p>
              <p>
                {key.addedToLibrary
                  ? 'Its public part has been added to the trainers list, so everyone can check your sign-offs.'
                  : 'One more step: its public part needs adding under your name in the trainers list (trainers.yml). Please send this line to your college administrator:'}
              </p>
              <pre className="key-line" tabIndex={0} aria-label="Your public key line">
                {key.publicKeyLine}
              </pre>
              <button
                type="button"
                className="button button--small"
                onClick={() => void copyText(key.publicKeyLine).then(setCopied)}
              >
                Copy this line
              </button>
              {copied && <span className="hint"> Copied.</span>}
            </div>
          )}
        </section>
      )}
    </div>
  );
}
