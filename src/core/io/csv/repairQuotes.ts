/** A quote that opened a field and swallowed whole rows. */
export interface BrokenQuote {
  /** 1-based line of the file where the quote is. */
  line: number;
  /** Lines it swallowed (line breaks inside the would-be field). */
  lines: number;
}

export interface QuoteScan {
  /** The text with each broken quote removed (unchanged when there is none). */
  text: string;
  broken: BrokenQuote[];
  /** 1-based start line of every record with content, header included, in the repaired text. */
  recordLines: number[];
  /** 1-based line where each of those records ends (differs from the start for multi-line cells). */
  recordEnds: number[];
}

const MAX_REPAIRS = 100;

/**
 * Finds quotes that open a field and are never closed properly, swallowing line breaks: a
 * quoted field that reaches the end of the file across a line break, or that spans lines which
 * themselves hold a whole row (at least as many delimiters as the header has), is a stray quote,
 * not data — a real multi-line cell (an address on two lines) does not contain rows. Each one is
 * removed (the field is read as written) and the text scanned again. Also lists where each
 * record starts, to check the parser's row count against the file.
 */
export function repairQuotes(input: string, delimiter: string): QuoteScan {
  let text = input;
  const broken: BrokenQuote[] = [];
  for (let round = 0; round <= MAX_REPAIRS; round++) {
    const s = scan(text, delimiter);
    if (!s.bad || round === MAX_REPAIRS) return { text, broken, recordLines: s.recordLines, recordEnds: s.recordEnds };
    // Removing a quote removes no line break: line numbers stay those of the original file.
    broken.push({ line: s.bad.line, lines: s.bad.lines });
    text = text.slice(0, s.bad.index) + text.slice(s.bad.index + 1);
  }
  return { text, broken, recordLines: [], recordEnds: [] };
}

function scan(text: string, d: string): { bad: (BrokenQuote & { index: number }) | null; recordLines: number[]; recordEnds: number[] } {
  const n = text.length;
  let line = 1;
  let headerDelims = -1;
  const recordLines: number[] = [];
  const recordEnds: number[] = [];
  let recordStart = 1;
  let recordHasContent = false;
  let delims = 0;
  let i = 0;
  let fieldStart = true;
  const endRecord = (): void => {
    if (headerDelims < 0) headerDelims = delims;
    if (recordHasContent) {
      recordLines.push(recordStart);
      recordEnds.push(line);
    }
    recordHasContent = false;
    delims = 0;
  };
  while (i < n) {
    const c = text[i] as string;
    if (fieldStart && c === '"') {
      const qIndex = i;
      const qLine = line;
      const breaks: number[] = [];
      i++;
      let closed = false;
      while (i < n) {
        const q = text[i] as string;
        if (q === '"') {
          if (text[i + 1] === '"') {
            i += 2;
            continue;
          }
          closed = true;
          i++;
          break;
        }
        if (q === '\n') breaks.push(i);
        i++;
      }
      if (breaks.length > 0) {
        // Whole lines inside the quoted field: between two swallowed line breaks, or after the last one when never closed.
        const swallowsRows = breaks.some((b, k) => {
          const end = breaks[k + 1] ?? (closed ? -1 : n);
          if (end < 0) return false;
          return countDelims(text, b + 1, end, d) >= Math.max(1, headerDelims);
        });
        if (!closed || swallowsRows) return { bad: { index: qIndex, line: qLine, lines: breaks.length }, recordLines, recordEnds };
        line += breaks.length;
      }
      // greedy empty-line skipping treats "" like an empty cell
      if (text.slice(qIndex + 1, closed ? i - 1 : i).trim() !== '') recordHasContent = true;
      fieldStart = false;
      continue;
    }
    if (c === '\n' || (c === '\r' && text[i + 1] !== '\n')) {
      endRecord();
      line++;
      i++;
      recordStart = line;
      fieldStart = true;
      continue;
    }
    if (text.startsWith(d, i)) {
      delims++;
      fieldStart = true;
      i += d.length;
      continue;
    }
    if (c !== '\r' && c.trim() !== '') recordHasContent = true;
    fieldStart = false;
    i++;
  }
  endRecord();
  return { bad: null, recordLines, recordEnds };
}

function countDelims(text: string, from: number, to: number, d: string): number {
  let k = 0;
  for (let i = text.indexOf(d, from); i >= 0 && i < to; i = text.indexOf(d, i + d.length)) k++;
  return k;
}
