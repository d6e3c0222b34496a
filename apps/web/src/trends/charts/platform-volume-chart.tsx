import { Bar, BarChart } from 'recharts';
import type { PlatformVolumePoint, TrendBucket } from '@lp/domain';
import { timeAxes, type ChartSize } from './chart-frame';
import { PLATFORM_COLOURS } from './palette';

const LABELS = { x: 'X', facebook: 'Facebook', youtube: 'YouTube', feed: 'Web & feeds' } as const;

/** Mentions per bucket, stacked by platform. */
export function PlatformVolumeChart({
  data,
  bucket,
  width,
  height,
}: { data: PlatformVolumePoint[]; bucket: TrendBucket } & ChartSize) {
  return (
    <BarChart width={width} height={height} data={data} accessibilityLayer>
      {timeAxes(bucket)}
      {(['x', 'facebook', 'youtube', 'feed'] as const).map((key) => (
        <Bar
          key={key}
          dataKey={key}
          name={LABELS[key]}
          stackId="platform"
          fill={PLATFORM_COLOURS[key]}
          isAnimationActive={false}
        />
      ))}
    </BarChart>
  );
}
