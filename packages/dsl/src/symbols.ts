/**
 * A symbol index over an analyzed pack, for the language services: every
 * declared element (template, section, table, block, row, column, group,
 * rule, lexicon) with where it is declared, and every name in the files
 * with the element it refers to.
 */
import type { Range } from '@govlint/text';
import type * as A from './ast.js';
import { declarationOwners } from './merge.js';
import type { Origin, TemplateModel, TreeItem } from './model.js';

export type SymbolKind =
  'template' | 'section' | 'table' | 'block' | 'row' | 'column' | 'group' | 'rule' | 'lexicon';

export interface SymbolInfo {
  readonly key: string;
  readonly kind: SymbolKind;
  readonly id: string;
  readonly template: string;
  readonly table?: string;
  /** For rows, columns and groups: which of the two a group gathers. */
  readonly dimension?: 'row' | 'column';
  /** The label, heading or title, or a rule's description. */
  readonly label: string;
  readonly origin: Origin;
}

export interface Occurrence {
  readonly uri: string;
  readonly range: Range;
  readonly key: string;
  readonly declaration: boolean;
}

export interface SymbolIndex {
  readonly symbols: ReadonlyMap<string, SymbolInfo>;
  readonly occurrences: readonly Occurrence[];
  /** Template of each declaration, for completion. */
  readonly owners: ReadonlyMap<A.Declaration, string | undefined>;
}

export function symbolKey(template: string, kind: SymbolKind, id: string, table?: string): string {
  return [template, kind, table ?? '', id].join('\u0000');
}

export function buildIndex(
  files: readonly A.RulesFile[],
  templates: readonly TemplateModel[],
): SymbolIndex {
  const symbols = new Map<string, SymbolInfo>();
  const byId = new Map(templates.map((t) => [t.id, t]));
  const add = (s: Omit<SymbolInfo, 'key'>): void => {
    const key = symbolKey(s.template, s.kind, s.id, s.table);
    if (!symbols.has(key)) symbols.set(key, { ...s, key });
  };
  for (const t of templates) {
    add({ kind: 'template', id: t.id, template: t.id, label: t.title, origin: t.origin });
    for (const s of t.sections)
      add({ kind: 'section', id: s.id, template: t.id, label: s.heading, origin: s.origin });
    for (const r of t.rules) {
      const desc = r.decl.properties.find((p) => p.key === 'description');
      const label = desc?.key === 'description' ? desc.value.value : '';
      add({ kind: 'rule', id: r.id, template: t.id, label, origin: r.origin });
    }
    for (const l of t.lexicons)
      add({ kind: 'lexicon', id: l.id, template: t.id, label: '', origin: l.origin });
    for (const table of t.tables) {
      add({
        kind: 'table',
        id: table.id,
        template: t.id,
        label: table.title,
        origin: table.origin,
      });
      for (const b of table.blocks) {
        if (table.blocks.length > 1) {
          add({
            kind: 'block',
            id: b.id,
            template: t.id,
            table: table.id,
            label: b.anchors[0] ?? '',
            origin: b.origin,
          });
        }
        const walk = (items: readonly TreeItem[], kind: 'row' | 'column'): void => {
          for (const it of items) {
            if (it.id !== undefined) {
              const k = it.kind === 'group' ? 'group' : kind;
              add({
                kind: k,
                id: it.id,
                template: t.id,
                table: table.id,
                dimension: kind,
                label: it.label,
                origin: it.origin,
              });
            }
            walk(it.children, kind);
          }
        };
        walk(b.rows, 'row');
        walk(b.columns, 'column');
      }
    }
  }
  const owners = declarationOwners(files, new Set(byId.keys()));
  const occurrences: Occurrence[] = [];
  for (const f of files) {
    for (const d of f.declarations) {
      const owner = owners.get(d);
      const t = owner ? byId.get(owner) : undefined;
      if (t) collect(f.uri, d, t, symbols, occurrences);
    }
  }
  return { symbols, occurrences, owners };
}

/** The key a name refers to in a table: a row, a group or a block (rows), or a column or group (columns). */
function tableMember(
  symbols: ReadonlyMap<string, SymbolInfo>,
  template: string,
  table: string,
  id: string,
  dimension: 'row' | 'column',
): string | undefined {
  const kinds: SymbolKind[] = dimension === 'row' ? ['row', 'group', 'block'] : ['column', 'group'];
  for (const k of kinds) {
    const key = symbolKey(template, k, id, table);
    if (symbols.get(key)) return key;
  }
  return undefined;
}

function collect(
  uri: string,
  d: A.Declaration,
  t: TemplateModel,
  symbols: ReadonlyMap<string, SymbolInfo>,
  out: Occurrence[],
): void {
  const push = (name: A.Name | undefined, key: string | undefined, declaration = false): void => {
    if (name?.text && key && symbols.has(key))
      out.push({ uri, range: name.range, key, declaration });
  };
  const member = (
    table: string,
    name: A.Name,
    dim: 'row' | 'column',
    variables: ReadonlySet<string>,
  ): void => {
    if (variables.has(name.text)) return;
    push(name, tableMember(symbols, t.id, table, name.text, dim));
  };
  const selector = (
    table: string,
    sel: A.Selector | undefined,
    dim: 'row' | 'column',
    vars: ReadonlySet<string>,
  ): void => {
    if (!sel) return;
    if (sel.kind === 'name') member(table, sel.name, dim, vars);
    else if (sel.kind === 'range') {
      member(table, sel.from, dim, vars);
      member(table, sel.to, dim, vars);
    } else if (sel.kind === 'list') for (const n of sel.names) member(table, n, dim, vars);
    else push(sel.group, symbolKey(t.id, 'group', sel.group.text, table));
  };
  const linear = (e: A.LinearExprAst, vars: ReadonlySet<string>): void => {
    for (const term of e.terms) {
      const cell =
        term.atom.kind === 'sum'
          ? term.atom.cells
          : term.atom.kind === 'cell'
            ? term.atom
            : undefined;
      if (!cell) continue;
      const table = cell.table.text;
      push(cell.table, symbolKey(t.id, 'table', table));
      selector(table, cell.row, 'row', vars);
      selector(table, cell.column, 'column', vars);
    }
  };
  const comparison = (c: A.ComparisonExpr, vars: ReadonlySet<string>): void => {
    linear(c.left, vars);
    linear(c.right, vars);
  };
  const condition = (c: A.ConditionExpr, vars: ReadonlySet<string>): void => {
    if (c.kind === 'compare') comparison(c.comparison, vars);
    else if (c.kind === 'not') condition(c.operand, vars);
    else for (const o of c.operands) condition(o, vars);
  };
  const items = (table: string, list: readonly A.Item[], dim: 'row' | 'column'): void => {
    for (const it of list) {
      if (it.kind === 'leaf' || it.kind === 'group') {
        if (it.name) push(it.name, tableMember(symbols, t.id, table, it.name.text, dim), true);
        if (it.kind === 'group') items(table, it.items, dim);
      } else if (it.kind === 'remove') {
        for (const n of it.names)
          push(n, tableMember(symbols, t.parent ?? t.id, table, n.text, dim));
      } else {
        push(it.anchor, tableMember(symbols, t.id, table, it.anchor.text, dim));
        items(table, it.items, dim);
      }
    }
  };
  const pattern = (seq: A.PatternSeq): void => {
    for (const e of seq.elements) {
      if (e.kind === 'lexicon') push(e.name, symbolKey(t.id, 'lexicon', e.name.text));
      else if (e.kind === 'optional') pattern(e.body);
      else if (e.kind === 'alt') for (const o of e.options) pattern(o);
    }
  };

  switch (d.kind) {
    case 'template':
      push(d.name, symbolKey(d.name.text, 'template', d.name.text), d.hasBody);
      if (d.extends) push(d.extends, symbolKey(d.extends.text, 'template', d.extends.text));
      break;
    case 'section':
      push(d.name, symbolKey(t.id, 'section', d.name.text), true);
      break;
    case 'lexicon':
      push(d.name, symbolKey(t.id, 'lexicon', d.name.text), true);
      break;
    case 'remove':
      for (const n of d.names) push(n, symbolKey(t.parent ?? t.id, d.target, n.text));
      break;
    case 'table': {
      const table = d.name.text;
      push(d.name, symbolKey(t.id, 'table', table), !d.amend);
      if (d.section) push(d.section, symbolKey(t.id, 'section', d.section.text));
      if (d.rows) items(table, d.rows.items, 'row');
      if (d.columns) items(table, d.columns.items, 'column');
      for (const b of d.blocks) {
        push(b.name, symbolKey(t.id, 'block', b.name.text, table), true);
        if (b.rows) items(table, b.rows.items, 'row');
        if (b.columns) items(table, b.columns.items, 'column');
      }
      break;
    }
    case 'rule': {
      push(d.name, symbolKey(t.id, 'rule', d.name.text), true);
      for (const c of d.checks) {
        if (c.kind === 'assert') {
          const vars = new Set(c.quantifiers.map((q) => q.variable.text));
          for (const q of c.quantifiers) {
            push(q.table, symbolKey(t.id, 'table', q.table.text));
            selector(q.table.text, q.selector, q.dimension, new Set());
          }
          comparison(c.comparison, vars);
          if (c.when) condition(c.when, vars);
        } else {
          if (c.section) push(c.section, symbolKey(t.id, 'section', c.section.text));
          for (const p of [...c.patterns, ...c.unless]) pattern(p);
          for (const clause of c.clauses) if (clause.expect) condition(clause.expect, new Set());
          if (c.when) condition(c.when, new Set());
        }
      }
      break;
    }
  }
}
