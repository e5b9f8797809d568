/**
 * The report model: what the reader makes of any layout, and what the
 * evaluator checks. Defined with zod so that `govlint parse --json` output
 * can be validated and so that other tools can read it.
 *
 * Every range is a pair of UTF-16 offsets into the decoded text (see
 * @govlint/text). This file is the contract between `report` and `core`:
 * change it with care, and update its consumers in the same commit.
 */
import { z } from 'zod';

export const RangeSchema = z.object({ start: z.number().int(), end: z.number().int() });

export const LayoutSchema = z.enum([
  'cell-per-line', // L1: one cell per line, TAB-prefixed (seed 000)
  'tab-rows', // L2: one row per line, TAB-separated (001, 004)
  'pipe-cells', // L3: one cell per line with pipe suffixes (002)
  'markdown', // L4/L5: Markdown tables (003) and headings
  'pipe-rows', // L6: `label | v | v |` on one line
  'html', // L7
  'flattened', // separators lost, digits run together (pingtan corpus)
  'none', // no table found
  'mixed',
]);
export type Layout = z.infer<typeof LayoutSchema>;

export const CellStatusSchema = z.enum([
  'number', // a numeric value was read
  'blank', // empty cell, read as 0 for arithmetic (cell-blank)
  'non-numeric', // `-`, `—`, `/`, `无`, read as 0 (cell-non-numeric)
  'missing', // the row was found but this cell was not, or its flattened digits were ambiguous: no value
]);

/**
 * One cell of a row that was found. Cells of rows that were not found are
 * absent: an identity that needs them is not evaluable.
 */
export const CellSchema = z.object({
  table: z.string(),
  row: z.string(),
  column: z.string(),
  /** The value used for arithmetic; null when the cell could not be read. */
  value: z.number().nullable(),
  status: CellStatusSchema,
  /** The cell's text as written in the source. */
  raw: z.string(),
  /** The cell's own text in the source (for a blank cell: where it should be). */
  range: RangeSchema,
});
export type Cell = z.infer<typeof CellSchema>;

export const RowSchema = z.object({
  table: z.string(),
  row: z.string(),
  /** The label as found in the source, and where. */
  label: z.string(),
  labelRange: RangeSchema,
  /**
   * How the label matched: exactly, or after a relaxation (label-variant);
   * `position` for a row read by its place (a lost label, or table 四 with
   * its header garbled), its labelRange then empty at its first value.
   */
  match: z.enum(['exact', 'alias', 'prefix', 'suffix', 'fuzzy', 'position']),
});

export const TableSchema = z.object({
  id: z.string(),
  /** Whole table, from its anchor to its last cell. */
  range: RangeSchema,
  layout: LayoutSchema,
  /** Row ids of the template that were not found (table-rows-missing). */
  missingRows: z.array(z.string()),
  rows: z.array(RowSchema),
});

export const SectionSchema = z.object({
  id: z.string(),
  /** The heading as written. */
  heading: z.string(),
  headingRange: RangeSchema,
  /** From the end of the heading to the next section's heading (or the end). */
  bodyRange: RangeSchema,
  match: z.enum(['exact', 'variant', 'fuzzy']),
});

export const ParagraphSchema = z.object({
  range: RangeSchema,
  /** The section it belongs to, if any. */
  section: z.string().nullable(),
  /** Sentences, split at 。！？；and line ends. */
  sentences: z.array(RangeSchema),
});

export const DateSchema = z.object({
  /** ISO date, YYYY-MM-DD. */
  value: z.string(),
  range: RangeSchema,
  /** Where it was found: the signature block at the end, a metadata header, or the body. */
  kind: z.enum(['signature', 'metadata', 'body']),
});

export const FindingSchema = z.object({
  ruleId: z.string(),
  severity: z.enum(['error', 'warning', 'info']),
  message: z.string(),
  range: RangeSchema,
  data: z.record(z.string(), z.unknown()).optional(),
});
/**
 * A structural finding made while reading (table-missing, cell-blank, …).
 * Its message is a fallback; core renders the rule's message template from
 * the pack with `data` (docs/reading.md lists the keys of each rule), and
 * applies configured severities.
 */
export type Finding = z.infer<typeof FindingSchema>;

export const ReportModelSchema = z.object({
  uri: z.string(),
  /** Template the reader was guided by. */
  template: z.string(),
  /** Length of the decoded text, in UTF-16 units. */
  length: z.number().int(),
  isReport: z.boolean(),
  title: z.object({ text: z.string(), range: RangeSchema }).nullable(),
  agency: z.string().nullable(),
  year: z
    .object({
      value: z.number().int(),
      range: RangeSchema,
      source: z.enum(['title', 'period', 'body']),
    })
    .nullable(),
  dates: z.array(DateSchema),
  sections: z.array(SectionSchema),
  tables: z.array(TableSchema),
  cells: z.array(CellSchema),
  paragraphs: z.array(ParagraphSchema),
  findings: z.array(FindingSchema),
});
export type ReportModel = z.infer<typeof ReportModelSchema>;
export type Section = z.infer<typeof SectionSchema>;
export type Table = z.infer<typeof TableSchema>;
export type Paragraph = z.infer<typeof ParagraphSchema>;
