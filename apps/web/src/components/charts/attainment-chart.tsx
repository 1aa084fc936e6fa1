import {
  Bar,
  BarChart,
  CartesianGrid,
  Legend,
  ReferenceLine,
  Tooltip,
  XAxis,
  YAxis,
  type TooltipContentProps,
} from 'recharts';
import type { AttainmentChartPoint, AttainmentScale } from '../../features/area/history-series.ts';
import { formatMonthLong, formatMonthShort, formatPercent } from '../../lib/format.ts';
import { chartColours } from './chart-colours.ts';

/** Revenue attainment per month against the 100 % target line. */
export function AttainmentChart({ points, scale, description }: {
  points: readonly AttainmentChartPoint[];
  scale: AttainmentScale;
  description: string;
}) {
  return (
    <figure className="chart" role="group" aria-label={description}>
      <BarChart
        responsive
        data={[...points]}
        style={{ width: '100%', height: 220 }}
        margin={{ top: 12, right: 48, bottom: 8, left: 0 }}
      >
        <CartesianGrid stroke={chartColours.grid} vertical={false} />
        <XAxis
          dataKey="month"
          tickFormatter={formatMonthShort}
          tick={{ fill: chartColours.axis, fontSize: 12 }}
          minTickGap={16}
        />
        <YAxis
          tickFormatter={(value: number) => `${value}%`}
          tick={{ fill: chartColours.axis, fontSize: 12 }}
          width={48}
          domain={[0, scale.max]}
          ticks={scale.ticks}
        />
        <ReferenceLine
          y={100}
          stroke={chartColours.axis}
          strokeDasharray="4 4"
          label={{ value: 'Target', position: 'right', fill: chartColours.axis, fontSize: 11 }}
        />
        <Tooltip content={AttainmentTooltip} cursor={{ fill: 'rgba(0,0,0,0.04)' }} />
        <Legend verticalAlign="top" align="right" height={28} itemSorter={null} wrapperStyle={{ fontSize: 12 }} />
        {/* Stacked so each month has one bar: exactly one of the two values is set. */}
        <Bar name="On or above target" dataKey="onOrAboveTarget" stackId="attainment" fill={chartColours.onTarget} isAnimationActive={false} />
        <Bar name="Below target" dataKey="belowTarget" stackId="attainment" fill={chartColours.belowTarget} isAnimationActive={false} />
      </BarChart>
    </figure>
  );
}

function AttainmentTooltip({ active, payload, label }: TooltipContentProps) {
  const point = active ? (payload[0]?.payload as AttainmentChartPoint | undefined) : undefined;
  if (!point || typeof label !== 'string') return null;
  return (
    <div className="chart-tooltip">
      <p className="chart-tooltip__title">{formatMonthLong(label)}</p>
      <p>{point.attainmentPercent === null
          ? 'No attainment: no figures or no target'
          : `${formatPercent(point.attainmentPercent / 100)} of target`}</p>
    </div>
  );
}
