/**
 * The typed syntax tree of a rules file. Every node carries its source range
 * (UTF-16 offsets into the file), so checks can point at the exact token and
 * the language server can navigate. After error recovery a node may be
 * partial: names can be empty strings and optional parts absent.
 */
import type { Range } from '@govlint/text';

export interface Node {
  readonly range: Range;
}

/** An identifier as written (`三.四.1`, `NP`, `t3-row-total`). */
export interface Name extends Node {
  readonly text: string;
}

export interface Str extends Node {
  /** The string's value, escapes resolved. */
  readonly value: string;
  /** The source between the quotes, escapes unresolved (to locate a placeholder precisely). */
  readonly raw: string;
}

export interface RulesFile {
  readonly uri: string;
  readonly declarations: readonly Declaration[];
}

export type Declaration =
  TemplateDecl | SectionDecl | TableDecl | RuleDecl | LexiconDecl | RemoveDecl;

/** `template gov-2021 extends … { title … }`, or a bare `template gov-2021` header. */
export interface TemplateDecl extends Node {
  readonly kind: 'template';
  readonly name: Name;
  readonly extends?: Name;
  /** False for a bare header, which only says which template the file's declarations belong to. */
  readonly hasBody: boolean;
  readonly title?: Str;
  readonly document?: Str;
  readonly years?: YearRange;
  readonly markers?: readonly Str[];
}

export interface YearRange extends Node {
  readonly from?: number;
  readonly to?: number;
}

export interface SectionDecl extends Node {
  readonly kind: 'section';
  readonly name: Name;
  readonly heading: Str;
  readonly variants: readonly Str[];
}

/** `table T3 "…" in section 三 { … }`, or `amend table T3 { … }` in an extending template. */
export interface TableDecl extends Node {
  readonly kind: 'table';
  readonly amend: boolean;
  readonly name: Name;
  readonly title?: Str;
  readonly section?: Name;
  readonly anchors?: readonly Str[];
  /** Columns and rows written directly in the table (a single-block table). */
  readonly columns?: ColumnsDecl;
  readonly rows?: RowsDecl;
  readonly blocks: readonly BlockDecl[];
}

export interface BlockDecl extends Node {
  readonly name: Name;
  readonly anchors: readonly Str[];
  readonly columns?: ColumnsDecl;
  readonly rows?: RowsDecl;
}

export interface KindSpec extends Node {
  /** `count`: integers ≥ 0; `signed`: integers that may be negative (V2019's year-on-year change column); `amount "万元"`: decimals. */
  readonly type: 'count' | 'signed' | 'amount';
  readonly unit?: Str;
}

export interface ColumnsDecl extends Node {
  readonly kind?: KindSpec;
  readonly items: readonly Item[];
}

export interface RowsDecl extends Node {
  readonly items: readonly Item[];
}

/** A row or column, a group of them, or (in `amend`) an edit. */
export type Item = LeafItem | GroupItem | RemoveItem | InsertItem;

export interface LeafItem extends Node {
  readonly kind: 'leaf';
  readonly name: Name;
  readonly label: Str;
  readonly aliases: readonly Str[];
  /** Rows only: a total row, not a leaf of its group. */
  readonly total: boolean;
  /** Columns only: overrides the kind of the enclosing `columns`. */
  readonly cellKind?: KindSpec;
}

export interface GroupItem extends Node {
  readonly kind: 'group';
  readonly name?: Name;
  readonly label: Str;
  readonly items: readonly Item[];
}

export interface RemoveItem extends Node {
  readonly kind: 'remove';
  readonly names: readonly Name[];
}

export interface InsertItem extends Node {
  readonly kind: 'insert';
  readonly position: 'before' | 'after';
  readonly anchor: Name;
  readonly items: readonly Item[];
}

/** `remove rule t2-issued-vs-valid`: drops an inherited element. */
export interface RemoveDecl extends Node {
  readonly kind: 'remove';
  readonly target: 'section' | 'table' | 'rule' | 'lexicon';
  readonly names: readonly Name[];
}

export interface LexiconDecl extends Node {
  readonly kind: 'lexicon';
  readonly name: Name;
  readonly entries: readonly { readonly text: Str; readonly note?: Str }[];
}

// ---------------------------------------------------------------------------
// Rules

export interface RuleDecl extends Node {
  readonly kind: 'rule';
  readonly name: Name;
  readonly properties: readonly RuleProperty[];
  readonly checks: readonly CheckDecl[];
}

export type RuleProperty =
  | { readonly key: 'severity' | 'category'; readonly value: Name; readonly range: Range }
  | { readonly key: 'description' | 'message' | 'docs'; readonly value: Str; readonly range: Range }
  | { readonly key: 'tolerance'; readonly value: NumberLit; readonly range: Range }
  | { readonly key: 'builtin'; readonly range: Range };

export type CheckDecl = AssertionDecl | TextCheckDecl;

export interface AssertionDecl extends Node {
  readonly kind: 'assert';
  readonly quantifiers: readonly Quantifier[];
  readonly comparison: ComparisonExpr;
  readonly when?: ConditionExpr;
}

/** `for each row r in T3`, `for each column c in T3[NP..OT]`. */
export interface Quantifier extends Node {
  readonly dimension: 'row' | 'column';
  readonly variable: Name;
  readonly table: Name;
  readonly selector?: Selector;
}

export type ComparisonOp = '=' | '≠' | '<' | '≤' | '>' | '≥';

export interface ComparisonExpr extends Node {
  readonly op: ComparisonOp;
  readonly opRange: Range;
  readonly left: LinearExprAst;
  readonly right: LinearExprAst;
}

export interface LinearExprAst extends Node {
  readonly terms: readonly TermAst[];
}

export interface TermAst extends Node {
  readonly sign: 1 | -1;
  /** `2 * T3[…]`: a numeric factor; 1 when absent. */
  readonly factor: number;
  readonly atom: Atom;
}

export type Atom = NumberLit | CellAst | SumAst | CaptureRef;

export interface NumberLit extends Node {
  readonly kind: 'number';
  readonly value: number;
}

/** `T3[r, TOT]`; `T4[RV.总计]` for a table with a single row. */
export interface CellAst extends Node {
  readonly kind: 'cell';
  /** `previous T3[四, c]`: the cell of the previous year's report (cross-report rules). */
  readonly previous?: boolean;
  readonly table: Name;
  readonly row?: Selector;
  readonly column: Selector;
}

/** `sum(T3[r, NP..OT])`: the cell's selectors may name sets. */
export interface SumAst extends Node {
  readonly kind: 'sum';
  readonly cells: CellAst;
}

/** A named numeric capture of a text pattern, in `expect`. */
export interface CaptureRef extends Node {
  readonly kind: 'capture';
  readonly name: Name;
}

/** Row or column selection inside `[…]`. */
export type Selector =
  | { readonly kind: 'name'; readonly name: Name; readonly range: Range }
  | { readonly kind: 'range'; readonly from: Name; readonly to: Name; readonly range: Range }
  | { readonly kind: 'list'; readonly names: readonly Name[]; readonly range: Range }
  | { readonly kind: 'leaves'; readonly group: Name; readonly range: Range };

export type ConditionExpr =
  | ({ readonly kind: 'compare' } & { readonly comparison: ComparisonExpr; readonly range: Range })
  | {
      readonly kind: 'and' | 'or';
      readonly operands: readonly ConditionExpr[];
      readonly range: Range;
    }
  | { readonly kind: 'not'; readonly operand: ConditionExpr; readonly range: Range };

// ---------------------------------------------------------------------------
// Narrative (text) checks

/**
 * `text in section 一 by sentence match <pattern> (or <pattern>)* [expect …]
 * (match … [expect …])* [unless <pattern> (or <pattern>)*] [when <condition>]`, or
 * `text in section 六 by section require <pattern> (or <pattern>)* [unless …] [when …]`.
 */
export interface TextCheckDecl extends Node {
  readonly kind: 'text';
  readonly section?: Name;
  /** `in title`: the report's title (where the agency is named). */
  readonly inTitle?: boolean;
  readonly unit: 'sentence' | 'paragraph' | 'section';
  /** `match`: a match is a finding (or is compared); `require`: a scope without any match is. */
  readonly mode: 'match' | 'require';
  /** Every pattern of every clause, in order (the required patterns in `require` mode). */
  readonly patterns: readonly PatternSeq[];
  readonly clauses: readonly TextClause[];
  readonly lexicon?: Name;
  /** The expectation when the check has one clause whose `expect` is a single comparison. */
  readonly expect?: ComparisonExpr;
  /** Patterns whose presence in the same unit silences the check. */
  readonly unless: readonly PatternSeq[];
  /** A condition on cells: the check only runs when it holds. */
  readonly when?: ConditionExpr;
}

/** `match <pattern> (or <pattern>)* [expect <condition>]`. */
export interface TextClause extends Node {
  readonly patterns: readonly PatternSeq[];
  readonly expect?: ConditionExpr;
}

/** A sequence of pattern elements, matched left to right. */
export interface PatternSeq extends Node {
  readonly elements: readonly PatternElement[];
}

export type PatternElement =
  | { readonly kind: 'literal'; readonly value: Str; readonly range: Range }
  | { readonly kind: 'alt'; readonly options: readonly PatternSeq[]; readonly range: Range }
  | { readonly kind: 'optional'; readonly body: PatternSeq; readonly range: Range }
  | { readonly kind: 'gap'; readonly min: number; readonly max: number; readonly range: Range }
  | { readonly kind: 'number'; readonly name: Name; readonly range: Range }
  | { readonly kind: 'lexicon'; readonly name: Name; readonly range: Range };
