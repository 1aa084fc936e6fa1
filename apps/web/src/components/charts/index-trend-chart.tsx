import {
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  ReferenceLine,
  Tooltip,
  XAxis,
  YAxis,
  type DotItemDotProps,
  type TooltipContentProps,
} from 'recharts';
import type { IndexChartPoint } from '../../features/area/history-series.ts';
import { driftLevelLabel } from '../../lib/drift.ts';
import { formatIndex, formatMonthLong, formatMonthShort } from '../../lib/format.ts';
import { chartColours, driftLevelColours } from './chart-colours.ts';

const INDEX_TICKS = [0, 25, 50, 75, 100];

/**
 * Ownership and centralisation over time on the fixed 0–100 scale (a zoomed axis would make a
 * two-point wobble look like a collapse). Months without figures are gaps; drift months get a
 * ringed marker in their severity colour on the centralisation line.
 */
export function IndexTrendChart({ points, highlightMonth, description }: {
  points: readonly IndexChartPoint[];
  highlightMonth: string | null;
  description: string;
}) {
  function renderCentralisationDot(props: DotItemDotProps) {
    const point = points[props.index];
    const { cx, cy } = props;
    if (!point || point.centralisationIndex === null || cx == null || cy == null) {
      return <g key={props.index} />;
    }
    if (!point.driftSeverity) {
      return <circle key={props.index} cx={cx} cy={cy} r={3} fill={chartColours.centralisation} />;
    }
    return (
      <g key={props.index} className="drift-marker" data-severity={point.driftSeverity}>
        <circle cx={cx} cy={cy} r={8} fill="none" stroke={driftLevelColours[point.driftSeverity]} strokeWidth={2} />
        <circle cx={cx} cy={cy} r={4} fill={driftLevelColours[point.driftSeverity]} />
      </g>
    );
  }

  return (
    <figure className="chart" role="group" aria-label={description}>
      <LineChart
        responsive
        data={[...points]}
        style={{ width: '100%', height: 320 }}
        margin={{ top: 12, right: 24, bottom: 8, left: 0 }}
      >
        <CartesianGrid stroke={chartColours.grid} vertical={false} />
        <XAxis
          dataKey="month"
          tickFormatter={formatMonthShort}
          tick={{ fill: chartColours.axis, fontSize: 12 }}
          minTickGap={16}
        />
        <YAxis domain={[0, 100]} ticks={INDEX_TICKS} tick={{ fill: chartColours.axis, fontSize: 12 }} width={40} />
        {highlightMonth && <ReferenceLine x={highlightMonth} stroke={chartColours.reference} strokeDasharray="4 4" />}
        <Tooltip content={IndexTooltip} />
        <Legend verticalAlign="top" align="right" height={32} itemSorter={null} wrapperStyle={{ fontSize: 12 }} />
        <Line
          name="Ownership index"
          dataKey="ownershipIndex"
          stroke={chartColours.ownership}
          strokeWidth={2.5}
          dot={{ r: 3, fill: chartColours.ownership, strokeWidth: 0 }}
          isAnimationActive={false}
        />
        <Line
          name="Centralisation index"
          dataKey="centralisationIndex"
          stroke={chartColours.centralisation}
          strokeWidth={2.5}
          dot={renderCentralisationDot}
          isAnimationActive={false}
        />
      </LineChart>
    </figure>
  );
}

function IndexTooltip({ active, payload, label }: TooltipContentProps) {
  const point = active ? (payload[0]?.payload as IndexChartPoint | undefined) : undefined;
  if (!point || typeof label !== 'string') return null;
  return (
    <div className="chart-tooltip">
      <p className="chart-tooltip__title">{formatMonthLong(label)}</p>
      {point.ownershipIndex === null ? (
        <p>No figures</p>
      ) : (
        <>
          <p>Ownership {formatIndex(point.ownershipIndex)}</p>
          <p>Centralisation {formatIndex(point.centralisationIndex)}</p>
          {point.driftSeverity && <p className="chart-tooltip__alert">{driftLevelLabel(point.driftSeverity)}</p>}
        </>
      )}
    </div>
  );
}
