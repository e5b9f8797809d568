/**
 * TagEvents against htmlparser2's Parser: the same events, names, attributes
 * and source positions, on generated pages built from the pieces that
 * exercise the tree rules (implied ends, void and stray end tags, foreign
 * content, entities, comments, unclosed tags) and on the seeds as HTML.
 */
import { readFileSync, readdirSync } from 'node:fs';
import fc from 'fast-check';
import { Parser } from 'htmlparser2';
import { describe, expect, it } from 'vitest';
import { TagEvents, type TagHandler } from './html-events.js';

const CELLS = new Set(['td', 'th']);

type Event = (string | number | undefined)[];

/** The events as the view reads them: kind, name or text, position, and a cell's spans. */
function viaParser(html: string): Event[] {
  const out: Event[] = [];
  const parser: Parser = new Parser(
    {
      onopentag(name, attribs) {
        const spans = CELLS.has(name) ? [attribs.colspan, attribs.rowspan] : [];
        out.push(['open', name, parser.startIndex, ...spans]);
      },
      ontext(data) {
        out.push(['text', data, parser.startIndex, parser.endIndex]);
      },
      onclosetag(name) {
        out.push(['close', name, parser.startIndex]);
      },
    },
    { decodeEntities: true, lowerCaseTags: true },
  );
  parser.write(html);
  parser.end();
  return out;
}

function viaTagEvents(html: string): Event[] {
  const out: Event[] = [];
  const handler: TagHandler = {
    onopentag(name, attribs) {
      const spans = CELLS.has(name) ? [attribs.colspan, attribs.rowspan] : [];
      out.push(['open', name, events.startIndex, ...spans]);
    },
    ontext(source, from, to) {
      out.push(['text', source.slice(from, to), events.startIndex, events.endIndex]);
    },
    onclosetag(name) {
      out.push(['close', name, events.startIndex]);
    },
  };
  const events = new TagEvents(html, handler, CELLS);
  events.run();
  return out;
}

const PIECES = [
  '<p>',
  '</p>',
  '<P class=x>',
  '<td>',
  '</td>',
  '<TD colspan=2 ROWSPAN="3">',
  '<th rowspan=2 rowspan=5>',
  '<tr>',
  '</tr>',
  '<table>',
  '</table>',
  '<tbody>',
  '<thead>',
  '<br>',
  '</br>',
  '<br/>',
  '<div>',
  '</div>',
  '<li>',
  '<ul>',
  '</li>',
  '<svg>',
  '</svg>',
  '<path/>',
  '<math><mi>',
  '</mi>',
  '<title>',
  '</title>',
  '<script>',
  '</script>',
  '<style>',
  '<span>',
  '</span>',
  '<o:p>',
  '</o:p>',
  '<img src=a>',
  '</img>',
  '<select><option>',
  '<h2>',
  '</h2>',
  '<!-- c -->',
  '<!DOCTYPE html>',
  '<![CDATA[x]]>',
  '<?xml x?>',
  '&nbsp;',
  '&amp;',
  '&#12288;',
  '&#x1F600;',
  '&lt',
  '&',
  '<',
  '>',
  '\r\n',
  '\n',
  '\t',
  ' ',
  '一、总体情况',
  '（一）',
  '12',
  '<blockquote>',
  '<A-LONG-TAG-NAME>',
  '</a-long-tag-name>',
  '<td colspan',
];

describe('TagEvents', () => {
  it('makes the events of htmlparser2 Parser, at the same positions, on any page of these pieces', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...PIECES), { maxLength: 40 }), (pieces) => {
        const html = pieces.join('');
        expect(viaTagEvents(html)).toEqual(viaParser(html));
      }),
      { numRuns: 2000 },
    );
  });

  it('makes the events of the Parser on any text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 80 }), (html) => {
        expect(viaTagEvents(html)).toEqual(viaParser(html));
      }),
      { numRuns: 500 },
    );
  });

  it('makes the events of the Parser on the seeds written as HTML tables', () => {
    const dir = new URL('../../../../shared/seeds/', import.meta.url);
    const seeds = readdirSync(dir).filter((f) => f.endsWith('.txt'));
    expect(seeds.length).toBeGreaterThan(0);
    for (const file of seeds) {
      const text = readFileSync(new URL(file, dir), 'utf8');
      const html = `<html><body>${text
        .split('\n')
        .map((l) =>
          l.includes('\t')
            ? `<table><tr><td>${l.split('\t').join('</td><TD>')}</td></tr></table>`
            : `<p>${l}`,
        )
        .join('\n')}</body></html>`;
      const events = viaTagEvents(html);
      expect(events.length).toBeGreaterThan(100);
      expect(events).toEqual(viaParser(html));
    }
  });

  it('makes the events of the Parser past the cache of tag names (a page of 6000 made-up tags)', () => {
    const letters = 'abcdefghijklmnopqrstuvwxyz';
    const tags = Array.from(
      { length: 6000 },
      (_, i) => `x${letters[i % 26]}${letters[Math.floor(i / 26) % 26]}${Math.floor(i / 676)}`,
    );
    const html = tags.map((t, i) => `<${i % 2 ? t.toUpperCase() : t}>一${i}</${t}>`).join('');
    const events = viaTagEvents(html);
    expect(events.length).toBe(18000);
    expect(events).toEqual(viaParser(html));
  });
});
