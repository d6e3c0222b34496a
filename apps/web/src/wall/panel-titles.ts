import type { WallPanelId } from '@lp/domain';

/** What each panel is called, on the wall (its heading) and in the editor. */
export const PANEL_TITLE: Record<WallPanelId, string> = {
  urgent: 'Most urgent, unclaimed',
  stream: 'Live stream',
  sentiment: 'Sentiment',
  volume: 'Volume per platform',
  alerts: 'Alerts',
  sla: 'First response',
  coverage: 'Coverage',
};
