/**
 * Renders a report (sections, the template's tables, given cell values) in
 * each layout the reader must handle, from the template's own labels. Used
 * by round-trip tests: render, read back, compare.
 */
import type { BlockDecl, CompiledTemplate, RowDecl, TableDecl } from '@govlint/dsl';

export type RenderLayout =
  'tab-rows' | 'cell-per-line' | 'pipe-cells' | 'markdown' | 'html' | 'flattened';

/** `table|row|column` → value; null renders an empty cell. */
export type Values = ReadonlyMap<string, number | null>;

export const key = (table: string, row: string, column: string) => `${table}|${row}|${column}`;

interface RenderedRow {
  /** Labels of the row's groups that start here (merged cells), then the row's own label. */
  readonly groups: readonly string[];
  readonly label: string;
  readonly values: readonly string[];
}

function rowsOf(table: TableDecl, block: BlockDecl, values: Values): RenderedRow[] {
  const seen = new Set<string>();
  return block.rows.map((row: RowDecl) => {
    const groups = row.path.filter((g) => !seen.has(g));
    for (const g of row.path) seen.add(g);
    const cells = block.columns.map((c) => {
      const v = values.get(key(table.id, row.id, c.id));
      return v === null || v === undefined ? '' : String(v);
    });
    return { groups, label: row.label, values: cells };
  });
}

/** The column header as rows of (label, span) from the outermost group down. */
function headerRows(block: BlockDecl): { label: string; span: number; depth: number }[][] {
  const depth = Math.max(...block.columns.map((c) => c.groups.length)) + 1;
  const rows: { label: string; span: number; depth: number }[][] = [];
  for (let level = 0; level < depth; level++) {
    const row: { label: string; span: number; depth: number }[] = [];
    for (const c of block.columns) {
      const label =
        level < c.groups.length
          ? (c.groups[level] as string)
          : level === c.groups.length
            ? c.label
            : '';
      const last = row[row.length - 1];
      if (label && last && last.label === label && level < c.groups.length) last.span++;
      else row.push({ label, span: 1, depth: level < c.groups.length ? 1 : depth - level });
    }
    rows.push(row);
  }
  return rows;
}

/** Header rows with one cell per column: a label where it starts, empty cells under spans. */
function gridHeader(block: BlockDecl): string[][] {
  const depth = Math.max(...block.columns.map((c) => c.groups.length)) + 1;
  return Array.from({ length: depth }, (_, level) =>
    block.columns.map((c, i) => {
      if (level < c.groups.length) {
        const previous = block.columns[i - 1];
        return previous && previous.groups[level] === c.groups[level]
          ? ''
          : (c.groups[level] as string);
      }
      return level === c.groups.length ? c.label : '';
    }),
  );
}

/** A title of the usual shape (the template's own title is the format's name, not a report's). */
function title(_template: CompiledTemplate): string {
  return '某某市测试局2023年政府信息公开工作年度报告';
}

const narrative = '2023年，本机关认真贯彻落实有关规定，推进政务公开工作。';

export function render(template: CompiledTemplate, values: Values, layout: RenderLayout): string {
  if (layout === 'html') return renderHtml(template, values);
  const out: string[] = [title(template), ''];
  for (const section of template.sections) {
    out.push(layout === 'markdown' ? `## ${section.heading}` : section.heading, '');
    const tables = template.tables.filter((t) => t.section === section.id);
    if (tables.length === 0) out.push(narrative, '');
    for (const table of tables) out.push(...renderTable(table, values, layout), '');
  }
  if (layout === 'flattened') return out.filter((l) => l !== '').join(' ');
  return out.join('\n');
}

function renderTable(table: TableDecl, values: Values, layout: RenderLayout): string[] {
  const out: string[] = [];
  for (const block of table.blocks) {
    const anchors = [
      ...block.anchors,
      ...(block === table.blocks[0]
        ? table.anchors.filter(
            (a) => !block.anchors.includes(a) && !block.rows.some((r) => r.label.includes(a)),
          )
        : []),
    ];
    const header = headerRows(block).map((r) => r.map((h) => h.label).filter((l) => l !== ''));
    const rows = rowsOf(table, block, values);
    switch (layout) {
      case 'tab-rows':
        for (const a of anchors) out.push(`${a}\t\t\t`);
        for (const h of header) out.push(`\t${h.join('\t')}\t`);
        for (const r of rows) out.push([...r.groups, r.label, ...r.values].join('\t') + '\t');
        break;
      case 'cell-per-line':
        for (const a of anchors) out.push(`\t${a}`, '');
        for (const h of header) out.push(...h.map((l) => `\t${l}`), '');
        for (const r of rows)
          out.push(
            ...[...r.groups, r.label].filter((l) => l).map((l) => `\t${l}`),
            ...r.values.map((v) => `\t${v}`),
            '',
          );
        break;
      case 'pipe-cells':
        for (const a of anchors) out.push(`${a} |`, '|||');
        for (const h of header) out.push(...h.map((l) => `${l} |`), '||||');
        for (const r of rows)
          out.push(
            ...[...r.groups, r.label].filter((l) => l).map((l) => `${l} |`),
            ...r.values.map((v) => `${v} |`),
            '||',
          );
        break;
      case 'markdown': {
        // As converters write merged cells: the label once, then empty cells.
        const labelled = block.rows.some((r) => r.label !== '');
        const width = block.columns.length + (labelled ? 3 : 0);
        const line = (cells: string[]) =>
          `| ${[...cells, ...Array(Math.max(0, width - cells.length)).fill('')].join(' | ')} |`;
        out.push(line(anchors.length ? anchors : ['']), `|${'---|'.repeat(width)}`);
        for (const h of gridHeader(block)) out.push(line([...(labelled ? [''] : []), ...h]));
        for (const r of rows)
          out.push(line([...(labelled ? [...r.groups, r.label] : []), ...r.values]));
        break;
      }
      case 'flattened':
        out.push([...anchors, ...header.flat()].join(' '));
        // Digits run together; a row's values follow its label with no separator.
        out.push(
          rows.map((r) => `${[...r.groups, r.label].join(' ')}${r.values.join('')}`).join(''),
        );
        break;
      default:
        break;
    }
  }
  return out;
}

const esc = (s: string) => s.replace(/&/gu, '&amp;').replace(/</gu, '&lt;');

/** A saved page: head, scripts and a navigation bar around the report; merged cells as rowspan/colspan. */
function renderHtml(template: CompiledTemplate, values: Values): string {
  const body: string[] = [`<h1>${esc(title(template))}</h1>`];
  for (const section of template.sections) {
    body.push(`<p><strong>${esc(section.heading)}</strong></p>`);
    const tables = template.tables.filter((t) => t.section === section.id);
    if (tables.length === 0) body.push(`<p>${narrative}</p>`);
    for (const table of tables) {
      body.push('<table border="1"><tbody>');
      for (const block of table.blocks) {
        const width = block.columns.length + 1;
        for (const a of block.anchors) body.push(`<tr><td colspan="${width}">${esc(a)}</td></tr>`);
        const hdr = headerRows(block);
        hdr.forEach((r, level) => {
          const cells = r
            .filter((h) => h.label !== '')
            .map(
              (h) =>
                `<td${h.span > 1 ? ` colspan="${h.span}"` : ''}${h.depth > 1 ? ` rowspan="${h.depth}"` : ''}>${esc(h.label)}</td>`,
            );
          // The corner over the label columns; a table without row labels has none.
          const corner = level === 0 && block.rows.some((row) => row.label !== '');
          body.push(
            `<tr>${corner ? `<td rowspan="${hdr.length}">&nbsp;</td>` : ''}${cells.join('')}</tr>`,
          );
        });
        const counts = new Map<string, number>();
        for (const row of block.rows)
          for (const g of row.path) counts.set(g, (counts.get(g) ?? 0) + 1);
        for (const r of rowsOf(table, block, values)) {
          const groups = r.groups.map((g) => `<td rowspan="${counts.get(g) ?? 1}">${esc(g)}</td>`);
          const label = r.label
            ? `<td><p><span>${esc(r.label.slice(0, 2))}</span><span>${esc(r.label.slice(2))}</span></p></td>`
            : '';
          const cells = r.values.map((v) => `<td>${v === '' ? '&nbsp;' : v}</td>`);
          body.push(`<tr>${groups.join('')}${label}${cells.join('')}</tr>`);
        }
      }
      body.push('</tbody></table>');
    }
  }
  return [
    '<!DOCTYPE html><html><head><meta charset="utf-8"><title>年度报告</title>',
    '<style>td { border: 1px solid #000 } .x::after { content: "第二十条" }</style>',
    '<script>var nav = "<td>1</td>"; if (a < b) {}</script></head><body>',
    '<div class="nav"><a href="/">首页</a> &gt; <a href="/zwgk">政务公开</a> &gt; 年度报告</div>',
    ...body,
    '<div class="footer">主办单位：某某市人民政府办公室 版权所有 电话：0000-12345678</div>',
    '<script>document.write("2023")</script></body></html>',
  ].join('\n');
}
