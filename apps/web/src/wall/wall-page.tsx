import { useEffect, useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import { ConnectionBanner } from '../components/connection-banner';
import { useConnectionState, useLive, useNow, useSources } from '../live/live-data';
import { unclaimedQueue } from './data/urgent-mentions';
import { useSampledMentions } from './use-sampled-mentions';
import { useSlaBoard } from './use-sla-board';
import { useWallIncidents } from './use-wall-incidents';
import { useWallLayout } from './use-wall-layout';
import { PANEL_TITLE, urgentLimit, WallPanelSlot, type WallData } from './wall-panel-slot';
import './wall.css';

/** The stream refreshes this often at most; passes over the whole store less often (see WallData). */
const LIST_SAMPLE_MS = 500;
const FIGURE_SAMPLE_MS = 2_000;
const CHART_SAMPLE_MS = 10_000;

/**
 * The wall: a kiosk screen, full screen and dark, laid out by a saved layout (`?layout=<name>`),
 * with `?private=1` for screens visitors can see (no customer names or handles).
 */
export function WallPage() {
  const [params] = useSearchParams();
  const privateMode = params.get('private') === '1';
  const { session, mentions: store } = useLive();
  const layout = useWallLayout(session, params.get('layout') ?? 'default');
  const list = useSampledMentions(store, LIST_SAMPLE_MS, 'on-change');
  const figures = useSampledMentions(store, FIGURE_SAMPLE_MS, 'periodic');
  const charts = useSampledMentions(store, CHART_SAMPLE_MS, 'periodic');
  const sources = useSources();
  const now = useNow(5_000);
  const sla = useSlaBoard(session, store, figures);
  const incidents = useWallIncidents();
  const { state, stale } = useConnectionState();
  const limit = urgentLimit(layout.layout.panels.find((p) => p.id === 'urgent'));
  const queue = useMemo(() => unclaimedQueue(figures.mentions, limit), [figures.mentions, limit]);

  const data: WallData = useMemo(
    () => ({ list, figures, charts, queue, sources, sla, incidents, now, privateMode }),
    [list, figures, charts, queue, sources, sla, incidents, now, privateMode],
  );
  const { columns, rows, panels } = layout.layout;

  return (
    <div className={`wall${stale ? ' is-stale' : ''}`} data-testid="wall" data-private={privateMode || undefined}>
      <ConnectionBanner state={state} stale={stale} />
      {layout.ready ? (
        <div
          className="wall-grid"
          style={{
            gridTemplateColumns: `repeat(${columns}, minmax(0, 1fr))`,
            gridTemplateRows: `repeat(${rows}, minmax(0, 1fr))`,
          }}
        >
          {panels.map((p) => (
            <section
              key={p.id}
              className={`wall-panel wall-panel-${p.id}`}
              data-testid={`wall-panel-${p.id}`}
              aria-label={PANEL_TITLE[p.id]}
              style={{ gridColumn: `${p.column} / span ${p.width}`, gridRow: `${p.row} / span ${p.height}` }}
            >
              <h2 className="wall-panel-title">{PANEL_TITLE[p.id]}</h2>
              <div className="wall-panel-body">
                <WallPanelSlot placement={p} data={data} />
              </div>
            </section>
          ))}
        </div>
      ) : (
        <p className="wall-calm wall-loading">Loading the wall…</p>
      )}
      <footer className="wall-footer">
        <span className="wall-brand">Listening Post</span>
        <span className={`wall-live status-${state}`}>{state === 'live' ? '● live' : 'reconnecting…'}</span>
        <span data-testid="wall-held" data-count={list.mentions.length}>
          {list.mentions.length.toLocaleString()} recent mentions
        </span>
        <span>
          layout {layout.name}
          {layout.version ? ` v${layout.version}` : ''}
          {privateMode ? ' · private' : ''}
        </span>
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
