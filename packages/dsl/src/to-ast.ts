/**
 * CST → typed AST. Written defensively: after error recovery any token may
 * be missing (or inserted with no position), so every accessor may return
 * undefined and the AST keeps whatever could be read.
 */
import type { CstElement, CstNode, IToken } from 'chevrotain';
import type { Range } from '@govlint/text';
import type * as A from './ast.js';

type Children = Record<string, CstElement[] | undefined>;

function isToken(e: CstElement): e is IToken {
  return (e as IToken).image !== undefined;
}

function tokens(node: CstNode | undefined, key: string): IToken[] {
  const list = (node?.children as Children | undefined)?.[key] ?? [];
  return list.filter(
    (e): e is IToken => isToken(e) && !e.isInsertedInRecovery && Number.isFinite(e.startOffset),
  );
}

function tok(node: CstNode | undefined, key: string, index = 0): IToken | undefined {
  return tokens(node, key)[index];
}

function nodes(node: CstNode | undefined, key: string): CstNode[] {
  const list = (node?.children as Children | undefined)?.[key] ?? [];
  return list.filter((e): e is CstNode => !isToken(e));
}

function sub(node: CstNode | undefined, key: string, index = 0): CstNode | undefined {
  return nodes(node, key)[index];
}

function tokenRange(t: IToken): Range {
  return { start: t.startOffset, end: (t.endOffset ?? t.startOffset) + 1 };
}

/** A node's range; a recovered node may lack one, then its first real token's offset is used. */
function rangeOf(node: CstNode | undefined, fallback = 0): Range {
  const loc = node?.location;
  if (loc && Number.isFinite(loc.startOffset)) {
    const end = Number.isFinite(loc.endOffset)
      ? (loc.endOffset as number) + 1
      : loc.startOffset + 1;
    return { start: loc.startOffset, end: Math.max(end, loc.startOffset) };
  }
  return { start: fallback, end: fallback };
}

function nameOf(t: IToken | undefined, at: Range): A.Name {
  return t
    ? { text: t.image, range: tokenRange(t) }
    : { text: '', range: { start: at.start, end: at.start } };
}

function unquote(image: string): string {
  return image
    .slice(1, -1)
    .replace(/\\(.)/g, (_m, c: string) => (c === 'n' ? '\n' : c === 't' ? '\t' : c));
}

function str(t: IToken | undefined, at: Range): A.Str {
  return t
    ? { value: unquote(t.image), raw: t.image.slice(1, -1), range: tokenRange(t) }
    : { value: '', raw: '', range: { start: at.start, end: at.start } };
}

function strList(node: CstNode | undefined): A.Str[] {
  return tokens(node, 'StringLiteral').map((t) => str(t, tokenRange(t)));
}

function nameList(node: CstNode | undefined): A.Name[] {
  return tokens(node, 'Identifier').map((t) => nameOf(t, tokenRange(t)));
}

function numberOf(t: IToken | undefined): number | undefined {
  return t ? Number(t.image) : undefined;
}

// ---------------------------------------------------------------------------

export function toAst(cst: CstNode, uri: string): A.RulesFile {
  const declarations: A.Declaration[] = [];
  for (const decl of nodes(cst, 'declaration')) {
    const d = declaration(decl);
    if (d) declarations.push(d);
  }
  return { uri, declarations };
}

function declaration(node: CstNode): A.Declaration | undefined {
  const [key] = Object.keys(node.children);
  const inner = key ? sub(node, key) : undefined;
  if (!inner) return undefined;
  switch (key) {
    case 'templateDecl':
      return templateDecl(inner);
    case 'sectionDecl':
      return sectionDecl(inner);
    case 'tableDecl':
      return tableDecl(inner);
    case 'ruleDecl':
      return ruleDecl(inner);
    case 'lexiconDecl':
      return lexiconDecl(inner);
    case 'removeDecl':
      return removeDecl(inner);
    default:
      return undefined;
  }
}

function templateDecl(node: CstNode): A.TemplateDecl {
  const range = rangeOf(node);
  let title: A.Str | undefined;
  let document: A.Str | undefined;
  let years: A.YearRange | undefined;
  let markers: A.Str[] | undefined;
  for (const p of nodes(node, 'templateProperty')) {
    const r = rangeOf(p, range.start);
    if (tok(p, 'Title')) title = str(tok(p, 'StringLiteral'), r);
    else if (tok(p, 'Document')) document = str(tok(p, 'StringLiteral'), r);
    else if (tok(p, 'Years')) {
      const to = numberOf(tok(p, 'to'));
      const from = numberOf(tok(p, 'from'));
      // `years 2021` alone is one year; `years 2021..` is open-ended.
      years = { range: r, from, to: tok(p, 'DotDot') ? to : from };
    } else if (tok(p, 'Markers')) markers = [...(markers ?? []), ...strList(sub(p, 'stringList'))];
  }
  const parent = tok(node, 'parent');
  return {
    kind: 'template',
    range,
    name: nameOf(tok(node, 'name'), range),
    ...(parent ? { extends: nameOf(parent, range) } : {}),
    hasBody: tok(node, 'LCurly') !== undefined,
    title,
    document,
    years,
    markers,
  };
}

function sectionDecl(node: CstNode): A.SectionDecl {
  const range = rangeOf(node);
  return {
    kind: 'section',
    range,
    name: nameOf(tok(node, 'Identifier'), range),
    heading: str(tok(node, 'StringLiteral'), range),
    variants: strList(sub(node, 'stringList')),
  };
}

function tableDecl(node: CstNode): A.TableDecl {
  const range = rangeOf(node);
  let title = tok(node, 'title') ? str(tok(node, 'title'), range) : undefined;
  let anchors: A.Str[] | undefined;
  let columns: A.ColumnsDecl | undefined;
  let rows: A.RowsDecl | undefined;
  const blocks: A.BlockDecl[] = [];
  for (const part of nodes(node, 'tablePart')) {
    if (tok(part, 'Title')) title = str(tok(part, 'StringLiteral'), rangeOf(part));
    const a = sub(part, 'anchorsDecl');
    if (a) anchors = [...(anchors ?? []), ...strList(sub(a, 'stringList'))];
    const c = sub(part, 'columnsDecl');
    if (c) columns = columnsDecl(c);
    const r = sub(part, 'rowsDecl');
    if (r) rows = rowsDecl(r);
    const b = sub(part, 'blockDecl');
    if (b) blocks.push(blockDecl(b));
  }
  const section = tok(node, 'section');
  return {
    kind: 'table',
    range,
    amend: tok(node, 'Amend') !== undefined,
    name: nameOf(tok(node, 'name'), range),
    title,
    ...(section ? { section: nameOf(section, range) } : {}),
    anchors,
    columns,
    rows,
    blocks,
  };
}

function blockDecl(node: CstNode): A.BlockDecl {
  const range = rangeOf(node);
  const anchors = strList(sub(node, 'stringList'));
  for (const a of nodes(node, 'anchorsDecl')) anchors.push(...strList(sub(a, 'stringList')));
  const c = sub(node, 'columnsDecl');
  const r = sub(node, 'rowsDecl');
  return {
    range,
    name: nameOf(tok(node, 'Identifier'), range),
    anchors,
    columns: c ? columnsDecl(c) : undefined,
    rows: r ? rowsDecl(r) : undefined,
  };
}

function cellKind(node: CstNode | undefined): A.KindSpec | undefined {
  if (!node) return undefined;
  const range = rangeOf(node);
  if (tok(node, 'Count')) return { range, type: 'count' };
  if (tok(node, 'Signed')) return { range, type: 'signed' };
  return { range, type: 'amount', unit: str(tok(node, 'unit'), range) };
}

function columnsDecl(node: CstNode): A.ColumnsDecl {
  return {
    range: rangeOf(node),
    kind: cellKind(sub(node, 'cellKind')),
    items: items(sub(node, 'itemBlock')),
  };
}

function rowsDecl(node: CstNode): A.RowsDecl {
  return { range: rangeOf(node), items: items(sub(node, 'itemBlock')) };
}

function items(block: CstNode | undefined): A.Item[] {
  const out: A.Item[] = [];
  for (const it of nodes(block, 'item')) {
    const leaf = sub(it, 'leafItem');
    const group = sub(it, 'groupItem');
    const remove = sub(it, 'removeItem');
    const insert = sub(it, 'insertItem');
    if (leaf) {
      const range = rangeOf(leaf);
      out.push({
        kind: 'leaf',
        range,
        name: nameOf(tok(leaf, 'Identifier'), range),
        label: str(tok(leaf, 'StringLiteral'), range),
        aliases: strList(sub(leaf, 'stringList')),
        total: tok(leaf, 'Total') !== undefined,
        cellKind: cellKind(sub(leaf, 'cellKind')),
      });
    } else if (group) {
      const range = rangeOf(group);
      const id = tok(group, 'Identifier');
      out.push({
        kind: 'group',
        range,
        ...(id ? { name: nameOf(id, range) } : {}),
        label: str(tok(group, 'StringLiteral'), range),
        items: items(sub(group, 'itemBlock')),
      });
    } else if (remove) {
      out.push({
        kind: 'remove',
        range: rangeOf(remove),
        names: nameList(sub(remove, 'nameList')),
      });
    } else if (insert) {
      const range = rangeOf(insert);
      out.push({
        kind: 'insert',
        range,
        position: tok(insert, 'Before') ? 'before' : 'after',
        anchor: nameOf(tok(insert, 'Identifier'), range),
        items: items(sub(insert, 'itemBlock')),
      });
    }
  }
  return out;
}

function removeDecl(node: CstNode): A.RemoveDecl {
  const target = tok(node, 'Section')
    ? 'section'
    : tok(node, 'Table')
      ? 'table'
      : tok(node, 'Lexicon')
        ? 'lexicon'
        : 'rule';
  return { kind: 'remove', range: rangeOf(node), target, names: nameList(sub(node, 'nameList')) };
}

function lexiconDecl(node: CstNode): A.LexiconDecl {
  const range = rangeOf(node);
  // Entries and notes are separate token lists: pair each note with the entry before it.
  const entries = tokens(node, 'entry').map((t) => ({
    text: str(t, range),
    note: undefined as A.Str | undefined,
  }));
  for (const n of tokens(node, 'note')) {
    let owner: (typeof entries)[number] | undefined;
    for (const e of entries) if (e.text.range.start < n.startOffset) owner = e;
    if (owner) owner.note = str(n, range);
  }
  return {
    kind: 'lexicon',
    range,
    name: nameOf(tok(node, 'Identifier'), range),
    entries: entries.map((e) => (e.note ? { text: e.text, note: e.note } : { text: e.text })),
  };
}

// -- rules --------------------------------------------------------------------

function ruleDecl(node: CstNode): A.RuleDecl {
  const range = rangeOf(node);
  const properties: A.RuleProperty[] = [];
  for (const p of nodes(node, 'ruleProperty')) {
    const r = rangeOf(p, range.start);
    const keyTok =
      tok(p, 'Severity') ??
      tok(p, 'Category') ??
      tok(p, 'Description') ??
      tok(p, 'Message') ??
      tok(p, 'Docs') ??
      tok(p, 'Tolerance') ??
      tok(p, 'Builtin');
    if (!keyTok) continue;
    const key = keyTok.image as A.RuleProperty['key'];
    if (key === 'severity' || key === 'category') {
      properties.push({ key, range: r, value: nameOf(tok(p, 'Identifier'), r) });
    } else if (key === 'description' || key === 'message' || key === 'docs') {
      properties.push({ key, range: r, value: str(tok(p, 'StringLiteral'), r) });
    } else if (key === 'tolerance') {
      const n = tok(p, 'NumberLiteral');
      properties.push({
        key,
        range: r,
        value: { kind: 'number', value: n ? Number(n.image) : 0, range: n ? tokenRange(n) : r },
      });
    } else properties.push({ key: 'builtin', range: r });
  }
  const checks: A.CheckDecl[] = [
    ...nodes(node, 'assertion').map(assertion),
    ...nodes(node, 'textCheck').map(textCheck),
  ].sort((a, b) => a.range.start - b.range.start);
  return { kind: 'rule', range, name: nameOf(tok(node, 'Identifier'), range), properties, checks };
}

function assertion(node: CstNode): A.AssertionDecl {
  const range = rangeOf(node);
  const cond = sub(node, 'condition');
  return {
    kind: 'assert',
    range,
    quantifiers: nodes(node, 'quantifier').map(quantifier),
    comparison: comparison(sub(node, 'comparison'), range),
    ...(cond ? { when: condition(cond) } : {}),
  };
}

function quantifier(node: CstNode): A.Quantifier {
  const range = rangeOf(node);
  const sel = sub(node, 'selector');
  return {
    range,
    dimension: tok(node, 'Column') ? 'column' : 'row',
    variable: nameOf(tok(node, 'variable'), range),
    table: nameOf(tok(node, 'table'), range),
    ...(sel ? { selector: selector(sel) } : {}),
  };
}

const opOf: Record<string, A.ComparisonOp> = {
  Equal: '=',
  NotEqual: '≠',
  LessEqual: '≤',
  GreaterEqual: '≥',
  Less: '<',
  Greater: '>',
};

function comparison(node: CstNode | undefined, at: Range): A.ComparisonExpr {
  const range = node ? rangeOf(node, at.start) : at;
  let op: A.ComparisonOp = '=';
  let opRange: Range = { start: range.start, end: range.start };
  for (const [name, sym] of Object.entries(opOf)) {
    const t = tok(node, name);
    if (t) {
      op = sym;
      opRange = tokenRange(t);
    }
  }
  return {
    range,
    op,
    opRange,
    left: linear(sub(node, 'left'), range),
    right: linear(sub(node, 'right'), range),
  };
}

function linear(node: CstNode | undefined, at: Range): A.LinearExprAst {
  const range = node ? rangeOf(node, at.start) : { start: at.end, end: at.end };
  const operators = [...tokens(node, 'Plus'), ...tokens(node, 'Minus')].sort(
    (a, b) => a.startOffset - b.startOffset,
  );
  const terms: A.TermAst[] = [];
  nodes(node, 'term').forEach((t, i) => {
    const parsed = term(t);
    if (!parsed) return;
    const sign = i > 0 && operators[i - 1]?.tokenType.name === 'Minus' ? -1 : 1;
    terms.push({ ...parsed, sign: (sign * parsed.sign) as 1 | -1 });
  });
  return { range, terms };
}

function term(node: CstNode): A.TermAst | undefined {
  const range = rangeOf(node);
  const sign = tok(node, 'Minus') ? -1 : 1;
  const num = tok(node, 'NumberLiteral');
  const atomNode = sub(node, 'atom');
  if (num && !atomNode) {
    return {
      range,
      sign,
      factor: 1,
      atom: { kind: 'number', value: Number(num.image), range: tokenRange(num) },
    };
  }
  if (!atomNode) return undefined;
  const a = atom(atomNode);
  return a ? { range, sign, factor: num ? Number(num.image) : 1, atom: a } : undefined;
}

function atom(node: CstNode): A.Atom | undefined {
  const range = rangeOf(node);
  const ref = sub(node, 'cellRef');
  if (!ref) return undefined;
  const cells = cellRef(ref);
  if (tok(node, 'Sum')) {
    return cells.kind === 'cell' ? { kind: 'sum', range, cells } : undefined;
  }
  return cells;
}

function cellRef(node: CstNode): A.CellAst | A.CaptureRef {
  const range = rangeOf(node);
  const name = nameOf(tok(node, 'Identifier'), range);
  const selectors = nodes(node, 'selector').map(selector);
  if (!tok(node, 'LBracket') && selectors.length === 0) return { kind: 'capture', range, name };
  const [first, second] = selectors;
  const empty: A.Selector = { kind: 'name', name: { text: '', range }, range };
  return second
    ? { kind: 'cell', range, table: name, row: first ?? empty, column: second }
    : { kind: 'cell', range, table: name, column: first ?? empty };
}

function selector(node: CstNode): A.Selector {
  const range = rangeOf(node);
  const group = tok(node, 'group');
  if (tok(node, 'Leaves')) return { kind: 'leaves', range, group: nameOf(group, range) };
  if (tok(node, 'LParen')) return { kind: 'list', range, names: nameList(sub(node, 'nameList')) };
  const from = nameOf(tok(node, 'from'), range);
  if (tok(node, 'DotDot'))
    return { kind: 'range', range, from, to: nameOf(tok(node, 'to'), range) };
  return { kind: 'name', range, name: from };
}

function condition(node: CstNode): A.ConditionExpr {
  const range = rangeOf(node);
  const parts = nodes(node, 'conjunction').map(conjunction);
  return parts.length === 1 ? parts[0]! : { kind: 'or', range, operands: parts };
}

function conjunction(node: CstNode): A.ConditionExpr {
  const range = rangeOf(node);
  const parts = nodes(node, 'negation').map(negation);
  return parts.length === 1 ? parts[0]! : { kind: 'and', range, operands: parts };
}

function negation(node: CstNode): A.ConditionExpr {
  const range = rangeOf(node);
  const inner = sub(node, 'negation');
  if (tok(node, 'Not') && inner) return { kind: 'not', range, operand: negation(inner) };
  const cond = sub(node, 'condition');
  if (cond) return condition(cond);
  return { kind: 'compare', range, comparison: comparison(sub(node, 'comparison'), range) };
}

// -- narrative checks -----------------------------------------------------------

function textCheck(node: CstNode): A.TextCheckDecl {
  const range = rangeOf(node);
  const section = tok(node, 'section');
  const unit = tok(node, 'Paragraph')
    ? 'paragraph'
    : tok(node, 'unitSection')
      ? 'section'
      : 'sentence';
  const patterns = nodes(node, 'patternSeq').map(patternSeq);
  const cmp = sub(node, 'comparison');
  const only = patterns.length === 1 ? patterns[0]!.elements : [];
  const lexicon = only.length === 1 && only[0]!.kind === 'lexicon' ? only[0]!.name : undefined;
  return {
    kind: 'text',
    range,
    ...(section ? { section: nameOf(section, range) } : {}),
    unit,
    patterns,
    ...(lexicon ? { lexicon } : {}),
    ...(cmp ? { expect: comparison(cmp, range) } : {}),
  };
}

function patternSeq(node: CstNode): A.PatternSeq {
  return { range: rangeOf(node), elements: nodes(node, 'patternElement').flatMap(patternElement) };
}

function patternElement(node: CstNode): A.PatternElement[] {
  const range = rangeOf(node);
  const s = tok(node, 'StringLiteral');
  if (s) return [{ kind: 'literal', range, value: str(s, range) }];
  if (tok(node, 'Optional')) {
    const body = sub(node, 'patternSeq');
    return body ? [{ kind: 'optional', range, body: patternSeq(body) }] : [];
  }
  if (tok(node, 'LParen'))
    return [{ kind: 'alt', range, options: nodes(node, 'patternSeq').map(patternSeq) }];
  if (tok(node, 'Gap')) {
    return [
      {
        kind: 'gap',
        range,
        min: numberOf(tok(node, 'min')) ?? 0,
        max: numberOf(tok(node, 'max')) ?? 0,
      },
    ];
  }
  if (tok(node, 'Number'))
    return [{ kind: 'number', range, name: nameOf(tok(node, 'Identifier'), range) }];
  if (tok(node, 'Lexicon'))
    return [{ kind: 'lexicon', range, name: nameOf(tok(node, 'Identifier'), range) }];
  return [];
}
