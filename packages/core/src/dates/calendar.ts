/** Dates as the reports write them, and the deadlines of 条例 第四十九条. */
import type { ResolvedConfig } from '../api.js';
import type { AgencyKind } from './agency.js';

/** A date as the model gives it, `YYYY-MM-DD`. */
const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/u;

/** `2024-01-10` → a comparable number 20240110. */
export function dayNumber(iso: string): number {
  if (ISO_DAY.test(iso)) {
    // The usual shape, read in place: the same number as the digits joined.
    return (
      Number(iso.slice(0, 4)) * 10000 + Number(iso.slice(5, 7)) * 100 + Number(iso.slice(8, 10))
    );
  }
  return Number(iso.replaceAll('-', ''));
}

/** 1月31日 for departments, 3月31日 for the 本级 government report (条例 第四十九条, 2019). */
const DEFAULT_DEADLINES: Readonly<Record<AgencyKind, string>> = {
  department: '01-31',
  government: '03-31',
  // Townships are not named by the 条例; local notices set their own date (configurable).
  township: '03-31',
};

/** Before the 2019 revision every report was due by 3月31日. */
const FIRST_YEAR_OF_2019_DEADLINES = 2019;

/**
 * The last day to publish the report of `year`, as `YYYY-MM-DD`; an unknown
 * kind of body gets the most lenient deadline.
 */
export function deadline(
  year: number,
  kind: AgencyKind | null,
  config: ResolvedConfig | undefined,
): string {
  const configured = kind ? config?.deadlines?.[kind] : undefined;
  const day =
    configured ??
    (year < FIRST_YEAR_OF_2019_DEADLINES
      ? '03-31'
      : kind
        ? DEFAULT_DEADLINES[kind]
        : DEFAULT_DEADLINES.government);
  return `${year + 1}-${day}`;
}

/** `2024-01-10` → 2024年1月10日. */
export function chineseDate(iso: string): string {
  if (ISO_DAY.test(iso)) {
    // The usual shape, read in place (no split, no array).
    return `${Number(iso.slice(0, 4))}年${Number(iso.slice(5, 7))}月${Number(iso.slice(8, 10))}日`;
  }
  const [y, m, d] = iso.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}
