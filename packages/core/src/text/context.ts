/**
 * What the narrative, text-quality and date checks share: the text, the
 * model, the template's rules and lexicons, the cells, and one way to turn
 * a finding into a diagnostic (the pack's message, the configured severity,
 * the docs link). A check the template does not declare, or that
 * configuration turns off, is never run.
 */
import type {
  CellRef,
  CompiledRule,
  CompiledTemplate,
  LexiconEntry,
  TextCheck,
} from '@govlint/dsl';
import type { ReportModel } from '@govlint/report';
import type { Diagnostic, Fix, FoldedText, Range, RelatedLocation, Severity } from '@govlint/text';
import type { ResolvedConfig } from '../api.js';
import { docsUrl } from '../engine-rules.js';
import { type MessageValues, renderMessage } from '../messages.js';
import { CellValues, registerCells } from '../evaluate/values.js';
import { configuredSeverity } from '../severity.js';
import {
  type FoldedReport,
  foldReport,
  type LiteralIndex,
  templateNeedles,
} from './literal-index.js';
import { textUnits } from './units.js';

type Cell = ReportModel['cells'][number];

/** Findings of one rule in one report beyond this many are dropped. */
export const MAX_PER_RULE = 200;

export interface TextContext {
  readonly text: string;
  readonly model: ReportModel;
  readonly template: CompiledTemplate;
  readonly config: ResolvedConfig | undefined;
  /** The rule, when the template declares it and configuration leaves it on. */
  active(ruleId: string): CompiledRule | undefined;
  /** A lexicon's entries (empty when the pack has none of that name). */
  lexicon(name: string): readonly LexiconEntry[];
  /** A cell as the reader found it. */
  cell(ref: CellRef): Cell | undefined;
  /** A cell's value for arithmetic: blanks count 0, a missing cell has none. */
  value(ref: CellRef): number | undefined;
  /** The whole text folded once, for the literal prefilter (built on first use). */
  folded(): FoldedText;
  /** Where each literal of the template's checks and lexicons occurs in the folded text (see literal-index.ts). */
  literals(): LiteralIndex;
  /** The units of a scope (computed once per scope). */
  units(scope: TextCheck['scope']): readonly Range[];
  /** A diagnostic for an active rule, or null. */
  report(
    ruleId: string,
    range: Range,
    values: MessageValues,
    extra?: ReportExtra,
  ): Diagnostic | null;
}

export interface ReportExtra {
  /** A severity for this case (e.g. a downgrade to info); configuration still wins. */
  readonly severity?: Severity;
  readonly related?: readonly RelatedLocation[];
  readonly fix?: Fix;
  readonly data?: Readonly<Record<string, unknown>>;
}

export function createTextContext(
  text: string,
  model: ReportModel,
  template: CompiledTemplate,
  config: ResolvedConfig | undefined,
  /** The report folded and indexed once per lint (made here when not given). */
  prepared?: FoldedReport,
  /** The cells' values as the identities read them (made here when not given). */
  cellValues?: CellValues,
): TextContext {
  const rules = rulesById(template);
  registerCells(template, template.rules);
  const cells = cellValues ?? CellValues.fromModel(model);
  const active = (ruleId: string): CompiledRule | undefined => {
    const rule = rules.get(ruleId);
    const configured = configuredSeverity(ruleId, config);
    if (!rule || configured === 'off') return undefined;
    // `severity off` in the pack: declared, run only when configuration turns it on.
    if (rule.enabled === false && configured === undefined) return undefined;
    return rule;
  };

  let report = prepared;
  const folded = () => (report ??= foldReport(text, templateNeedles(alone(template))));
  const reported = new Map<string, number>();
  const unitsByScope = new Map<string, readonly Range[]>();
  const unitsByScopeObject = new Map<TextCheck['scope'], readonly Range[]>();
  return {
    text,
    model,
    template,
    config,
    active,
    folded: () => folded().folded,
    literals: () => folded().literals,
    units(scope) {
      // By the scope object first (each check has its own), then by what it says.
      let units = unitsByScopeObject.get(scope);
      if (units) return units;
      const key = `${scope.title ? 'title' : (scope.section ?? '')}\u0000${scope.unit}`;
      units = unitsByScope.get(key);
      if (!units) unitsByScope.set(key, (units = textUnits(model, text, scope)));
      unitsByScopeObject.set(scope, units);
      return units;
    },
    lexicon: (name) => template.lexicons[name] ?? [],
    cell: (ref) => cells.cell(ref),
    value: (ref) => cells.get(ref),
    report(ruleId, range, values, extra = {}) {
      const rule = active(ruleId);
      if (!rule) return null;
      // A garbled or hostile document must not flood the editor: keep the first ones.
      const n = (reported.get(ruleId) ?? 0) + 1;
      reported.set(ruleId, n);
      if (n > MAX_PER_RULE) return null;
      const severity = configuredSeverity(ruleId, config) ?? extra.severity ?? rule.severity;
      // Fields assigned, not spread in: spreading into a literal is slow on Node 20.
      // The order of the keys is the order they are assigned in.
      const d: Mutable<Diagnostic> = {
        ruleId,
        severity: severity === 'off' ? rule.severity : severity,
        message: renderMessage(rule.message, values) ?? rule.description,
        range,
        docsUrl: rule.docsUrl ?? docsUrl(ruleId),
      };
      if (extra.related && extra.related.length > 0) d.related = extra.related;
      if (extra.fix) d.fix = extra.fix;
      d.data = Object.assign(plain(values), extra.data);
      return d;
    },
  };
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

const ruleMaps = new WeakMap<CompiledTemplate, ReadonlyMap<string, CompiledRule>>();

function rulesById(template: CompiledTemplate): ReadonlyMap<string, CompiledRule> {
  let map = ruleMaps.get(template);
  if (!map) ruleMaps.set(template, (map = new Map(template.rules.map((r) => [r.id, r]))));
  return map;
}

const single = new WeakMap<CompiledTemplate, readonly CompiledTemplate[]>();

/** A template as a list of one, the same list each time (needles are cached per list). */
function alone(template: CompiledTemplate): readonly CompiledTemplate[] {
  let list = single.get(template);
  if (!list) single.set(template, (list = [template]));
  return list;
}

/** Message values without the undefined ones, for the JSON-serialisable `data`. */
function plain(values: MessageValues): Record<string, string | number> {
  const out: Record<string, string | number> = {};
  // for…in, not Object.entries: no array per key, the same order on a plain object.
  for (const k in values) {
    const v = values[k];
    if (v !== undefined) out[k] = v;
  }
  return out;
}
