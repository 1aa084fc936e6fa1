/** How an import's problems are collected and told: counts, lists of names, the 400 answer. */
import type { FieldError } from '../problem.ts';
import { MAX_REPORTED_ERRORS, type MetricsCsvResult } from './columns.ts';

export class ErrorList {
  readonly reported: FieldError[] = [];
  total = 0;

  constructor(private readonly limit = MAX_REPORTED_ERRORS) {}

  add(error: FieldError): void {
    this.total++;
    if (this.reported.length < this.limit) this.reported.push(error);
  }

  summary(): string {
    const listed =
      this.total > this.reported.length ? ` The first ${this.reported.length} are listed.` : '';
    return `${plural(this.total, 'problem')}.${listed}`;
  }
}

export function plural(count: number, noun: string): string {
  return `${count.toLocaleString('en-US')} ${noun}${count === 1 ? '' : 's'}`;
}

export function listNames(names: readonly string[]): string {
  const shown = names.slice(0, 10).join(', ');
  return names.length > 10 ? `${shown} and ${names.length - 10} more` : shown;
}

export function unparseable(detail: string, errors: FieldError[]): MetricsCsvResult {
  return { ok: false, kind: 'unparseable', detail, errors };
}

