import { Bar, BarChart } from 'recharts';
import type { SlaBreachPoint, TrendBucket } from '@lp/domain';
import { timeAxes, type ChartSize } from './chart-frame';
import { URGENCY_COLOURS } from './palette';

/** First-response deadlines missed per bucket, stacked by urgency, critical on top. */
export function SlaBreachChart({
  data,
  bucket,
  width,
  height,
}: { data: SlaBreachPoint[]; bucket: TrendBucket } & ChartSize) {
  return (
    <BarChart width={width} height={height} data={data} accessibilityLayer>
      {timeAxes(bucket)}
      {(['low', 'normal', 'high', 'critical'] as const).map((key) => (
        <Bar key={key} dataKey={key} name={key} stackId="sla" fill={URGENCY_COLOURS[key]} isAnimationActive={false} />
      ))}
    </BarChart>
  );
}
