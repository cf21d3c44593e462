/**
 * Delimited text (CSV, or tab-separated lines pasted from a spreadsheet) read in one pass, in the browser and on the
 * server alike. Hand-written rather than papaparse: papaparse rescans the rest of the text for every quoted field
 * and guesses the delimiter by parsing the whole text once per candidate, so 1 MiB of `",` took seconds; here every
 * character is looked at a bounded number of times, and reading stops after `maxRecords`.
 *
 * The dialect is RFC 4180's: a field may be quoted, `""` inside quotes is a quote, quotes may hold delimiters and
 * line breaks. Lenient where a file is not: text after a closing quote stays in the field, a quote never closed
 * holds the rest of the text (and says so). Lines end with LF, CRLF or CR; a leading BOM is dropped; a record whose
 * cells are all blank is skipped (its lines still count).
 */

export type TextRecord = {
  /** The 1-based line where the record starts, as an editor shows it. */
  line: number;
  cells: string[];
  /** A quoted field ran to the end of the text. */
  unclosedQuote: boolean;
};

/**
 * "per-line": each record's first line picks its own delimiter: a tab if it holds one, else a comma.
 * "first-line": the first record's line picks for the whole text (a file comes from one tool).
 */
export type DelimiterRule = "per-line" | "first-line";

const QUOTE = 34;
const TAB = 9;
const LF = 10;
const CR = 13;
const COMMA = 44;

/** The records of `text`, one at a time: the caller stops reading when it has seen enough. */
export function* delimitedRecords(text: string, rule: DelimiterRule): Generator<TextRecord, void, undefined> {
  const reader = new Reader(text);
  let textDelimiter: number | null = null;
  while (reader.skipBlankLines()) {
    const delimiter = rule === "per-line" ? reader.delimiter() : (textDelimiter ??= reader.delimiter());
    const record = reader.record(delimiter);
    if (record.cells.some((cell) => cell.trim() !== "")) yield record;
  }
}

class Reader {
  private at: number;
  private line = 1;

  constructor(private readonly text: string) {
    this.at = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  }

  /** Moves past line ends, counting them; false at the end of the text. */
  skipBlankLines(): boolean {
    const { text } = this;
    for (;;) {
      const code = text.charCodeAt(this.at);
      if (code === LF) this.at += 1;
      else if (code === CR) this.at += text.charCodeAt(this.at + 1) === LF ? 2 : 1;
      else return this.at < text.length;
      this.line += 1;
    }
  }

  /** Tab if the line from here holds one, else comma. Scans that line only. */
  delimiter(): number {
    const { text } = this;
    for (let index = this.at; index < text.length; index += 1) {
      const code = text.charCodeAt(index);
      if (code === TAB) return TAB;
      if (code === LF || code === CR) break;
    }
    return COMMA;
  }

  /** The record starting here, up to (not past) its line end. */
  record(delimiter: number): TextRecord {
    const record: TextRecord = { line: this.line, cells: [], unclosedQuote: false };
    for (;;) {
      if (this.text.charCodeAt(this.at) === QUOTE) record.cells.push(this.quoted(delimiter, record));
      else record.cells.push(this.plain(delimiter));
      if (this.text.charCodeAt(this.at) !== delimiter) return record;
      this.at += 1;
    }
  }

  private plain(delimiter: number): string {
    const { text } = this;
    const start = this.at;
    let index = start;
    for (; index < text.length; index += 1) {
      const code = text.charCodeAt(index);
      if (code === delimiter || code === LF || code === CR) break;
    }
    this.at = index;
    return text.slice(start, index);
  }

  /** A quoted field; anything between its closing quote and the next delimiter or line end is kept as written. */
  private quoted(delimiter: number, record: TextRecord): string {
    const { text } = this;
    const open = this.at;
    let close = open + 1;
    let escaped = false;
    for (; close < text.length; close += 1) {
      const code = text.charCodeAt(close);
      if (code === QUOTE) {
        if (text.charCodeAt(close + 1) !== QUOTE) break;
        escaped = true;
        close += 1;
      } else if (code === LF || (code === CR && text.charCodeAt(close + 1) !== LF)) this.line += 1;
    }
    if (close === text.length) record.unclosedQuote = true;
    const inside = text.slice(open + 1, close);
    this.at = Math.min(close + 1, text.length);
    const value = escaped ? inside.replaceAll('""', '"') : inside;
    return this.at < text.length ? value + this.plain(delimiter) : value;
  }
}
