import { useEffect, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { canEditWallLayout } from '@lp/domain';
import { ConnectionBanner } from '../components/connection-banner';
import { useConnectionState, useLive } from '../live/live-data';
import { useWallData } from './use-wall-data';
import { useWallLayout } from './use-wall-layout';
import { WallGrid } from './wall-grid';
import './wall.css';

/**
 * The wall: a kiosk screen, full screen and dark, laid out by a saved layout (`?layout=<name>`),
 * with `?private=1` for screens visitors can see (no customer names or handles).
 */
export function WallPage() {
  const [params] = useSearchParams();
  const privateMode = params.get('private') === '1';
  const { session, user } = useLive();
  const layout = useWallLayout(session, params.get('layout') ?? 'default');
  const data = useWallData(
    layout.layout.panels.find((p) => p.id === 'urgent'),
    privateMode,
  );
  const { state, stale } = useConnectionState();

  return (
    <div className={`wall${stale ? ' is-stale' : ''}`} data-testid="wall" data-private={privateMode || undefined}>
      <ConnectionBanner state={state} stale={stale} />
      {layout.ready ? (
        <WallGrid layout={layout.layout} data={data} />
      ) : (
        <p className="wall-calm wall-loading">Loading the wall…</p>
      )}
      <footer className="wall-footer">
        <span className="wall-brand">Listening Post</span>
        <span className={`wall-live status-${state}`}>{state === 'live' ? '● live' : 'reconnecting…'}</span>
        <span data-testid="wall-held" data-count={data.list.mentions.length}>
          {data.list.mentions.length.toLocaleString()} recent mentions
        </span>
        <span data-testid="wall-layout-version">
          layout {layout.name}
          {layout.version ? ` v${layout.version}` : ''}
          {privateMode ? ' · private' : ''}
        </span>
        {/* Staff tools stay off screens visitors see; on others the link shows only on focus or hover. */}
        {canEditWallLayout(user.role) && !privateMode && (
          <Link className="wall-edit-link" to={`/wall/edit?layout=${encodeURIComponent(layout.name)}`}>
            Edit layout
          </Link>
        )}
        <WallClock />
      </footer>
    </div>
  );
}

/** Its own component: a once-a-second tick re-renders the clock, not the panels. */
function WallClock() {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = setInterval(() => setNow(new Date()), 1_000);
    return () => clearInterval(timer);
  }, []);
  return (
    <time className="wall-clock" dateTime={now.toISOString()}>
      {now.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' })}
    </time>
  );
}
