import { memo } from 'react';
import { Bar, BarChart, Legend, ResponsiveContainer, XAxis, YAxis } from 'recharts';
import { PLATFORMS } from '@lp/domain';
import { PLATFORM_LABEL } from '../data/format';
import type { VolumeBucket } from '../data/platform-volume';

export interface VolumePanelProps {
  buckets: readonly VolumeBucket[];
  hours: number;
}

const COLOURS = { x: '#e9ecef', facebook: '#4dabf7', youtube: '#ff6b6b', feed: '#ffd43b' } as const;
const AXIS = { fill: '#c9d2dc', fontSize: '0.8em' };

/** Mentions per platform over the last hours, stacked. No animation: it would replay on every refresh. */
export const VolumePanel = memo(function VolumePanel({ buckets, hours }: VolumePanelProps) {
  return (
    <div className="wall-chart" aria-label={`mentions per platform, last ${hours} hours`}>
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={buckets as VolumeBucket[]} margin={{ top: 4, right: 8, bottom: 0, left: 0 }}>
          <XAxis dataKey="label" tick={AXIS} interval="preserveStartEnd" minTickGap={24} stroke="#5c6b7a" />
          <YAxis tick={AXIS} allowDecimals={false} width={48} stroke="#5c6b7a" />
          <Legend wrapperStyle={{ color: '#eef2f6' }} />
          {PLATFORMS.map((p) => (
            <Bar
              key={p}
              dataKey={p}
              name={PLATFORM_LABEL[p]}
              stackId="volume"
              fill={COLOURS[p]}
              isAnimationActive={false}
            />
          ))}
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
});
