/**
 * The rules compare unrounded values, but a weighted mean of fractions is not exact in binary:
 * a delta that is 5 on paper can come out as 4.999999999999999. A tolerance far below anything
 * the inputs can express (money, FTE and days are not given to 1e-9 of a point) lets the exact
 * case hit, as the brief says it must, while 4.999 still misses.
 */
export const FLOAT_TOLERANCE = 1e-9;

export function isAtLeast(value: number, threshold: number): boolean {
  return value >= threshold - FLOAT_TOLERANCE;
}

export function isAtMost(value: number, threshold: number): boolean {
  return value <= threshold + FLOAT_TOLERANCE;
}

export function isBelow(value: number, threshold: number): boolean {
  return !isAtLeast(value, threshold);
}
