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
