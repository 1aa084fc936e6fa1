/** Reading the records of a CSV file (RFC 4180), one at a time. */
const QUOTE = 0x22;
const COMMA = 0x2c;
const CR = 0x0d;
const LF = 0x0a;
const BYTE_ORDER_MARK = 0xfeff;

export interface CsvRecord {
  /** The physical line the record starts on. */
  line: number;
  fields: string[];
}

export class CsvSyntaxError extends Error {
  constructor(
    readonly line: number,
    /** The record's line, which differs from `line` when a quoted value spans lines. */
    readonly recordLine: number,
    readonly fieldIndex: number,
    message: string,
  ) {
    super(message);
  }
}

/**
 * Reads one record at a time so that a file over the row limit, or broken near its start, is
 * rejected without reading the rest. Lines are counted physically (CRLF, LF or a lone CR each end
 * one), including those inside quoted values, so errors point at the line an editor shows.
 */
export class CsvRecordReader {
  private position: number;
  private line = 1;

  constructor(private readonly text: string) {
    this.position = text.charCodeAt(0) === BYTE_ORDER_MARK ? 1 : 0;
  }

  next(): CsvRecord | null {
    const text = this.text;
    const length = text.length;
    let i = this.position;
    if (i >= length) return null;
    const recordLine = this.line;
    const fields: string[] = [];
    for (;;) {
      let value: string;
      if (text.charCodeAt(i) === QUOTE) {
        const openedOn = this.line;
        let value_ = '';
        let start = ++i;
        for (;;) {
          if (i >= length) {
            throw new CsvSyntaxError(
              openedOn,
              recordLine,
              fields.length,
              `a value that opens with a quote (") on line ${openedOn} is never closed`,
            );
          }
          const c = text.charCodeAt(i);
          if (c === QUOTE) {
            if (text.charCodeAt(i + 1) === QUOTE) {
              value_ += text.slice(start, i + 1);
              i += 2;
              start = i;
              continue;
            }
            value_ += text.slice(start, i);
            i++;
            break;
          }
          if (c === CR) {
            this.line++;
            if (text.charCodeAt(i + 1) === LF) i++;
          } else if (c === LF) {
            this.line++;
          }
          i++;
        }
        const after = text.charCodeAt(i);
        if (i < length && after !== COMMA && after !== CR && after !== LF) {
          throw new CsvSyntaxError(
            this.line,
            recordLine,
            fields.length,
            `line ${this.line} has text after the closing quote of a value; ` +
              'a quoted value must end at the next comma or line end',
          );
        }
        value = value_;
      } else {
        const start = i;
        while (i < length) {
          const c = text.charCodeAt(i);
          if (c === COMMA || c === CR || c === LF) break;
          if (c === QUOTE) {
            // `a, "b"` is a common slip that strict CSV does not allow; name it precisely.
            const spaceBeforeQuote = text.slice(start, i).trim() === '';
            throw new CsvSyntaxError(
              this.line,
              recordLine,
              fields.length,
              spaceBeforeQuote
                ? `line ${this.line} has a space before an opening quote ("); ` +
                    'a quoted value must start right after the comma'
                : `line ${this.line} has a quote (") inside a value; wrap the whole value in quotes ` +
                    'and double each quote inside it ("")',
            );
          }
          i++;
        }
        value = text.slice(start, i);
      }
      fields.push(value);
      if (i >= length) break;
      const c = text.charCodeAt(i);
      if (c === COMMA) {
        i++;
        continue;
      }
      i += c === CR && text.charCodeAt(i + 1) === LF ? 2 : 1;
      this.line++;
      break;
    }
    this.position = i;
    return { line: recordLine, fields };
  }
}

/** Blank lines, and the all-comma lines spreadsheets leave after the data, carry no figures. */
export function isBlank(fields: readonly string[]): boolean {
  for (const field of fields) if (field.trim() !== '') return false;
  return true;
}
