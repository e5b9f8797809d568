/**
 * Merged template → CompiledTemplate: plain data, deeply frozen, with every
 * quantifier expanded into assertion instances. Runs only on templates the
 * checker accepted, so it reports nothing itself.
 */
import type { Severity } from '@govlint/text';
import type * as A from './ast.js';
import { ruleProperties } from './check.js';
import { textCondition } from './check-text.js';
import type * as C from './compiled.js';
import { condition, expandAssertion } from './expand.js';
import type { TableView, TemplateModel } from './model.js';
import type { Env } from './resolve.js';

export const DOCS_BASE = 'https://github.com/govlint/govlint/blob/main/docs/rules/';

const silent = (): void => {};

export function compileTemplate(
  t: TemplateModel,
  views: ReadonlyMap<string, TableView>,
  sources: ReadonlyMap<string, string>,
): C.CompiledTemplate {
  return deepFreeze({
    id: t.id,
    title: t.title,
    document: t.document,
    years: {
      ...(t.years.from !== undefined ? { from: t.years.from } : {}),
      ...(t.years.to !== undefined ? { to: t.years.to } : {}),
    },
    ...(t.parent ? { extends: t.parent } : {}),
    markers: [...t.markers],
    sections: t.sections.map((s, order) => ({
      id: s.id,
      heading: s.heading,
      variants: [...s.variants],
      order,
    })),
    tables: t.tables.map((table) => compileTable(views.get(table.id)!)),
    rules: t.rules.map((r) => compileRule(r.decl, r.uri, views, sources)),
    lexicons: Object.fromEntries(
      t.lexicons.map((l) => [
        l.id,
        l.decl.entries.map((e) =>
          e.note ? { text: e.text.value, note: e.note.value } : { text: e.text.value },
        ),
      ]),
    ),
  });
}

function compileTable(view: TableView): C.TableDecl {
  const { table } = view;
  return {
    id: table.id,
    title: table.title,
    ...(table.section ? { section: table.section.id } : {}),
    anchors: [...table.anchors],
    blocks: table.blocks.map((b) => ({
      id: b.id,
      anchors: [...b.anchors],
      columns: view.columns
        .filter((c) => c.block === b.id)
        .map((c) => ({
          id: c.id,
          label: c.label,
          aliases: [...c.aliases],
          groups: [...c.groups],
          kind: c.kind,
        })),
      rows: view.rows
        .filter((r) => r.block === b.id)
        .map((r) => ({
          id: r.id,
          label: r.label,
          aliases: [...r.aliases],
          path: [...r.path],
          leaf: r.leaf,
          groups: [...r.groupIds],
        })),
    })),
  };
}

function compileRule(
  decl: A.RuleDecl,
  uri: string,
  views: ReadonlyMap<string, TableView>,
  sources: ReadonlyMap<string, string>,
): C.CompiledRule {
  const props = ruleProperties(decl);
  const text = (key: 'description' | 'message' | 'docs'): string => {
    const p = props[key];
    return p?.key === key ? p.value.value : '';
  };
  const sev = props.severity?.key === 'severity' ? props.severity.value.text : 'error';
  const tolerance = props.tolerance?.key === 'tolerance' ? props.tolerance.value.value : 0;
  const env: Env = { uri, views, bindings: new Map(), report: silent };
  const [check] = decl.checks;
  let compiled: C.CompiledCheck;
  if (props.builtin || !check) compiled = { kind: 'builtin' };
  else if (check.kind === 'assert') {
    const { instances } = expandAssertion(env, check);
    const crossReport = instances.some(usesPrevious);
    compiled = {
      kind: 'assert',
      // No fix is offered across reports: which of the two years is wrong is not known.
      instances: crossReport ? instances.map(({ fixCell: _, ...rest }) => rest) : instances,
      tolerance,
      ...(crossReport ? { crossReport: true as const } : {}),
    };
  } else compiled = compileText(env, check, sources.get(uri) ?? '');
  return {
    id: decl.name.text,
    severity: (sev === 'off' ? 'info' : sev) as Severity,
    ...(sev === 'off' ? { enabled: false } : {}),
    category: (props.category?.key === 'category'
      ? props.category.value.text
      : 'structure') as C.CompiledRule['category'],
    description: text('description'),
    message: text('message'),
    docs: text('docs'),
    docsUrl: `${DOCS_BASE}${decl.name.text}.md`,
    source: { uri, start: decl.range.start, end: decl.range.end },
    check: compiled,
  };
}

function compileText(env: Env, c: A.TextCheckDecl, source: string): C.TextCheck {
  const pattern = (p: A.PatternSeq, expect?: A.ConditionExpr): C.TextPattern => {
    const captures: string[] = [];
    const node = patternNode(p, captures);
    const condition = expect && textCondition(env, expect, new Set(captures));
    return {
      source: source.slice(p.range.start, p.range.end),
      captures,
      node,
      ...(condition ? { expect: condition } : {}),
    };
  };
  const patterns =
    c.mode === 'require'
      ? c.patterns.map((p) => pattern(p))
      : c.clauses.flatMap((clause) => clause.patterns.map((p) => pattern(p, clause.expect)));
  const single = patterns.length > 0 ? patterns[0]!.expect : undefined;
  const when = c.when ? condition(env, c.when, []) : undefined;
  return {
    kind: 'text',
    scope: {
      ...(c.section ? { section: c.section.text } : {}),
      ...(c.inTitle ? { title: true as const } : {}),
      unit: c.unit,
    },
    patterns,
    ...(c.lexicon ? { lexicon: c.lexicon.text } : {}),
    ...(c.expect && single?.kind === 'compare' ? { assert: single.comparison } : {}),
    ...(c.mode === 'require' ? { mode: 'require' as const } : {}),
    ...(c.unless.length > 0 ? { unless: c.unless.map((p) => pattern(p)) } : {}),
    ...(when ? { when } : {}),
  };
}

/** Whether an instance reads a cell of the previous year's report. */
function usesPrevious(instance: C.AssertionInstance): boolean {
  const reads = (c: C.Comparison): boolean =>
    [c.left, c.right].some((side) => side.terms.some((t) => t.cell.previous));
  const inCondition = (c: C.Condition): boolean =>
    c.kind === 'compare'
      ? reads(c.comparison)
      : c.kind === 'not'
        ? inCondition(c.operand)
        : c.operands.some(inCondition);
  return reads(instance.assert) || (instance.when !== undefined && inCondition(instance.when));
}

function patternNode(seq: A.PatternSeq, captures: string[]): C.PatternNode {
  const items = seq.elements.map((e): C.PatternNode => {
    switch (e.kind) {
      case 'literal':
        return { kind: 'literal', text: e.value.value };
      case 'alt':
        return { kind: 'alt', options: e.options.map((o) => patternNode(o, captures)) };
      case 'optional':
        return { kind: 'optional', body: patternNode(e.body, captures) };
      case 'gap':
        return { kind: 'gap', min: e.min, max: e.max };
      case 'number':
        if (!captures.includes(e.name.text)) captures.push(e.name.text);
        return { kind: 'number', name: e.name.text };
      case 'lexicon':
        return { kind: 'lexicon', name: e.name.text };
    }
  });
  return items.length === 1 ? items[0]! : { kind: 'seq', items };
}

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    const obj = value as Record<string, unknown>;
    // for…in without building arrays: this runs over every term of every instance.
    for (const k in obj) deepFreeze(obj[k]);
    Object.freeze(obj);
  }
  return value;
}
