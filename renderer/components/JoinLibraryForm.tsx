/**
 * First-time setup on a new computer (desktop app): paste the shared library's address and a
 * token from the Git host, choose a folder, and Tandem copies the library there and opens it.
 */
import { useId, useState } from 'react';
import { errorMessage, tandem } from '../api.js';
import { useApp } from '../state/AppContext.js';

export function JoinLibraryForm() {
  const { refreshLibrary } = useApp();
  const [address, setAddress] = useState('');
  const [token, setToken] = useState('');
  const [working, setWorking] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const id = useId();

  const join = async () => {
    setWorking(true);
    setProblem(null);
    try {
      const opened = await tandem().joinSharedLibrary(address.trim(), token.trim() || undefined);
      if (opened) await refreshLibrary();
    } catch (caught) {
      setProblem(errorMessage(caught));
    } finally {
      setWorking(false);
    }
  };

  return (
    <form
      className="join"
      onSubmit={(event) => {
        event.preventDefault();
        void join();
      }}
    >
      <h2>Work on a shared library</h2>
      <p>
        If your college keeps its courses on a Git host (such as GitHub or GitLab), ask for the
        library&apos;s address and a token, then choose a folder on this computer to keep your copy.
      </p>
      <div className="field">
        <label htmlFor={`${id}-address`}>The library&apos;s address</label>
        <input
          id={`${id}-address`}
          type="url"
          required
          placeholder="https://github.com/your-college/courses.git"
          value={address}
          onChange={(event) => setAddress(event.target.value)}
        />
      </div>
      <div className="field">
        <label htmlFor={`${id}-token`}>Token (kept safe by this computer)</label>
        <input
          id={`${id}-token`}
          type="password"
          autoComplete="off"
          value={token}
          onChange={(event) => setToken(event.target.value)}
        />
      </div>
      <button type="submit" className="button button--primary" aria-disabled={working || undefined}>
        {working ? 'Copying the library…' : 'Choose a folder and copy the library'}
      </button>
      {problem && (
        <p className="field__problem" role="alert">
          {problem}
        </p>
      )}
    </form>
  );
}
