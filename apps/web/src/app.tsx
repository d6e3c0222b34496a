import { useEffect, useMemo, useState } from 'react';
import { Session, type SessionState } from './auth/session';
import { SignInPage } from './auth/sign-in-page';
import { LivePage } from './live/live-page';

/** Resumes an existing session (the cookie) if there is one; otherwise asks to sign in. */
export function App() {
  const session = useMemo(() => new Session(), []);
  const [state, setState] = useState<SessionState>(session.state);
  useEffect(() => {
    const off = session.onChange(setState);
    void session.refresh();
    return off;
  }, [session]);

  switch (state.status) {
    case 'checking':
      return <p className="empty">Loading…</p>;
    case 'signed-out':
      return <SignInPage session={session} />;
    case 'signed-in':
      return <LivePage session={session} user={state.user} />;
  }
}
