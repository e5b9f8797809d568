/**
 * HTML as Word pastes it and as government sites save it: labels split over
 * several <span>s, Office markup, `&nbsp;` cells, a page around the report.
 * Positions stay in the HTML source, on the cell's text.
 */
import { describe, expect, it } from 'vitest';
import { readReport } from './index.js';
import { gov2021, T4_COLUMNS } from './test/gov-2021.fixture.js';

const t3 = gov2021.tables[1]?.blocks[0];

/** A Word paragraph: the text cut into spans at `cut`, with Office markup. */
const word = (text: string, cut = 2) =>
  `<p class=MsoNormal align=center><span lang=EN-US style='font-family:宋体'>${text.slice(0, cut)}</span><span style='font-size:10.5pt'>${text.slice(cut)}<o:p></o:p></span></p>`;
const td = (content: string, attrs = '') =>
  `<td width=60 valign=top style='border:solid windowtext 1.0pt'${attrs}>${content}</td>`;

function page(): string {
  const rows = (t3?.rows ?? []).map((row, i) => {
    // Row 一 has values; row 二 is all `&nbsp;` (zeros left empty); row 三.一 has one empty cell.
    const cells = (t3?.columns ?? []).map((_, c) =>
      i === 0
        ? td(word(String(c === 6 ? 3 : c < 3 ? 1 : 0), 1))
        : i === 1 || (i === 2 && c === 4)
          ? td('<p>&nbsp;</p>')
          : td(word('0', 1)),
    );
    const group =
      row.path.length > 0 && (t3?.rows[i - 1]?.path.at(-1) ?? '') !== row.path.at(-1)
        ? td(word(row.path.at(-1) as string), ' rowspan=3')
        : '';
    return `<tr>${group}${td(word(row.label, 3))}${cells.join('')}</tr>`;
  });
  const t4 = T4_COLUMNS.map((_, i) => td(word(String(i % 5 === 4 ? 0 : 0), 1)));
  return `<!DOCTYPE html>
<html><head><meta http-equiv=Content-Type content="text/html; charset=utf-8">
<title>某市某局2023年政府信息公开工作年度报告_某市人民政府</title>
<style>p.MsoNormal { margin:0 } td { mso-border-alt: solid windowtext .5pt }</style>
<!--[if gte mso 9]><xml><w:WordDocument><w:View>Print</w:View></w:WordDocument></xml><![endif]-->
<script type="text/javascript">var total = 0; for (var i = 0; i < 10; i++) { total += i; } document.title = "一、总体情况";</script>
</head><body>
<div class="nav"><a href="/">首页</a> &gt; <a href="/zwgk/">政务公开</a> &gt; <a href="#">政府信息公开年报</a></div>
<div class="sidebar"><ul><li><a href="#">某市某局2022年政府信息公开工作年度报告</a></li></ul></div>
<div class="article">
<p class=MsoNormal align=center><b><span>某市某局2023年政府信息</span></b><b><span>公开工作年度报告</span></b></p>
<p class=MsoNormal><b><span>一、</span></b><b><span>总体情况</span></b></p>
<p class=MsoNormal><span>2023年，本局依法做好政府信息公开工作。</span></p>
<p><b>二、主动公开政府信息情况</b></p><p>（表格略）</p>
<p><b>三、收到和处理政府信息公开申请情况</b></p>
<table class=MsoNormalTable border=1 cellspacing=0 cellpadding=0>
<tr>${td(word('（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）'), ' colspan=3 rowspan=3')}${td(word('申请人情况'), ' colspan=7')}</tr>
<tr>${td(word('自然人'), ' rowspan=2')}${td(word('法人或其他组织'), ' colspan=5')}${td(word('总计'), ' rowspan=2')}</tr>
<tr>${['商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他'].map((l) => td(word(l))).join('')}</tr>
${rows.join('\n')}
</table>
<p><b>四、政府信息公开行政复议、行政诉讼情况</b></p>
<table border=1>
<tr>${td(word('行政复议'), ' colspan=5')}${td(word('行政诉讼'), ' colspan=10')}</tr>
<tr>${['结果维持', '结果纠正', '其他结果', '尚未审结', '总计'].map((l) => td(word(l), ' rowspan=2')).join('')}${td(word('未经复议直接起诉'), ' colspan=5')}${td(word('复议后起诉'), ' colspan=5')}</tr>
<tr>${[1, 2]
    .flatMap(() => ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计'])
    .map((l) => td(word(l)))
    .join('')}</tr>
<tr>${t4.join('')}</tr>
</table>
<p><b>五、存在的主要问题及改进情况</b></p><p>存在问题：公开不够及时。改进：加强审核。</p>
<p><b>六、其他需要报告的事项</b></p><p>本年度未收取信息处理费。</p>
<p align=right>某市某局</p><p align=right>2024年1月20日</p>
</div>
<div class="footer">主办：某市人民政府办公室\u3000电话：0000-12345678\u30002023年1月1日</div>
<script>document.write('<td>9</td>');</script>
</body></html>`;
}

describe('HTML pages', () => {
  const html = page();
  const model = readReport(html, gov2021, { uri: 'report.html' });

  it('finds the title, the sections and the signature date around nav, scripts and styles', () => {
    expect(model.title?.text).toBe('某市某局2023年政府信息公开工作年度报告');
    expect(model.sections.map((s) => `${s.id}:${s.match}`)).toEqual([
      '一:exact',
      '二:exact',
      '三:exact',
      '四:exact',
      '五:exact',
      '六:exact',
    ]);
    expect(
      html.slice(model.sections[0]?.headingRange.start, model.sections[0]?.headingRange.end),
    ).toBe('一、</span></b><b><span>总体情况');
    expect(model.dates.filter((d) => d.kind === 'signature').map((d) => d.value)).toEqual([
      '2024-01-20',
    ]);
    expect(model.tables.map((t) => `${t.id}:${t.layout}`)).toEqual(['T3:html', 'T4:html']);
  });

  it('reads every cell of table 三 and 四, on the <td> text', () => {
    const t3cells = model.cells.filter((c) => c.table === 'T3');
    expect(t3cells).toHaveLength(175);
    expect(t3cells.filter((c) => c.row === '一').map((c) => c.value)).toEqual([
      1, 1, 1, 0, 0, 0, 3,
    ]);
    for (const c of model.cells.filter((x) => x.status === 'number')) {
      expect(html.slice(c.range.start, c.range.end)).toBe(String(c.value));
    }
    expect(model.cells.filter((c) => c.table === 'T4').map((c) => c.value)).toEqual(
      Array(15).fill(0),
    );
    expect(model.tables.find((t) => t.id === 'T3')?.missingRows).toEqual([]);
  });

  it('reads `&nbsp;` cells as blanks: a whole row of them, and one in a filled row', () => {
    const blanks = model.cells.filter((c) => c.status === 'blank');
    expect(blanks.map((c) => `${c.row}.${c.column}`)).toEqual([
      ...['NP', 'BE', 'RI', 'PW', 'LS', 'OT', 'TOT'].map((c) => `二.${c}`),
      '三.一.LS',
    ]);
    expect(
      blanks.every(
        (c) => c.value === 0 && html.slice(c.range.start, c.range.end).includes('&nbsp;'),
      ),
    ).toBe(true);
    expect(model.findings.filter((f) => f.severity !== 'info').map((f) => f.ruleId)).toEqual([
      'table-missing',
    ]);
  });
});
