/**
 * The checks the engine implements itself (the reader's structural findings,
 * template detection). A pack declares them with `builtin` to give their
 * severity, message and docs; the placeholders listed here are the values
 * the engine fills into `{…}` in the message (docs/dsl.md lists them too).
 */
export const builtinPlaceholders: Readonly<Record<string, readonly string[]>> = {
  'not-a-report': [],
  'title-missing': [],
  'section-missing': ['number', 'heading'],
  'section-order': ['heading', 'expected', 'previous'],
  'section-heading-variant': ['found', 'heading'],
  'section-numbering-duplicate': ['number', 'found'],
  'section-empty': ['heading'],
  'table-missing': ['table', 'title', 'heading'],
  'table-rows-missing': ['table', 'title', 'rows', 'count'],
  'table-cells-missing': ['table', 'title', 'row', 'cells', 'found', 'expected'],
  'table-extra-cells': ['table', 'title', 'row', 'found', 'expected'],
  'table-header-garbled': ['table', 'title'],
  'table-cell-count': ['table', 'title', 'row', 'found', 'expected'],
  'label-variant': ['table', 'found', 'expected'],
  'cell-blank': ['table', 'row', 'column'],
  'cell-non-numeric': ['table', 'row', 'column', 'found'],
  'cells-ambiguous': ['table', 'row', 'found', 'expected'],
  'cell-non-negative-integer': ['table', 'row', 'column', 'found'],
  'template-outdated': ['year', 'found', 'marker', 'template', 'expected'],
  'template-mixed': ['found', 'marker', 'template', 'templates', 'other', 'otherFound'],
  'template-anachronism': ['year', 'found', 'marker', 'template', 'from'],
  // Narrative and text quality (core/src/text): word lists come from the pack's lexicons.
  'narrative-sum-of-parts': ['match', 'total', 'parts', 'sum', 'unit'],
  'duplicated-word': ['found', 'word'],
  'injected-spam': ['found', 'note'],
  'section-subheading-format': ['found', 'expected'],
  'overview-aspect-missing': ['aspect', 'keywords'],
  'punctuation-halfwidth': ['found', 'expected'],
  'fee-statement-missing': [],
  'other-matters-empty': ['found'],
  // Dates and years (core/src/dates).
  'period-mismatch': ['found', 'year'],
  'period-missing': ['year'],
  'publish-late': ['date', 'deadline', 'kind', 'year'],
  'publish-too-early': ['date', 'year'],
  'publish-date-year': ['date', 'year', 'expected'],
  'publish-date-missing': ['year'],
  'year-inconsistent': ['found', 'year', 'where'],
};

/** Placeholders every assertion message may use, besides its quantifier variables. */
export const assertionPlaceholders = [
  'left',
  'right',
  'left.terms',
  'right.terms',
  'difference',
] as const;

/** Placeholders of a text check, besides its named captures. */
export const textPlaceholders = ['match', 'note', ...assertionPlaceholders] as const;

export const severities = ['error', 'warning', 'info', 'off'] as const;
export const categories = ['structure', 'arithmetic', 'narrative', 'date', 'text'] as const;
