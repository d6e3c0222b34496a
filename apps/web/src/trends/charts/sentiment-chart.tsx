import { Area, AreaChart } from 'recharts';
import type { SentimentPoint, TrendBucket } from '@lp/domain';
import { timeAxes, type ChartSize } from './chart-frame';
import { SENTIMENT_COLOURS } from './palette';

/** Mentions over time, stacked by sentiment: negative at the bottom, where a rise is easiest to see. */
export function SentimentChart({
  data,
  bucket,
  width,
  height,
}: { data: SentimentPoint[]; bucket: TrendBucket } & ChartSize) {
  return (
    <AreaChart width={width} height={height} data={data} accessibilityLayer>
      {timeAxes(bucket)}
      {(['negative', 'neutral', 'positive'] as const).map((key) => (
        <Area
          key={key}
          type="monotone"
          dataKey={key}
          name={key}
          stackId="sentiment"
          stroke={SENTIMENT_COLOURS[key]}
          fill={SENTIMENT_COLOURS[key]}
          fillOpacity={0.5}
          isAnimationActive={false}
        />
      ))}
    </AreaChart>
  );
}
