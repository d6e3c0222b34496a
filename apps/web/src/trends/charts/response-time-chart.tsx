import { Line, LineChart } from 'recharts';
import type { ResponseTimePoint, TrendBucket } from '@lp/domain';
import { formatDuration } from '../chart-format';
import { timeAxes, type ChartSize } from './chart-frame';
import { LINE_COLOURS } from './palette';

/** First-response time per bucket: the median and the 90th percentile (the slow tail customers remember). */
export function ResponseTimeChart({
  data,
  bucket,
  width,
  height,
}: { data: ResponseTimePoint[]; bucket: TrendBucket } & ChartSize) {
  return (
    <LineChart width={width} height={height} data={data} accessibilityLayer>
      {timeAxes(bucket, { format: formatDuration })}
      <Line
        type="monotone"
        dataKey="medianS"
        name="median"
        stroke={LINE_COLOURS.primary}
        connectNulls
        dot={false}
        strokeWidth={2}
        isAnimationActive={false}
      />
      <Line
        type="monotone"
        dataKey="p90S"
        name="90th percentile"
        stroke={LINE_COLOURS.secondary}
        connectNulls
        dot={false}
        strokeWidth={2}
        isAnimationActive={false}
      />
    </LineChart>
  );
}
