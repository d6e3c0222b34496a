import { useCallback, useEffect, useState } from 'react';
import { DEFAULT_WALL_LAYOUT, isWallLayoutName, isWallPanelId, type WallLayout } from '@lp/domain';
import type { Session } from '../auth/session';
import { useWallLayoutSaved } from './use-wall-layout-saved';
import { fetchWallLayout } from './wall-api';

/** A save reaches kiosks at once by event; this re-check covers an event lost while Redis or the socket was down. */
const REFRESH_MS = 60_000;

export interface WallLayoutState {
  name: string;
  /** Null until the server answered; 0 for the built-in default. */
  version: number | null;
  layout: WallLayout;
  /** False until the first answer (or failure): the page waits rather than flash the default. */
  ready: boolean;
}

/** Panels this build does not know (a newer server) are left out rather than breaking the screen. */
function known(layout: WallLayout): WallLayout {
  return { ...layout, panels: layout.panels.filter((p) => isWallPanelId(p.id)) };
}

export function useWallLayout(session: Session, requested: string): WallLayoutState {
  const name = isWallLayoutName(requested) ? requested : 'default';
  const [state, setState] = useState<WallLayoutState>({
    name,
    version: null,
    layout: DEFAULT_WALL_LAYOUT,
    ready: false,
  });
  // Bumped by a save of this screen (or a reconnect): the load effect runs again.
  const [saves, setSaves] = useState(0);
  const onSaved = useCallback(
    (change: { name: string } | undefined) => {
      if (!change || change.name === name) setSaves((n) => n + 1);
    },
    [name],
  );
  useWallLayoutSaved(onSaved);
  useEffect(() => {
    const controller = new AbortController();
    const load = () =>
      fetchWallLayout(session, name, controller.signal).then(
        (view) => setState({ name, version: view.version, layout: known(view.layout), ready: true }),
        // Unreachable: keep what is shown (the default on a first failure); the stale banner says why.
        () => !controller.signal.aborted && setState((s) => ({ ...s, name, ready: true })),
      );
    void load();
    const timer = setInterval(() => void load(), REFRESH_MS);
    return () => {
      controller.abort();
      clearInterval(timer);
    };
  }, [session, name, saves]);
  return state;
}
