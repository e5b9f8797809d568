/**
 * HTML reports (saved government pages, Word-pasted HTML) are read through a
 * text view: block elements end lines, each table row is a line with its
 * cells between TABs (an empty `<td>&nbsp;</td>` is an empty cell), inline
 * elements add nothing (a label split over several `<span>`s joins up), and
 * scripts, styles and the head are left out. Every character of the view
 * remembers its offset in the HTML, so findings land on the `<td>` text.
 *
 * The page is read by html-events.ts (htmlparser2's tokenizer with the
 * Parser's tree rules) and written by html-view-writer.ts, which finds the
 * view's lines as it writes, so the view is not split again.
 */
import { type TagHandler, TagEvents } from './html-events.js';
import { LF, TAB, ViewWriter } from './html-view-writer.js';
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
