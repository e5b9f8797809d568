/**
 * HTML reports (saved government pages, Word-pasted HTML) are read through a
 * text view: block elements end lines, each table row is a line with its
 * cells between TABs (an empty `<td>&nbsp;</td>` is an empty cell), inline
 * elements add nothing (a label split over several `<span>`s joins up), and
 * scripts, styles and the head are left out. Every character of the view
 * remembers its offset in the HTML, so findings land on the `<td>` text.
 *
 * The callbacks run once per tag and text run of the page, so they are
 * kept to a tag's kind looked up once, the last character kept as a number
 * (not looked up in the parts), and the view's lines found while each
 * character's offsets are written, rather than by splitting the view again.
 */
import { type TagHandler, TagEvents } from './html-events.js';
import type { Lines } from './lines.js';

export interface View {
  readonly text: string;
  /** Source offset of each view character, plus one entry for the end. */
  readonly offsets: Int32Array;
  /** Source offset just after each view character (an entity ends after its `;`). */
  readonly ends: Int32Array;
  /** The view's lines, exactly as `splitLines(text)` gives them. */
  readonly lines: Lines;
}

/** What a tag does to the view. Any other tag (inline) adds nothing. */
const SKIPPED = 1;
const BLOCK = 2;
const CELL = 3;
const ROW = 4;
const TABLE = 5;

const KIND = new Map<string, number>([
  ...[
    'script',
    'style',
    'head',
    'noscript',
    'template',
    'svg',
    'select',
    'button',
    'iframe',
    'object',
  ].map((t): [string, number] => [t, SKIPPED]),
  ...[
    'p',
    'div',
    'br',
    'h1',
    'h2',
    'h3',
    'h4',
    'h5',
    'h6',
    'li',
    'ul',
    'ol',
    'tbody',
    'thead',
    'tfoot',
    'section',
    'article',
    'header',
    'footer',
    'nav',
    'aside',
    'main',
    'blockquote',
    'pre',
    'hr',
    'dl',
    'dt',
    'dd',
    'caption',
    'form',
    'center',
    'title',
    'body',
    'html',
  ].map((t): [string, number] => [t, BLOCK]),
  ['td', CELL],
  ['th', CELL],
  ['tr', ROW],
  // A block too, that also opens a grid.
  ['table', TABLE],
]);

const TAB = 9;
const LF = 10;
const CR = 13;

/** Tags that make a document HTML rather than text that mentions `<…>`. */
const HTML_START =
  /<(?:!doctype\s+html|html|head|body|meta|table|tbody|tr|td|th|div|p|span|h[1-6]|br)\b[^>]*>/iu;

export function looksLikeHtml(text: string): boolean {
  const head = text.slice(0, 4096);
  // Most reports are plain text: no `<`, no regex run.
  return head.includes('<') && HTML_START.test(head);
}

/** A rowspan or colspan, capped so that a hostile page stays linear. */
function span(value: string | undefined): number {
  const n = Number.parseInt(value ?? '1', 10);
  return Number.isFinite(n) && n > 1 ? Math.min(n, 100) : 1;
}

interface Grid {
  carry: number[];
  col: number;
  spanLeft: number;
}

/**
 * The view's text is decoded once from its units: joining a part per text
 * run and per TAB costs a few times more. A lone surrogate, which UTF-16
 * decoding would replace, is kept by the slower exact path.
 */
const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;
const UTF16 = new TextDecoder(LITTLE_ENDIAN ? 'utf-16le' : 'utf-16be', { ignoreBOM: true });
const CHUNK = 8192;

function unitsText(units: Uint16Array, n: number, exact: boolean): string {
  if (!exact) return UTF16.decode(units.subarray(0, n));
  let out = '';
  for (let i = 0; i < n; i += CHUNK) {
    out += String.fromCharCode.apply(
      null,
      units.subarray(i, Math.min(n, i + CHUNK)) as unknown as number[],
    );
  }
  return out;
}

/** The view being written: its units, each one's source span, and its lines. */
class ViewWriter {
  units: Uint16Array;
  offsets: Int32Array;
  ends: Int32Array;
  n = 0;
  /** The view's last character (a line end before anything is written). */
  last = LF;
  readonly starts: number[] = [0];
  readonly lineEnds: number[] = [];
  /** Where the last CR was written: an LF right after it ends no second line. */
  private cr = -2;
  /** A surrogate was written: the text is made by the exact path. */
  private surrogate = false;

  constructor(size: number) {
    this.units = new Uint16Array(size);
    this.offsets = new Int32Array(size);
    this.ends = new Int32Array(size);
  }

  private reserve(extra: number): void {
    if (this.n + extra + 1 <= this.offsets.length) return;
    const size = (this.n + extra + 1) * 2;
    const units = new Uint16Array(size);
    units.set(this.units.subarray(0, this.n));
    this.units = units;
    const starts = new Int32Array(size);
    starts.set(this.offsets.subarray(0, this.n));
    this.offsets = starts;
    const ends = new Int32Array(size);
    ends.set(this.ends.subarray(0, this.n));
    this.ends = ends;
  }

  /** One character standing for the source at `at` (a TAB, a line end, a space). */
  mark(c: number, at: number): void {
    this.reserve(1);
    this.units[this.n] = c;
    this.offsets[this.n] = at;
    this.ends[this.n] = at;
    if (c === LF) this.line(c, this.n);
    this.n++;
    this.last = c;
  }

  /**
   * Source text `s[from, to)`: one-to-one with `[start, …)`, or all of it
   * standing for `[start, end)` (a decoded entity). In a cell, TAB and line
   * ends are only wrapping and become spaces.
   */
  text(
    s: string,
    from: number,
    to: number,
    start: number,
    oneToOne: boolean,
    end: number,
    inCell: boolean,
  ): void {
    const length = to - from;
    if (length <= 0) return;
    this.reserve(length);
    const { units, offsets, ends } = this;
    const n = this.n;
    let c = 0;
    for (let i = 0; i < length; i++) {
      c = s.charCodeAt(from + i);
      offsets[n + i] = oneToOne ? start + i : start;
      ends[n + i] = oneToOne ? start + i + 1 : end;
      // Only a control character can be a TAB or a line end (most are ideographs).
      if (c <= CR && (c === TAB || c === LF || c === CR)) {
        if (inCell) c = 32;
        else if (c !== TAB) this.line(c, n + i);
      } else if (c >= 0xd800 && c <= 0xdfff) this.surrogate = true;
      units[n + i] = c;
    }
    this.n = n + length;
    this.last = c;
  }

  /** A line end at view offset `at`, with `splitLines`' rules (CRLF, LF, lone CR). */
  private line(c: number, at: number): void {
    if (c === LF && this.cr === at - 1) {
      this.starts[this.starts.length - 1] = at + 1;
      return;
    }
    if (c === CR) this.cr = at;
    this.lineEnds.push(at);
    this.starts.push(at + 1);
  }

  finish(sourceLength: number): View {
    this.reserve(0);
    this.offsets[this.n] = sourceLength;
    this.ends[this.n] = sourceLength;
    this.lineEnds.push(this.n);
    return {
      text: unitsText(this.units, this.n, this.surrogate),
      offsets: this.offsets.subarray(0, this.n + 1),
      ends: this.ends.subarray(0, this.n + 1),
      lines: { starts: this.starts, ends: this.lineEnds },
    };
  }
}

export function htmlView(html: string): View {
  const view = new ViewBuilder(html.length);
  const events = new TagEvents(html, view, CELLS);
  view.events = events;
  events.run();
  return view.out.finish(html.length);
}

/** The tags whose attributes are read: a cell's `colspan` and `rowspan`. */
const CELLS: ReadonlySet<string> = new Set(['td', 'th']);

/** The view's rules, on the parser's events. */
class ViewBuilder implements TagHandler {
  readonly out: ViewWriter;
  events: TagEvents | null = null;
  private skipDepth = 0;
  private cellDepth = 0;
  private rowOpen = false;
  private cellsInRow = 0;
  private readonly grids: Grid[] = [];

  constructor(sourceLength: number) {
    // Most of a page is markup: the view is grown if it needs more.
    this.out = new ViewWriter(Math.max(64, (sourceLength >> 1) + 1));
  }

  private at(): number {
    return (this.events as TagEvents).startIndex;
  }

  private boundary(at: number): void {
    if (this.cellsInRow > 0) this.out.mark(TAB, at);
    this.cellsInRow++;
  }

  private newline(at: number): void {
    if (this.out.last !== LF) this.out.mark(LF, at);
  }

  onopentag(name: string, attribs: Readonly<Record<string, string>>): void {
    const kind = KIND.get(name);
    if (kind === SKIPPED) this.skipDepth++;
    if (this.skipDepth > 0 || kind === undefined) return;
    const at = this.at();
    const grids = this.grids;
    if (kind === TABLE) grids.push({ carry: [], col: 0, spanLeft: 0 });
    const grid = grids[grids.length - 1];
    if (kind === ROW) {
      this.newline(at);
      this.rowOpen = true;
      this.cellsInRow = 0;
      if (grid) grid.col = 0;
    } else if (kind === CELL) {
      if (!this.rowOpen) this.newline(at);
      // Cells sit in the table's grid: columns still covered by a rowspan
      // from above become empty cells, so that every row lines up with
      // the header (an empty `<td>&nbsp;</td>` is a blank under its column).
      if (grid) {
        while ((grid.carry[grid.col] ?? 0) > 0) {
          grid.carry[grid.col] = (grid.carry[grid.col] as number) - 1;
          grid.col++;
          this.boundary(at);
        }
        const colspan = span(attribs.colspan);
        const rowspan = span(attribs.rowspan);
        for (let c = grid.col; c < grid.col + colspan; c++) grid.carry[c] = rowspan - 1;
        grid.col += colspan;
        grid.spanLeft = colspan - 1;
      }
      this.boundary(at);
      this.cellDepth++;
    } else if (this.cellDepth > 0) this.out.mark(32, at);
    else this.newline(at);
  }

  ontext(source: string, from: number, to: number): void {
    if (this.skipDepth > 0) return;
    const events = this.events as TagEvents;
    const start = events.startIndex;
    this.out.text(
      source,
      from,
      to,
      start,
      events.endIndex - start + 1 === to - from,
      events.endIndex + 1,
      this.cellDepth > 0,
    );
  }

  onclosetag(name: string): void {
    const kind = KIND.get(name);
    if (kind === SKIPPED) {
      this.skipDepth = Math.max(0, this.skipDepth - 1);
      return;
    }
    if (this.skipDepth > 0 || kind === undefined) return;
    const at = this.at();
    const grid = this.grids[this.grids.length - 1];
    if (kind === CELL) {
      this.cellDepth = Math.max(0, this.cellDepth - 1);
      // A colspan leaves empty cells under the rest of its span.
      for (; grid && grid.spanLeft > 0; grid.spanLeft--) this.boundary(at);
    } else if (kind === ROW) {
      if (grid)
        for (let c = grid.col; c < grid.carry.length; c++)
          grid.carry[c] = Math.max(0, (grid.carry[c] ?? 0) - 1);
      // Cells are separated by TABs, and the row ends with one, so that an
      // empty first or last cell is still a cell.
      this.out.mark(TAB, at);
      this.newline(at);
      this.rowOpen = false;
    } else if (kind === TABLE) this.grids.pop();
    else if (this.cellDepth === 0) this.newline(at);
  }
}
