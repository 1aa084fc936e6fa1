/**
 * The version of the rules as this code computes them. Stored assessments record nothing of how
 * they were made, so a change that makes `assessArea` or `detectFindings` answer differently for
 * the same figures and settings must raise this number: the next start then reassesses everything.
 */
export const RULES_VERSION = 1;
