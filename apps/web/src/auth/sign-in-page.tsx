import { useState, type FormEvent } from 'react';
import type { Session } from './session';

export function SignInPage({ session }: { session: Session }) {
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setBusy(true);
    setError('');
    try {
      await session.signIn(String(form.get('email') ?? ''), String(form.get('password') ?? ''));
    } catch (e) {
      setError(e instanceof Error ? e.message : 'Sign-in failed.');
      setBusy(false);
    }
  };

  return (
    <main className="sign-in">
      <h1>Listening Post</h1>
      <form onSubmit={(e) => void submit(e)} data-testid="sign-in-form" aria-describedby="sign-in-error">
        <label>
          Email
          <input name="email" type="email" autoComplete="username" required autoFocus />
        </label>
        <label>
          Password
          <input name="password" type="password" autoComplete="current-password" required />
        </label>
        <div id="sign-in-error" role="alert" className="sign-in-error">
          {error}
        </div>
        <button type="submit" disabled={busy}>
          {busy ? 'Signing in…' : 'Sign in'}
        </button>
      </form>
    </main>
  );
}
