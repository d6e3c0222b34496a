import { Bar, BarChart } from 'recharts';
import type { ReplyOutcomePoint, TrendBucket } from '@lp/domain';
import { timeAxes, type ChartSize } from './chart-frame';
import { OUTCOME_COLOURS } from './palette';

/** Replies per bucket by how they ended: sent, failed, rejected by a reviewer, or still pending. */
export function ReplyOutcomeChart({
  data,
  bucket,
  width,
  height,
}: { data: ReplyOutcomePoint[]; bucket: TrendBucket } & ChartSize) {
  return (
    <BarChart width={width} height={height} data={data} accessibilityLayer>
      {timeAxes(bucket)}
      {(['sent', 'failed', 'rejected', 'pending'] as const).map((key) => (
        <Bar
          key={key}
          dataKey={key}
          name={key}
          stackId="outcome"
          fill={OUTCOME_COLOURS[key]}
          isAnimationActive={false}
        />
      ))}
    </BarChart>
  );
}
