import type { DriftLevel } from '../../lib/drift.ts';

/**
 * Chart colours live in code because SVG presentation attributes cannot read CSS variables in
 * every browser. Keep them in step with the badge colours in styles.css.
 * The two index lines use blue and purple so they never look like a severity.
 */
export const chartColours = {
  ownership: '#2c6fbb',
  centralisation: '#8a4fb0',
  grid: '#e3e6ea',
  axis: '#5b6472',
  reference: '#9aa3ae',
  driftZone: '#c0392b',
  onTarget: '#4d8f6a',
  belowTarget: '#d0826f',
} as const;

export const driftLevelColours: Record<DriftLevel, string> = {
  critical: '#c0392b',
  warning: '#d9731a',
  watch: '#c99a06',
  clear: '#4d8f6a',
  insufficient_data: '#9aa3ae',
};
