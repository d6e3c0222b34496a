import { Bar, BarChart, CartesianGrid, Legend, Tooltip, XAxis, YAxis } from 'recharts';
import type { TopicVolume } from '@lp/domain';
import type { ChartSize } from './chart-frame';
import { AXIS, SENTIMENT_COLOURS } from './palette';

/** Mentions per topic over the range, busiest at the top, with the negative ones beside them. */
export function TopicVolumeChart({ data, width, height, max = 10 }: { data: TopicVolume[]; max?: number } & ChartSize) {
  const rows = data.slice(0, max);
  return (
    <BarChart width={width} height={height} data={rows} layout="vertical" accessibilityLayer>
      <CartesianGrid stroke={AXIS.grid} horizontal={false} />
      <XAxis type="number" stroke={AXIS.stroke} allowDecimals={false} />
      <YAxis type="category" dataKey="topic" stroke={AXIS.stroke} width={110} interval={0} />
      <Tooltip contentStyle={{ background: AXIS.tooltipBg, border: `1px solid ${AXIS.grid}` }} />
      <Legend />
      <Bar dataKey="mentions" name="mentions" fill="#4dabf7" isAnimationActive={false} />
      <Bar dataKey="negative" name="negative" fill={SENTIMENT_COLOURS.negative} isAnimationActive={false} />
    </BarChart>
  );
}
