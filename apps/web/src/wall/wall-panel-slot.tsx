import { useMemo } from 'react';
import { wallPanelOption, type SourceView, type WallPanelPlacement } from '@lp/domain';
import { coverage } from './data/coverage';
import { volumeByPlatform } from './data/platform-volume';
import { sentimentGauge } from './data/sentiment-gauge';
import type { SlaBoard } from './data/sla-board';
import type { UnclaimedQueue } from './data/urgent-mentions';
import { wallAlerts, type WallIncident } from './data/wall-alerts';
import { AlertsPanel } from './panels/alerts-panel';
import { CoveragePanel } from './panels/coverage-panel';
import { SentimentPanel } from './panels/sentiment-panel';
import { SlaPanel } from './panels/sla-panel';
import { StreamPanel } from './panels/stream-panel';
import { UrgentPanel } from './panels/urgent-panel';
import { VolumePanel } from './panels/volume-panel';
import type { MentionSample } from './use-sampled-mentions';

/**
 * Everything a panel may draw from. The store is sampled at three speeds, and each figure is
 * computed from its sample's own time: a pass over 100,000 mentions costs milliseconds, so it
 * runs when its sample changes, not on every clock tick.
 */
export interface WallData {
  /** Sampled soon after each change, twice a second at most: the stream. */
  list: MentionSample;
  /** Sampled every two seconds: the urgent queue, alerts, the SLA board. */
  figures: MentionSample;
  /** Sampled every ten seconds: sentiment and volume, which move over minutes and hours. */
  charts: MentionSample;
  /** One pass over `figures` shared by the urgent panel and the alerts. */
  queue: UnclaimedQueue;
  sources: readonly SourceView[];
  sla: SlaBoard;
  incidents: readonly WallIncident[];
  /** A clock for "waiting 4m" labels. */
  now: number;
  privateMode: boolean;
}

/** How many the urgent panel lists; the page computes the queue once for it and the alerts. */
export function urgentLimit(placement: WallPanelPlacement | undefined): number {
  return placement ? wallPanelOption('urgent', placement.options, 'limit') : 0;
}

interface SlotProps {
  placement: WallPanelPlacement;
  data: WallData;
}

/**
 * Turns the wall's data into one panel's input, memoised, and renders the pure panel. Only placed
 * panels compute anything.
 */
export function WallPanelSlot({ placement, data }: SlotProps) {
  switch (placement.id) {
    case 'urgent':
      return <UrgentPanel mentions={data.queue.top} now={data.now} privateMode={data.privateMode} />;
    case 'stream':
      return <StreamSlot placement={placement} data={data} />;
    case 'sentiment':
      return <SentimentSlot placement={placement} data={data} />;
    case 'volume':
      return <VolumeSlot placement={placement} data={data} />;
    case 'alerts':
      return <AlertsSlot placement={placement} data={data} />;
    case 'sla':
      return <SlaPanel board={data.sla} />;
    case 'coverage':
      return <CoverageSlot data={data} />;
  }
}

/**
 * The newest few hundred: nobody scrolls a kiosk, and virtualising all 100,000 rebuilt 100,000
 * row measurements on every sample (the top cost in the web bench before this window).
 */
function StreamSlot({ placement, data }: SlotProps) {
  const limit = wallPanelOption('stream', placement.options, 'limit');
  const { mentions } = data.list;
  const newest = useMemo(() => mentions.slice(0, limit), [mentions, limit]);
  return <StreamPanel mentions={newest} now={data.now} privateMode={data.privateMode} />;
}

function SentimentSlot({ placement, data }: SlotProps) {
  const windowMinutes = wallPanelOption('sentiment', placement.options, 'windowMinutes');
  const baselineHours = wallPanelOption('sentiment', placement.options, 'baselineHours');
  const { charts } = data;
  const gauge = useMemo(
    () =>
      sentimentGauge(charts.mentions, charts.at, {
        windowMs: windowMinutes * 60_000,
        baselineMs: baselineHours * 3_600_000,
      }),
    [charts, windowMinutes, baselineHours],
  );
  return <SentimentPanel gauge={gauge} windowMinutes={windowMinutes} />;
}

function VolumeSlot({ placement, data }: SlotProps) {
  const hours = wallPanelOption('volume', placement.options, 'hours');
  const { charts } = data;
  const buckets = useMemo(() => volumeByPlatform(charts.mentions, charts.at, { hours, buckets: 24 }), [charts, hours]);
  return <VolumePanel buckets={buckets} hours={hours} />;
}

function AlertsSlot({ placement, data }: SlotProps) {
  const max = wallPanelOption('alerts', placement.options, 'max');
  const { queue, sources, sla, incidents, figures } = data;
  const alerts = useMemo(
    () => wallAlerts({ unclaimedCritical: queue, sources, sla, incidents, now: figures.at, max }),
    [queue, sources, sla, incidents, figures.at, max],
  );
  return <AlertsPanel alerts={alerts} />;
}

function CoverageSlot({ data }: { data: WallData }) {
  const result = useMemo(() => coverage(data.sources), [data.sources]);
  return <CoveragePanel coverage={result} />;
}
