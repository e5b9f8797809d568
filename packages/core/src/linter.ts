/**
 * `createLinter()`: one services object for every front end (like Langium's
 * services), so the CLI and the language server answer identically. The
 * packs are compiled once; `lint()` is pure and synchronous.
 */
import type { CompiledRule, CompiledTemplate } from '@govlint/dsl';
import type { ReportModel } from '@govlint/report';
import { type Diagnostic, compareDiagnostics } from '@govlint/text';
import type {
  Linter,
  LinterOptions,
  LintOptions,
  LintResult,
  ReportReader,
  RuleEvaluation,
  TemplateDetection,
} from './api.js';
import { defaultPacks, defaultRead } from './defaults.js';
import {
  type MarkerHit,
  newestFirst,
  scanMarkers,
  templateByMarkers,
  templateFindings,
  templateForYear,
} from './detect.js';
import { applyDirectives, parseDirectives } from './directives.js';
import { docsUrl, engineRule, type RuleMeta } from './engine-rules.js';
import { evaluateAssertions, isAssertionRule, summarise } from './evaluate/assertions.js';
import { cellKindFindings } from './evaluate/cell-kinds.js';
import { assertionDiagnostics } from './evaluate/diagnostics.js';
import { findRootCauses } from './evaluate/root-cause.js';
import { CellValues, registerCells } from './evaluate/values.js';
import { findingDiagnostics } from './findings.js';
import { renderMessage } from './messages.js';
import { loadPacks, ruleCatalogue } from './packs.js';
import { configuredSeverity } from './severity.js';
import { indexTemplate } from './template-index.js';
import { narrativeDiagnostics } from './text/index.js';
import { bundledPacks, usingPrecompiled } from './precompiled.js';
import { type FoldedReport, foldReport, templateNeedles } from './text/literal-index.js';

export function createLinter(options: LinterOptions = {}): Linter {
  const base = options.packs ?? defaultPacks;
  const packs = [...base, ...(options.extraPacks ?? [])];
  const compile = options.compile ?? usingPrecompiled(bundledPacks);
  const loaded = loadPacks(packs, compile, base.length);
  const catalogue = ruleCatalogue(loaded.templates);
  const read = options.read ?? defaultRead;

  const analyse = (text: string, opts: LintOptions) =>
    readWithTemplate(text, opts, loaded.templates, read);

  return {
    packDiagnostics: loaded.diagnostics,
    templates: () => loaded.templates,
    rules: () => catalogue,
    parse: (text, opts) => analyse(text, opts).model,
    lint(text, opts): LintResult {
      const analysis = analyse(text, opts);
      const { model, template, detection } = analysis;
      if (!model || !template) {
        return {
          uri: opts.uri,
          diagnostics: analysis.failure ? [analysis.failure] : [],
          model: null,
          template,
          detection,
          evaluation: [],
        };
      }
      const { diagnostics, evaluation } = check(
        text,
        model,
        template,
        analysis,
        loaded.templates,
        opts,
      );
      return {
        uri: opts.uri,
        diagnostics,
        model: model.isReport ? model : null,
        template,
        detection,
        evaluation,
      };
    },
  };
}

interface Analysis {
  readonly model: ReportModel | null;
  readonly template: CompiledTemplate | null;
  readonly detection: TemplateDetection;
  readonly hits: readonly MarkerHit[];
  /** The text folded and its literals found, once for detection and the text checks. */
  readonly folded: FoldedReport;
  /** The reader failed on this text: reported, never thrown. */
  readonly failure?: Diagnostic;
}

/**
 * Detect the template and read the report with it. Without markers, the
 * report is read with the newest template to find its year, and read again
 * if the year calls for another template.
 */
function readWithTemplate(
  text: string,
  opts: LintOptions,
  templates: readonly CompiledTemplate[],
  read: ReportReader,
): Analysis {
  const folded = foldReport(text, templateNeedles(templates));
  const hits = scanMarkers(text, templates, folded);
  const markers: Record<string, string[]> = {};
  for (const h of hits) (markers[h.template] ??= []).push(h.marker);
  const forcedId = opts.template ?? opts.config?.template;
  const forced = forcedId ? templates.find((t) => t.id === forcedId) : undefined;
  const byMarkers = templateByMarkers(templates, hits);
  let template = forced ?? byMarkers ?? newestFirst(templates)[0] ?? null;
  let by: TemplateDetection['by'] = forced ? 'option' : byMarkers ? 'markers' : 'default';
  const detection = (year: number | null): TemplateDetection => ({
    template: template?.id ?? null,
    by: template ? by : 'none',
    markers,
    year,
  });
  if (!template) return { model: null, template: null, detection: detection(null), hits, folded };
  try {
    let model = read(text, template, { uri: opts.uri });
    const year = model.year?.value ?? null;
    if (by === 'default' && year !== null) {
      const forYear = templateForYear(templates, year);
      if (forYear && forYear !== template) {
        template = forYear;
        model = read(text, template, { uri: opts.uri });
      }
      by = 'year';
    }
    return { model, template, detection: detection(year), hits, folded };
  } catch (error) {
    const failure: Diagnostic = {
      ruleId: 'reader-failure',
      severity: 'error',
      message: `无法读取报告（internal error: ${error instanceof Error ? error.message : String(error)}）`,
      range: { start: 0, end: 0 },
    };
    return { model: null, template, detection: detection(null), hits, folded, failure };
  }
}

function check(
  text: string,
  model: ReportModel,
  template: CompiledTemplate,
  { hits, folded }: Analysis,
  templates: readonly CompiledTemplate[],
  opts: LintOptions,
): { diagnostics: Diagnostic[]; evaluation: RuleEvaluation[] } {
  const config = opts.config;
  const index = indexTemplate(template);
  const ruleOf = (id: string): RuleMeta | undefined => index.rules.get(id) ?? engineRule(id);
  const severityOf = (id: string) => {
    const configured = configuredSeverity(id, config);
    return configured && configured !== 'off' ? configured : (ruleOf(id)?.severity ?? 'error');
  };
  const isOff = (id: string) => configuredSeverity(id, config) === 'off';
  const engineDiagnostic = (
    ruleId: string,
    range: Diagnostic['range'],
    values: Record<string, string | number>,
  ): Diagnostic | null => {
    if (isOff(ruleId)) return null;
    const rule = ruleOf(ruleId);
    const message = (rule && renderMessage(rule.message, values)) ?? rule?.description ?? ruleId;
    return {
      ruleId,
      severity: severityOf(ruleId),
      message,
      range,
      docsUrl: docsUrl(ruleId),
      data: values,
    };
  };

  const findings = [...model.findings, ...cellKindFindings(model, index)];
  const diagnostics: Diagnostic[] = findingDiagnostics(findings, ruleOf, config);
  const year = model.year?.value ?? null;
  for (const f of templateFindings(templates, hits, template, year)) {
    const d = engineDiagnostic(f.ruleId, f.range, { ...f.values });
    if (d) diagnostics.push(d);
  }

  registerCells(template, template.rules);
  const all = reportAssertions(template);
  // The same list every time unless configuration turns an identity off: the
  // evaluation compiles a list of rules once (see evaluateAssertions).
  const rules =
    config?.rules && all.some((r) => isOff(r.id)) ? all.filter((r) => !isOff(r.id)) : all;
  const values = CellValues.fromModel(model);
  const outcomes = evaluateAssertions(rules, values);
  const roots = findRootCauses(rules, outcomes, values);
  diagnostics.push(
    ...assertionDiagnostics(outcomes, roots, { index, values, severity: severityOf, docsUrl }),
  );
  for (const d of narrativeDiagnostics(text, model, template, config, folded, values)) {
    diagnostics.push(d);
  }

  const directives = parseDirectives(text);
  const { kept, unused } = applyDirectives(diagnostics, directives, text);
  for (const u of unused) {
    const d = engineDiagnostic('unused-disable-directive', u.directive.range, {
      directive: u.directive.text,
      rules: u.rules[0] === '*' ? '所有规则' : u.rules.join(', '),
    });
    if (d) kept.push(d);
  }
  kept.sort(compareDiagnostics);
  return { diagnostics: kept, evaluation: summarise(outcomes) };
}

const assertionLists = new WeakMap<CompiledTemplate, readonly CompiledRule[]>();

/**
 * The template's identities that one report can check, once per template.
 * Cross-report rules (`previous …`) need last year's report: crossYear() evaluates them.
 */
function reportAssertions(template: CompiledTemplate): readonly CompiledRule[] {
  let list = assertionLists.get(template);
  if (!list) {
    list = template.rules.filter((r) => isAssertionRule(r) && !r.check.crossReport);
    assertionLists.set(template, list);
  }
  return list;
}
