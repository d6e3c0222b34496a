import { useEffect, useMemo, useState } from 'react';
import { BrowserRouter, Navigate, Route, Routes } from 'react-router';
import { Session, type SessionState } from './auth/session';
import { SignInPage } from './auth/sign-in-page';
import { ConsolePage } from './console/console-page';
import { LiveDataProvider } from './live/live-data';
import { OncallPage } from './oncall/oncall-page';
import { AppShell, homeFor } from './shell/app-shell';
import { TrendsPage } from './trends/trends-page';
import { WallPage } from './wall/wall-page';
import { WallEditorPage } from './wall/editor/wall-editor-page';

/** Resumes an existing session (the cookie) if there is one; otherwise asks to sign in, on whatever page was asked for. */
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
      return (
        <LiveDataProvider session={session} user={state.user}>
          <BrowserRouter>
            <Routes>
              {/* The wall is a kiosk: full screen, no navigation. */}
              <Route path="/wall" element={<WallPage />} />
              <Route element={<AppShell />}>
                <Route path="/console" element={<ConsolePage />} />
                <Route path="/trends" element={<TrendsPage />} />
                <Route path="/oncall" element={<OncallPage />} />
                <Route path="/wall/edit" element={<WallEditorPage />} />
              </Route>
              <Route path="*" element={<Navigate to={homeFor(state.user.role)} replace />} />
            </Routes>
          </BrowserRouter>
        </LiveDataProvider>
      );
  }
}
