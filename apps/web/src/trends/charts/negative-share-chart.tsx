import { Line, LineChart } from 'recharts';
import type { NegativeSharePoint, TrendBucket } from '@lp/domain';
import { formatPercent } from '../chart-format';
import { timeAxes, type ChartSize } from './chart-frame';
import { SENTIMENT_COLOURS } from './palette';

/** The share of mentions that were negative, per bucket (0 to 100%). */
export function NegativeShareChart({
  data,
  bucket,
  width,
  height,
}: { data: NegativeSharePoint[]; bucket: TrendBucket } & ChartSize) {
  return (
    <LineChart width={width} height={height} data={data} accessibilityLayer>
      {timeAxes(bucket, { format: formatPercent, domain: [0, 1] })}
      <Line
        type="monotone"
        dataKey="share"
        name="negative share"
        stroke={SENTIMENT_COLOURS.negative}
        dot={false}
        strokeWidth={2}
        isAnimationActive={false}
      />
    </LineChart>
  );
}
