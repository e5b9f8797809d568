/**
 * CST → typed AST. Written defensively: after error recovery any token may
 * be missing (or inserted with no position), so every accessor may return
 * undefined and the AST keeps whatever could be read.
 */
import type { CstNode } from 'chevrotain';
import type * as A from './ast.js';
import {
  tokens,
  tok,
  nodes,
  sub,
  rangeOf,
  nameOf,
  str,
  strList,
  nameList,
  numberOf,
} from './cst.js';
import { ruleDecl } from './to-ast-rules.js';
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
