/**
 * HTML reports (saved government pages, Word-pasted HTML) are read through a
 * text view: block elements end lines, each table row is a line with its
 * cells between TABs (an empty `<td>&nbsp;</td>` is an empty cell), inline
 * elements add nothing (a label split over several `<span>`s joins up), and
 * scripts, styles and the head are left out. Every character of the view
 * remembers its offset in the HTML, so findings land on the `<td>` text.
 */
import { Parser } from 'htmlparser2';

export interface View {
  readonly text: string;
  /** Source offset of each view character, plus one entry for the end. */
  readonly offsets: Int32Array;
  /** Source offset just after each view character (an entity ends after its `;`). */
  readonly ends: Int32Array;
}

const SKIPPED = new Set([
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
]);
const BLOCK = new Set([
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
  'table',
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
]);
const CELL = new Set(['td', 'th']);

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

export function htmlView(html: string): View {
  const parts: string[] = [];
  let offsets = new Int32Array(Math.max(16, html.length + 1));
  let ends = new Int32Array(offsets.length);
  let n = 0;
  let skipDepth = 0;
  let cellDepth = 0;
  let rowOpen = false;
  let cellsInRow = 0;
  const grids: { carry: number[]; col: number; spanLeft: number }[] = [];
  const boundary = (at: number): void => {
    if (cellsInRow > 0) emit('\t', at, false);
    cellsInRow++;
  };

  /** Append view text: one-to-one with the source, or all of it standing for [sourceStart, sourceEnd). */
  const emit = (
    s: string,
    sourceStart: number,
    oneToOne: boolean,
    sourceEnd = sourceStart,
  ): void => {
    if (s.length === 0) return;
    if (n + s.length + 1 > offsets.length) {
      const size = (n + s.length + 1) * 2;
      const grownStarts = new Int32Array(size);
      grownStarts.set(offsets.subarray(0, n));
      offsets = grownStarts;
      const grownEnds = new Int32Array(size);
      grownEnds.set(ends.subarray(0, n));
      ends = grownEnds;
    }
    for (let i = 0; i < s.length; i++) {
      offsets[n] = oneToOne ? sourceStart + i : sourceStart;
      ends[n++] = oneToOne ? sourceStart + i + 1 : sourceEnd;
    }
    parts.push(s);
  };
  const lastChar = (): string => {
    for (let i = parts.length - 1; i >= 0; i--) {
      const p = parts[i] as string;
      if (p.length > 0) return p[p.length - 1] as string;
    }
    return '\n';
  };
  const newline = (at: number): void => {
    if (lastChar() !== '\n') emit('\n', at, false);
  };

  const parser: Parser = new Parser(
    {
      onopentag(name, attribs) {
        const at = parser.startIndex;
        if (SKIPPED.has(name)) skipDepth++;
        if (skipDepth > 0) return;
        if (name === 'table') grids.push({ carry: [], col: 0, spanLeft: 0 });
        const grid = grids[grids.length - 1];
        if (name === 'tr') {
          newline(at);
          rowOpen = true;
          cellsInRow = 0;
          if (grid) grid.col = 0;
        } else if (CELL.has(name)) {
          if (!rowOpen) newline(at);
          // Cells sit in the table's grid: columns still covered by a rowspan
          // from above become empty cells, so that every row lines up with
          // the header (an empty `<td>&nbsp;</td>` is a blank under its column).
          if (grid) {
            while ((grid.carry[grid.col] ?? 0) > 0) {
              grid.carry[grid.col] = (grid.carry[grid.col] as number) - 1;
              grid.col++;
              boundary(at);
            }
            const colspan = span(attribs.colspan);
            const rowspan = span(attribs.rowspan);
            for (let c = grid.col; c < grid.col + colspan; c++) grid.carry[c] = rowspan - 1;
            grid.col += colspan;
            grid.spanLeft = colspan - 1;
          }
          boundary(at);
          cellDepth++;
        } else if (BLOCK.has(name)) {
          if (cellDepth > 0) emit(' ', at, false);
          else newline(at);
        }
      },
      ontext(data) {
        if (skipDepth > 0) return;
        const start = parser.startIndex;
        const oneToOne = parser.endIndex - start + 1 === data.length;
        // Inside a cell, line breaks are only wrapping: keep the row on one line.
        emit(
          cellDepth > 0 ? data.replace(/[\t\r\n]/gu, ' ') : data,
          start,
          oneToOne,
          parser.endIndex + 1,
        );
      },
      onclosetag(name) {
        const at = parser.startIndex;
        if (SKIPPED.has(name)) {
          skipDepth = Math.max(0, skipDepth - 1);
          return;
        }
        if (skipDepth > 0) return;
        const grid = grids[grids.length - 1];
        if (CELL.has(name)) {
          cellDepth = Math.max(0, cellDepth - 1);
          // A colspan leaves empty cells under the rest of its span.
          for (; grid && grid.spanLeft > 0; grid.spanLeft--) boundary(at);
        } else if (name === 'tr') {
          if (grid)
            for (let c = grid.col; c < grid.carry.length; c++)
              grid.carry[c] = Math.max(0, (grid.carry[c] ?? 0) - 1);
          // Cells are separated by TABs, and the row ends with one, so that an
          // empty first or last cell is still a cell.
          emit('\t', at, false);
          newline(at);
          rowOpen = false;
        } else if (name === 'table') grids.pop();
        else if (BLOCK.has(name) && cellDepth === 0) newline(at);
      },
    },
    { decodeEntities: true, lowerCaseTags: true },
  );
  parser.write(html);
  parser.end();
  offsets[n] = html.length;
  ends[n] = html.length;
  return {
    text: parts.join(''),
    offsets: offsets.subarray(0, n + 1),
    ends: ends.subarray(0, n + 1),
  };
}
