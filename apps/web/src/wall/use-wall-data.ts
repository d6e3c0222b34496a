import { useMemo } from 'react';
import type { WallPanelPlacement } from '@lp/domain';
import { useLive, useNow, useSources } from '../live/live-data';
import { unclaimedQueue } from './data/urgent-mentions';
import { useSampledMentions } from './use-sampled-mentions';
import { useSlaBoard } from './use-sla-board';
import { useWallIncidents } from './use-wall-incidents';
import { urgentLimit, type WallData } from './wall-panel-slot';

/** The stream refreshes this often at most; passes over the whole store less often (see WallData). */
const LIST_SAMPLE_MS = 500;
const FIGURE_SAMPLE_MS = 2_000;
const CHART_SAMPLE_MS = 10_000;

/**
 * Everything the wall's panels draw from, for any layout: the kiosk and the editor's preview
 * share it. `urgent` is the urgent panel's placement (its limit sizes the shared queue).
 */
export function useWallData(urgent: WallPanelPlacement | undefined, privateMode: boolean): WallData {
  const { session, mentions: store } = useLive();
  const list = useSampledMentions(store, LIST_SAMPLE_MS, 'on-change');
  const figures = useSampledMentions(store, FIGURE_SAMPLE_MS, 'periodic');
  const charts = useSampledMentions(store, CHART_SAMPLE_MS, 'periodic');
  const sources = useSources();
  const now = useNow(5_000);
  const sla = useSlaBoard(session, store, figures);
  const incidents = useWallIncidents();
  const limit = urgentLimit(urgent);
  const queue = useMemo(() => unclaimedQueue(figures.mentions, limit), [figures.mentions, limit]);
  return useMemo(
    () => ({ list, figures, charts, queue, sources, sla, incidents, now, privateMode }),
    [list, figures, charts, queue, sources, sla, incidents, now, privateMode],
  );
}
