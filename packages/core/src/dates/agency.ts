/**
 * What kind of body wrote the report, from the end of its name: a 部门
 * (…局), the 本级人民政府 (…区人民政府), or a 乡镇/街道. The endings are the
 * pack's lexicon `agency-types` (note = the kind); the longest ending wins, so
 * “…镇人民政府” is a township and “…人民政府办公室” a department.
 */
import type { LexiconEntry } from '@govlint/dsl';
import { isSpace } from '@govlint/text';

export type AgencyKind = 'department' | 'government' | 'township';

const KINDS: readonly string[] = ['department', 'government', 'township'];

export function agencyKind(
  agency: string | null,
  endings: readonly LexiconEntry[],
): AgencyKind | null {
  if (!agency) return null;
  // Most names have no space: the regular expression only when one is there.
  const name = hasSpace(agency) ? agency.replace(/\s+/gu, '') : agency;
  let best: LexiconEntry | undefined;
  for (const e of endings) {
    if (!e.note || !KINDS.includes(e.note) || !name.endsWith(e.text)) continue;
    if (!best || e.text.length > best.text.length) best = e;
  }
  return best ? (best.note as AgencyKind) : null;
}

/** How a message names each kind. */
export const KIND_NAMES: Readonly<Record<AgencyKind, string>> = {
  department: '部门',
  government: '本级人民政府',
  township: '乡镇、街道',
};

function hasSpace(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (isSpace(text.charCodeAt(i))) return true;
  return false;
}
