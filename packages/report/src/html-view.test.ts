/**
 * The HTML view finds its lines while it is written: they must be the lines
 * `splitLines` finds in the view's text (LF, CRLF and a lone CR, in text
 * between blocks; none inside a cell, where line ends become spaces).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { htmlView } from './html-view.js';
import { splitLines } from './lines.js';

const PIECES = [
  '<p>',
  '</p>',
  '<td>',
  '</td>',
  '<tr>',
  '</tr>',
  '<table>',
  '</table>',
  '<br>',
  '<div>',
  '<span>',
  '&nbsp;',
  '&#13;',
  '&#10;',
  '\r\n',
  '\r',
  '\n',
  '\n\r',
  '\t',
  '一、总体情况',
  '12',
  '\ufeff',
  '\ud800',
  '\udc00',
  '😀',
];

describe('htmlView lines', () => {
  it('are the lines of the view text, for any page of these pieces', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...PIECES), { maxLength: 40 }), (pieces) => {
        const view = htmlView(pieces.join(''));
        expect(view.lines).toEqual(splitLines(view.text));
        expect(view.offsets.length).toBe(view.text.length + 1);
      }),
      { numRuns: 2000 },
    );
  });

  it('keeps each source character that stands for itself, lone surrogates and BOM included', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...PIECES), { maxLength: 40 }), (pieces) => {
        const html = pieces.join('');
        const view = htmlView(html);
        for (let i = 0; i < view.text.length; i++) {
          const from = view.offsets[i] as number;
          if ((view.ends[i] as number) - from !== 1) continue;
          const source = html.charCodeAt(from);
          // Inside a cell, TAB and line ends become spaces.
          const wrapped = source === 9 || source === 10 || source === 13 ? 32 : source;
          expect([source, wrapped]).toContain(view.text.charCodeAt(i));
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('reads a page nested 200000 elements deep (the open elements are a stack, not an array shifted at its front)', () => {
    const depth = 200000;
    const view = htmlView(`${'<div>'.repeat(depth)}一、总体情况${'</div>'.repeat(depth)}`);
    expect(view.text).toBe('一、总体情况\n');
    expect(view.offsets[0]).toBe(depth * 5);
    expect(view.lines.starts).toEqual([0, 7]);
  });
});
