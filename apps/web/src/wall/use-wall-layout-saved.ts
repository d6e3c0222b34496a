import { useEffect, useRef } from 'react';
import type { WallLayoutChange } from '@lp/domain';
import { useLive } from '../live/live-data';

/**
 * Calls `listener` with each saved layout version (a `wall_layout.saved` event on the screen's live
 * connection), and with `undefined` on every (re)connect: saves made while away are not replayed,
 * so the caller refetches.
 */
export function useWallLayoutSaved(listener: (change: WallLayoutChange | undefined) => void): void {
  const { connection } = useLive();
  // A ref, so a new listener each render does not resubscribe.
  const latest = useRef(listener);
  useEffect(() => {
    latest.current = listener;
  });
  useEffect(() => connection.onLayoutSaved((change) => latest.current(change)), [connection]);
}
