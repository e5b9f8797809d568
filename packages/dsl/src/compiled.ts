/**
 * The compiled, evaluable form of a rules pack: what every other package
 * consumes. The reader (`@govlint/report`) uses the template's structure to
 * find sections, tables, rows and cells; the evaluator (`@govlint/core`)
 * runs the checks. Everything here is plain, immutable data (frozen by the
 * compiler): evaluating it never runs user code.
 *
 * This file is the contract between packages: change it with care, and
 * update its consumers in the same commit.
 */
import type { RuleCategory, Severity } from '@govlint/text';

export interface CompiledPack {
  /** The templates this pack declares (usually one), after `extends` is resolved. */
  readonly templates: readonly CompiledTemplate[];
}

export interface CompiledTemplate {
  /** e.g. `gov-2021`. */
  readonly id: string;
  /** e.g. 中华人民共和国政府信息公开工作年度报告格式. */
  readonly title: string;
  /** The document that issued it, e.g. 国办公开办函〔2021〕30号. */
  readonly document: string;
  /** Report years it applies to, inclusive; undefined = open-ended. */
  readonly years: { readonly from?: number; readonly to?: number };
  /** The template this one extends, if any (already merged in). */
  readonly extends?: string;
  /** Labels whose presence marks a report as written in this template (spec §7.2). */
  readonly markers: readonly string[];
  /** The fixed sections, in their required order. */
  readonly sections: readonly SectionDecl[];
  readonly tables: readonly TableDecl[];
  /** Every rule, with metadata; checks implemented by the engine have `check.kind === 'builtin'`. */
  readonly rules: readonly CompiledRule[];
  /** Word lists and patterns that rules refer to by name (spam lexicon, typos, whitelists). */
  readonly lexicons: Readonly<Record<string, readonly LexiconEntry[]>>;
}

export interface LexiconEntry {
  /** The text to find (or the pattern source, for pattern lexicons). */
  readonly text: string;
  /** A replacement or explanation, e.g. the correct spelling for a typo. */
  readonly note?: string;
}

export interface SectionDecl {
  /** e.g. `一` or `overview`. */
  readonly id: string;
  /** The exact heading, e.g. 一、总体情况. */
  readonly heading: string;
  /** Accepted variants (found with a section-heading-variant info notice). */
  readonly variants: readonly string[];
  /** 0-based position in the required order. */
  readonly order: number;
}

/**
 * Cell kinds: counts are non-negative integers (`signed` counts may be
 * negative: V2019's year-on-year change column); amounts are decimals with a unit.
 */
export type CellKind =
  | { readonly type: 'count'; readonly signed?: boolean }
  | { readonly type: 'amount'; readonly unit: string };

export interface TableDecl {
  /** e.g. `T3`. */
  readonly id: string;
  /** Human name, e.g. 收到和处理政府信息公开申请情况. */
  readonly title: string;
  /** The section the table belongs to, by section id. */
  readonly section?: string;
  /** Labels that locate the table in a report (spec §8.3 step 6); any one suffices. */
  readonly anchors: readonly string[];
  /**
   * Blocks of rows that share a column header. T3 and T4 have one block; T2
   * has four (one per clause of the regulation), each with its own columns.
   */
  readonly blocks: readonly BlockDecl[];
}

export interface BlockDecl {
  /** Unique within the table; the table id when there is a single block. */
  readonly id: string;
  /** The block's own header label (the clause it reports on), if it has one. */
  readonly anchors: readonly string[];
  readonly columns: readonly ColumnDecl[];
  readonly rows: readonly RowDecl[];
}

export interface ColumnDecl {
  /**
   * Unique within its block, e.g. `NP`, `TOT`, `RV.总计`. The same id may
   * recur in another block of the table (T2's decision count, in two blocks); a
   * cell is still unique, since a row belongs to one block.
   */
  readonly id: string;
  readonly label: string;
  readonly aliases: readonly string[];
  /** Enclosing header groups, outermost first, e.g. [申请人情况, 法人或其他组织]. */
  readonly groups: readonly string[];
  readonly kind: CellKind;
}

export interface RowDecl {
  /** Unique within the table, e.g. `三.四.1`, `一`. */
  readonly id: string;
  /** The row's own label; empty for a table's single unlabelled value row (T4). */
  readonly label: string;
  readonly aliases: readonly string[];
  /** Labels of the enclosing row groups, outermost first, e.g. [三、本年度办理结果, （四）无法提供]. */
  readonly path: readonly string[];
  /** A leaf row of the hierarchy (counted in sums over leaves); false for a `total` row. */
  readonly leaf: boolean;
  /** Ids of the enclosing row groups that have one, outermost first, e.g. [三, 三.四]. */
  readonly groups?: readonly string[];
}

/** A cell of a table, by ids. */
export interface CellRef {
  readonly table: string;
  readonly row: string;
  readonly column: string;
  /**
   * The cell of the same agency's report for the year before (`previous
   * T3[四, c]`): only cross-report evaluation has it.
   */
  readonly previous?: true;
}

// ---------------------------------------------------------------------------
// Rules

export interface CompiledRule {
  /** Stable kebab-case id, e.g. `t3-row-total`. */
  readonly id: string;
  /** Default severity when the rule is enabled. */
  readonly severity: Severity;
  /**
   * False for a rule the pack declares `severity off` (t3-rare-applicant):
   * evaluate it only when configuration turns it on. Absent means true.
   */
  readonly enabled?: boolean;
  /** https://github.com/govlint/govlint/blob/main/docs/rules/<id>.md */
  readonly docsUrl?: string;
  readonly category: RuleCategory;
  /** One line, Chinese: what the rule checks. */
  readonly description: string;
  /**
   * Message template with `{name}` placeholders. Which names exist depends on
   * the check: for assertions, `{left}`, `{right}`, `{left.terms}`,
   * `{right.terms}`, `{row}`, `{column}` (labels of the quantified row and
   * column), `{difference}`; builtins document their own.
   */
  readonly message: string;
  /** Longer documentation text (Markdown), for docs/rules and hover. */
  readonly docs: string;
  /** Where the rule is declared, for go-to-definition. */
  readonly source: { readonly uri: string; readonly start: number; readonly end: number };
  readonly check: CompiledCheck;
}

export type CompiledCheck = BuiltinCheck | AssertionCheck | TextCheck;

/**
 * A check implemented by the engine (the reader's structural findings,
 * template detection, …); the pack supplies its id, severity and message.
 */
export interface BuiltinCheck {
  readonly kind: 'builtin';
}

/**
 * An arithmetic identity. Quantifiers are expanded at compile time, so an
 * assertion is a flat list of instances, each comparing two linear
 * combinations of cells. `T3[r, TOT] = sum(T3[r, NP..OT])` for 25 rows is 25
 * instances.
 */
export interface AssertionCheck {
  readonly kind: 'assert';
  readonly instances: readonly AssertionInstance[];
  /** Absolute tolerance for amounts (e.g. 0.01 万元); 0 for counts. */
  readonly tolerance: number;
  /**
   * A cell of the previous year's report takes part (`previous …`): the rule
   * is evaluated only when several years of one agency are linted together.
   */
  readonly crossReport?: true;
}

export type ComparisonOp = '=' | '≠' | '<' | '≤' | '>' | '≥';

/** The operator that holds where `op` fails: what a message shows between the two sides (2 ≠ 0). */
export const NEGATED_OP: Readonly<Record<ComparisonOp, ComparisonOp>> = {
  '=': '≠',
  '≠': '=',
  '<': '≥',
  '≤': '>',
  '>': '≤',
  '≥': '<',
};

/** coefficient × cell, summed, plus a constant. */
export interface LinearExpr {
  readonly terms: readonly { readonly coefficient: number; readonly cell: CellRef }[];
  readonly constant: number;
}

export interface Comparison {
  readonly op: ComparisonOp;
  readonly left: LinearExpr;
  readonly right: LinearExpr;
}

/** A condition: comparisons joined by and/or/not. */
export type Condition =
  | { readonly kind: 'compare'; readonly comparison: Comparison }
  | { readonly kind: 'and' | 'or'; readonly operands: readonly Condition[] }
  | { readonly kind: 'not'; readonly operand: Condition };

export interface AssertionInstance {
  /** Values for the message placeholders fixed by quantifiers, e.g. {row: '（七）总计'}. */
  readonly bindings: Readonly<Record<string, string>>;
  /** Only evaluated when this holds (`when …`). */
  readonly when?: Condition;
  readonly assert: Comparison;
  /**
   * The cell a fix would write, when the left side is one cell and the op is
   * `=`: setting it to the right side's value makes the identity hold.
   */
  readonly fixCell?: CellRef;
}

/**
 * A narrative check (issue: narrative rules): a text pattern with numeric
 * captures, scoped to a section or a sentence, compared with cells. Patterns
 * are in a restricted, linear-time pattern language (see docs/dsl.md).
 */
export interface TextCheck {
  readonly kind: 'text';
  /** Where to look: the whole report, or one section's body, by section id. */
  readonly scope: {
    readonly section?: string;
    /**
     * `in title`: the title, where the agency is named. A finding of such a
     * check is placed on the cells its expectation names.
     */
    readonly title?: true;
    readonly unit: 'sentence' | 'paragraph' | 'section';
  };
  /**
   * Alternatives, from every `match` clause in order (or the required
   * patterns). Where several match at one place, the first declared wins;
   * matches do not overlap.
   */
  readonly patterns: readonly TextPattern[];
  /** Named lexicon whose entries are searched for instead of (or besides) patterns. */
  readonly lexicon?: string;
  /**
   * Compared with the captures; when absent, a match alone fires the rule.
   * Set when the check has one clause whose `expect` is one comparison; the
   * engine reads each pattern's `expect`, which always carries it.
   */
  readonly assert?: TextAssertion;
  /**
   * `require` (absent: `match`): the rule fires once per scope in which no
   * pattern matches (“section 六 should mention 信息处理费”).
   */
  readonly mode?: 'match' | 'require';
  /** `unless …`: a unit in which one of these matches is skipped. */
  readonly unless?: readonly TextPattern[];
  /** `when …`: a condition on cells; the check runs only when it holds. */
  readonly when?: Condition;
}

export interface TextPattern {
  /** Source of the pattern, as written in the rules file. */
  readonly source: string;
  /** Names of the numeric captures, in order. */
  readonly captures: readonly string[];
  /** The pattern as a tree, for a linear-time matcher (no backtracking). */
  readonly node: PatternNode;
  /**
   * The `expect` of the pattern's `match` clause: a match passes when it
   * holds; absent, a match alone fires the rule.
   */
  readonly expect?: TextCondition;
}

/** A condition over captures and cells: comparisons joined by and/or/not. */
export type TextCondition =
  | { readonly kind: 'compare'; readonly comparison: TextAssertion }
  | { readonly kind: 'and' | 'or'; readonly operands: readonly TextCondition[] }
  | { readonly kind: 'not'; readonly operand: TextCondition };

/**
 * The restricted pattern language (docs/dsl.md): literals (compared after
 * foldLabel), alternatives, optional parts, bounded gaps, numeric captures
 * and lexicon references. No repetition beyond a bounded gap, so a
 * Thompson-style simulation matches in time linear in the text.
 */
export type PatternNode =
  | { readonly kind: 'literal'; readonly text: string }
  | { readonly kind: 'seq'; readonly items: readonly PatternNode[] }
  | { readonly kind: 'alt'; readonly options: readonly PatternNode[] }
  | { readonly kind: 'optional'; readonly body: PatternNode }
  /** Any `min`..`max` characters (UTF-16 units after folding). */
  | { readonly kind: 'gap'; readonly min: number; readonly max: number }
  /** A number (digits, optionally with a decimal part), captured under `name`. */
  | { readonly kind: 'number'; readonly name: string }
  /** Any entry of the named lexicon. */
  | { readonly kind: 'lexicon'; readonly name: string };

/** A side of a text assertion: cells, captures and a constant. */
export interface TextExpr extends LinearExpr {
  readonly captures: readonly { readonly coefficient: number; readonly capture: string }[];
}

export interface TextAssertion {
  readonly op: ComparisonOp;
  readonly left: TextExpr;
  readonly right: TextExpr;
}
