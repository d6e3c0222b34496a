import { useEffect, useState } from 'react';
import { DEFAULT_WALL_LAYOUT, isWallLayoutName, isWallPanelId, type WallLayout } from '@lp/domain';
import type { Session } from '../auth/session';
import { fetchWallLayout } from './wall-api';

/** A saved change reaches every kiosk within a minute, with nobody touching it. */
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
  }, [session, name]);
  return state;
}
