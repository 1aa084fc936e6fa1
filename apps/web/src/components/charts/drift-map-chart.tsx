import {
  CartesianGrid,
  LabelList,
  Legend,
  ReferenceArea,
  ReferenceLine,
  Scatter,
  ScatterChart,
  Tooltip,
  XAxis,
  YAxis,
  type TooltipContentProps,
} from 'recharts';
import type { DriftRules } from '@autonomy/contracts';
import type {
  DriftMapGroup,
  DriftMapGroupKey,
  DriftMapPoint,
  DriftMapScale,
} from '../../features/portfolio/drift-map-data.ts';
import { driftLevelLabel } from '../../lib/drift.ts';
import { formatDelta, formatDeltaTick, formatWindow } from '../../lib/format.ts';
import { chartColours, driftLevelColours } from './chart-colours.ts';

const GROUP_NAMES: Record<DriftMapGroupKey, string> = {
  clear: 'Clear',
  watch: driftLevelLabel('watch'),
  warning: driftLevelLabel('warning'),
  critical: driftLevelLabel('critical'),
};

/**
 * Ownership change against centralisation change, one dot per area. The shaded corner is where
 * ownership fell and centralisation rose by at least the organisation's thresholds: Chipotle drift.
 */
export function DriftMapChart({ groups, scale, rules, description }: {
  groups: readonly DriftMapGroup[];
  scale: DriftMapScale;
  rules: DriftRules;
  description: string;
}) {
  const { extent, ticks } = scale;
  const domain: [number, number] = [-extent, extent];
  return (
    <figure className="chart" role="group" aria-label={description}>
      <ScatterChart responsive style={{ width: '100%', height: 380 }} margin={{ top: 12, right: 24, bottom: 28, left: 8 }}>
        <CartesianGrid stroke={chartColours.grid} />
        <ReferenceArea
          x1={-extent}
          x2={-rules.ownershipFallThreshold}
          y1={rules.centralisationRiseThreshold}
          y2={extent}
          fill={chartColours.driftZone}
          fillOpacity={0.08}
          stroke="none"
          label={{ value: 'Drift zone', position: 'insideTopLeft', fill: chartColours.driftZone, fontSize: 12 }}
        />
        <ReferenceLine x={0} stroke={chartColours.reference} />
        <ReferenceLine y={0} stroke={chartColours.reference} />
        <XAxis
          type="number"
          dataKey="ownershipDelta"
          name="Ownership change"
          domain={domain}
          ticks={ticks}
          tickFormatter={formatDeltaTick}
          tick={{ fill: chartColours.axis, fontSize: 12 }}
          label={{ value: `Ownership change over ${formatWindow(rules)} (points)`, position: 'insideBottom', offset: -16, fill: chartColours.axis, fontSize: 12 }}
        />
        <YAxis
          type="number"
          dataKey="centralisationDelta"
          name="Centralisation change"
          domain={domain}
          ticks={ticks}
          tickFormatter={formatDeltaTick}
          tick={{ fill: chartColours.axis, fontSize: 12 }}
          label={{ value: 'Centralisation change', angle: -90, position: 'insideLeft', offset: 16, fill: chartColours.axis, fontSize: 12, style: { textAnchor: 'middle' } }}
          width={64}
        />
        <Tooltip content={DriftMapTooltip} cursor={{ strokeDasharray: '3 3' }} />
        <Legend verticalAlign="top" align="right" height={28} iconType="circle" iconSize={9} wrapperStyle={{ fontSize: 12 }} />
        {groups.map((group) => (
          <Scatter
            key={group.key}
            name={GROUP_NAMES[group.key]}
            data={group.points}
            fill={driftLevelColours[group.key]}
            isAnimationActive={false}
          >
            {group.key !== 'clear' && (
              <LabelList dataKey="name" position="right" fill={chartColours.axis} fontSize={11} />
            )}
          </Scatter>
        ))}
      </ScatterChart>
    </figure>
  );
}

function DriftMapTooltip({ active, payload }: TooltipContentProps) {
  const point = active ? (payload[0]?.payload as DriftMapPoint | undefined) : undefined;
  if (!point) return null;
  return (
    <div className="chart-tooltip">
      <p className="chart-tooltip__title">{point.name}</p>
      <p>Ownership {formatDelta(point.ownershipDelta)}</p>
      <p>Centralisation {formatDelta(point.centralisationDelta)}</p>
    </div>
  );
}
