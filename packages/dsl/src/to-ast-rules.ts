/**
 * CST → AST for rules: properties, assertions with their quantifiers and
 * linear expressions, conditions, and narrative text checks.
 */
import type { CstNode } from 'chevrotain';
import type { Range } from '@govlint/text';
import type * as A from './ast.js';
import {
  tokens,
  tok,
  nodes,
  sub,
  tokenRange,
  rangeOf,
  nameOf,
  str,
  nameList,
  numberOf,
} from './cst.js';
// -- rules --------------------------------------------------------------------

export function ruleDecl(node: CstNode): A.RuleDecl {
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
  const parsed = cellRef(ref);
  const cells =
    parsed.kind === 'cell' && tok(node, 'Previous') ? { ...parsed, previous: true } : parsed;
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
  const required = sub(node, 'required');
  const clauses = required ? [] : nodes(node, 'textClause').map(textClause);
  const patterns = required ? alternatives(required) : clauses.flatMap((c) => c.patterns);
  const only = patterns.length === 1 ? patterns[0]!.elements : [];
  const lexicon = only.length === 1 && only[0]!.kind === 'lexicon' ? only[0]!.name : undefined;
  const single = clauses.length === 1 ? clauses[0]!.expect : undefined;
  const unless = sub(node, 'unless');
  const when = sub(node, 'condition');
  return {
    kind: 'text',
    range,
    ...(section ? { section: nameOf(section, range) } : {}),
    ...(tok(node, 'inTitle') ? { inTitle: true } : {}),
    unit,
    mode: required ? 'require' : 'match',
    patterns,
    clauses,
    ...(lexicon ? { lexicon } : {}),
    ...(single?.kind === 'compare' ? { expect: single.comparison } : {}),
    unless: unless ? alternatives(unless) : [],
    ...(when ? { when: condition(when) } : {}),
  };
}

function textClause(node: CstNode): A.TextClause {
  const range = rangeOf(node);
  const alts = sub(node, 'patternAlternatives');
  const cond = sub(node, 'condition');
  return {
    range,
    patterns: alts ? alternatives(alts) : [],
    ...(cond ? { expect: condition(cond) } : {}),
  };
}

function alternatives(node: CstNode): A.PatternSeq[] {
  return nodes(node, 'patternSeq').map(patternSeq);
}

function patternSeq(node: CstNode): A.PatternSeq {
  return { range: rangeOf(node), elements: nodes(node, 'patternElement').flatMap(patternElement) };
}

function patternElement(node: CstNode): A.PatternElement[] {
  const range = rangeOf(node);
  const s = tok(node, 'StringLiteral');
  if (s) return [{ kind: 'literal', range, value: str(s, range) }];
  if (tok(node, 'Optional')) {
    const options = nodes(node, 'patternSeq').map(patternSeq);
    if (options.length === 0) return [];
    const body: A.PatternSeq =
      options.length === 1 ? options[0]! : { range, elements: [{ kind: 'alt', range, options }] };
    return [{ kind: 'optional', range, body }];
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
