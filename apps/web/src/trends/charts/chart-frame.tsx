import { CartesianGrid, Legend, Tooltip, XAxis, YAxis } from 'recharts';
import type { TrendBucket } from '@lp/domain';
import { bucketLabel } from '../chart-format';
import { AXIS } from './palette';

export interface ChartSize {
  width: number;
  height: number;
}

/**
 * The axes, grid, tooltip and legend every time-series chart shares. Returned as an array of elements
 * (not a component) because Recharts finds its axes among a chart's direct children.
 */
export function timeAxes(bucket: TrendBucket, y: { format?: (v: number) => string; domain?: [number, number] } = {}) {
  const label = (v: unknown) => bucketLabel(String(v), bucket);
  return [
    <CartesianGrid key="grid" stroke={AXIS.grid} vertical={false} />,
    <XAxis key="x" dataKey="bucket" tickFormatter={label} stroke={AXIS.stroke} minTickGap={24} />,
    <YAxis
      key="y"
      stroke={AXIS.stroke}
      allowDecimals={!!y.domain}
      domain={y.domain}
      tickFormatter={y.format}
      width={56}
    />,
    <Tooltip
      key="tip"
      labelFormatter={(v) => new Date(String(v)).toISOString().replace('T', ' ').slice(0, 16) + ' UTC'}
      contentStyle={{ background: AXIS.tooltipBg, border: `1px solid ${AXIS.grid}` }}
    />,
    <Legend key="legend" />,
  ];
}
