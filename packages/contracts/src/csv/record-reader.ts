/** Reading the records of a CSV file (RFC 4180), one at a time. */
const QUOTE = 0x22;
const COMMA = 0x2c;
const CR = 0x0d;
const LF = 0x0a;
const BYTE_ORDER_MARK = 0xfeff;
/** Longer than any record of the import format: an unclosed quote, not a record, when it comes in chunks. */
const MAX_PENDING_RECORD = 1024 * 1024;

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
 *
 * The text may come in chunks (`push`, then `end`): a record is handed out only once it is known
 * to be whole, so a chunk may end anywhere, even between the CR and LF of a line break or inside
 * a quoted value. Only the unread rest of the text is kept.
 */
export class CsvRecordReader {
  private text = '';
  private position = 0;
  private line = 1;
  private started = false;
  private ended = false;

  /** With a text: the whole file at once. */
  constructor(text?: string) {
    if (text !== undefined) {
      this.push(text);
      this.end();
    }
  }

  push(chunk: string): void {
    if (this.ended) throw new Error('the CSV text has already ended');
    this.text = this.position === 0 ? this.text + chunk : this.text.slice(this.position) + chunk;
    this.position = 0;
    if (!this.started && this.text.length > 0) {
      this.started = true;
      if (this.text.charCodeAt(0) === BYTE_ORDER_MARK) this.position = 1;
    }
  }

  /** No more text will come: a last record without a line break is whole. */
  end(): void {
    this.ended = true;
  }

  /**
   * The next whole record, or null: at the end of the text once `end` was called, and before
   * that when the next record may go on in text not pushed yet.
   */
  next(): CsvRecord | null {
    const text = this.text;
    const length = text.length;
    let i = this.position;
    if (i >= length) return null;
    const ended = this.ended;
    const recordLine = this.line;
    // Reading reached the end of the text so far, but more may come: read this record again then.
    const later = () => {
      if (length - this.position > MAX_PENDING_RECORD) {
        throw new CsvSyntaxError(
          recordLine,
          recordLine,
          fields.length,
          `the record that starts on line ${recordLine} runs on for over 1 MiB; a value that opens with a quote (") is probably never closed`,
        );
      }
      this.line = recordLine;
      return null;
    };
    const fields: string[] = [];
    for (;;) {
      let value: string;
      if (text.charCodeAt(i) === QUOTE) {
        const openedOn = this.line;
        let value_ = '';
        let start = ++i;
        for (;;) {
          if (i >= length) {
            if (!ended) return later();
            throw new CsvSyntaxError(
              openedOn,
              recordLine,
              fields.length,
              `a value that opens with a quote (") on line ${openedOn} is never closed`,
            );
          }
          const c = text.charCodeAt(i);
          // A quote or a CR is read with the character after it.
          if (!ended && i + 1 >= length && (c === QUOTE || c === CR)) return later();
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
      if (i >= length) {
        if (!ended) return later();
        fields.push(value);
        break;
      }
      fields.push(value);
      const c = text.charCodeAt(i);
      if (c === COMMA) {
        i++;
        continue;
      }
      if (c === CR && i + 1 >= length && !ended) return later();
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
