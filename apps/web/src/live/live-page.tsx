import { useEffect, useState } from 'react';
import type { UserView } from '@lp/domain';
import type { Session } from '../auth/session';
import { ConnectionBanner } from '../components/connection-banner';
import { MentionRow } from '../components/mention-row';
import { SourceHealthStrip } from '../components/source-health-strip';
import { useLiveMentions } from './use-live';

const CAPACITY = 2_000;
const SHOWN = 200;

/** The live stream: every mention as it lands, newest first. */
export function LivePage({ session, user }: { session: Session; user: UserView }) {
  const { mentions, sources, state, stale } = useLiveMentions(session, CAPACITY);
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 5_000);
    return () => clearInterval(timer);
  }, []);

  return (
    <div className="page">
      <header className="page-header">
        <h1>Listening Post</h1>
        <span className={`status status-${state}`} data-testid="connection-state">
          {state === 'live' ? '● Live' : state === 'connecting' ? 'Connecting…' : 'Reconnecting…'}
        </span>
        <span className="count" aria-live="off">
          {mentions.length.toLocaleString()} mentions
        </span>
        <span className="user">{user.name}</span>
        <button type="button" className="sign-out" data-testid="sign-out" onClick={() => void session.signOut()}>
          Sign out
        </button>
      </header>
      <ConnectionBanner state={state} stale={stale} />
      <SourceHealthStrip sources={sources} />
      {mentions.length === 0 ? (
        <p className="empty">Waiting for the first mention…</p>
      ) : (
        <ol className="mentions" aria-label="Mentions, newest first">
          {mentions.slice(0, SHOWN).map((m) => (
            <MentionRow key={m.id} mention={m} now={now} />
          ))}
        </ol>
      )}
    </div>
  );
}
