import type { ConnectionState } from '../live/live-connection';

export function ConnectionBanner({ state, stale }: { state: ConnectionState; stale: boolean }) {
  if (!stale) return null;
  const text =
    state === 'connecting'
      ? 'Connecting to Listening Post…'
      : 'Connection lost: what you see may be out of date. Reconnecting…';
  return (
    <div className="banner banner-stale" role="alert" data-testid="stale-banner">
      {text}
    </div>
  );
}
