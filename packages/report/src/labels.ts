/**
 * The labels of one table, as the template declares them, and how a span of
 * report text is matched against them (spec §8.3): exactly, by an alias, by
 * body without numbering, then with relaxations that each carry a
 * label-variant notice: prefix (a label cut short), suffix (first character
 * dropped), edit distance ≤ 2 for long labels.
 */
import type { TableDecl } from '@govlint/dsl';
import { editDistance } from '@govlint/text';
import { fold } from './fold.js';
import { isBareNumbering, splitNumbering } from './numbering.js';

export type LabelKind =
  'table-anchor' | 'block-anchor' | 'column' | 'column-group' | 'row' | 'row-group';

export type MatchKind = 'exact' | 'alias' | 'prefix' | 'suffix' | 'fuzzy' | 'position';

export interface Label {
  readonly kind: LabelKind;
  /** The label as the template writes it. */
  readonly text: string;
  readonly folded: string;
  readonly numbering: string;
  readonly body: string;
  /** Block index; -1 for the table's own anchors. */
  readonly block: number;
  /** Row: position in the table's row order; column: position in its block. */
  readonly index: number;
  /** Row or column id; the group label for groups. */
  readonly id: string;
  readonly alias: boolean;
  /** The folded label without its first character (a dropped first character matches it). */
  readonly dropped: string;
}

export interface LabelMatch {
  readonly label: Label;
  readonly how: MatchKind;
}

export interface TableLabels {
  readonly table: TableDecl;
  readonly labels: readonly Label[];
  /** Folded label → labels (several when rows share a label). */
  readonly byFolded: ReadonlyMap<string, readonly Label[]>;
  /** Folded body of a numbered label → labels. */
  readonly byBody: ReadonlyMap<string, readonly Label[]>;
  /** Every prefix of every folded label and body: a split label may continue. */
  readonly prefixes: ReadonlySet<string>;
  /** Every folded body: with `prefixes`, rules out a label cut short before the labels are filtered. */
  readonly bodies: ReadonlySet<string>;
  /** Folded label without its first character → labels, in label order. */
  readonly byDropped: ReadonlyMap<string, readonly Label[]>;
  /** Text to look for inside a longer span (bodies of numbered labels), longest first. */
  readonly needles: readonly (readonly [needle: string, labels: readonly Label[]])[];
  readonly anchors: readonly Label[];
}

function label(
  kind: LabelKind,
  text: string,
  block: number,
  index: number,
  id: string,
  alias: boolean,
): Label {
  const folded = fold(text);
  const { numbering, body } = splitNumbering(folded);
  return {
    kind,
    text,
    folded,
    numbering,
    body,
    block,
    index,
    id,
    alias,
    dropped: dropFirst(folded),
  };
}

export function tableLabels(table: TableDecl): TableLabels {
  const labels: Label[] = [];
  for (const a of table.anchors) labels.push(label('table-anchor', a, -1, 0, a, false));
  let rowIndex = 0;
  const groups = new Set<string>();
  table.blocks.forEach((block, b) => {
    for (const a of block.anchors) labels.push(label('block-anchor', a, b, 0, block.id, false));
    block.columns.forEach((c, i) => {
      labels.push(label('column', c.label, b, i, c.id, false));
      for (const alias of c.aliases) labels.push(label('column', alias, b, i, c.id, true));
      for (const g of c.groups) {
        if (!groups.has(`c${b}${g}`)) labels.push(label('column-group', g, b, i, g, false));
        groups.add(`c${b}${g}`);
      }
    });
    for (const r of block.rows) {
      for (const g of r.path) {
        if (!groups.has(`r${g}`)) labels.push(label('row-group', g, b, rowIndex, g, false));
        groups.add(`r${g}`);
      }
      if (r.label) labels.push(label('row', r.label, b, rowIndex, r.id, false));
      for (const alias of r.aliases) labels.push(label('row', alias, b, rowIndex, r.id, true));
      rowIndex++;
    }
  });
  const usable = labels.filter((l) => l.folded.length > 0);
  const byFolded = new Map<string, Label[]>();
  const byBody = new Map<string, Label[]>();
  const prefixes = new Set<string>();
  const bodies = new Set<string>();
  const byDropped = new Map<string, Label[]>();
  for (const l of usable) {
    bodies.add(l.body);
    push(byDropped, l.dropped, l);
    // Table anchors are found inside longer text (findInner), never as a label of their own.
    if (l.kind !== 'table-anchor') push(byFolded, l.folded, l);
    if (l.numbering && l.body && l.kind !== 'table-anchor') push(byBody, l.body, l);
    for (const s of [l.folded, l.body])
      for (let k = 1; k < s.length; k++) prefixes.add(s.slice(0, k));
  }
  const needles = new Map<string, Label[]>();
  for (const l of [...usable].sort((a, b) => b.folded.length - a.folded.length)) {
    if (l.body.length >= 4) push(needles, l.numbering ? l.body : l.folded, l);
  }
  const anchors = usable.filter(
    (l) => (l.kind === 'table-anchor' || l.kind === 'block-anchor') && l.folded.length >= 4,
  );
  // A list, not the map: iterating a map makes an entry pair per needle on every search.
  return {
    table,
    labels: usable,
    byFolded,
    byBody,
    prefixes,
    bodies,
    byDropped,
    needles: [...needles],
    anchors,
  };
}

/** A column's block and index as one number: a set key with no string built per lookup. */
export const columnKey = (l: Label): number => l.block * 0x10000 + l.index;

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

const NONE: readonly Label[] = [];

export type Accept = (l: Label) => boolean;
/** Among several candidates, the one the reader expects next. */
export type Prefer = (candidates: readonly Label[]) => Label | undefined;

/**
 * Exact matching: the folded label or alias, the body without its numbering
 * (a short body only with its numbering nearby).
 */
export function matchExact(
  labels: TableLabels,
  f: string,
  accept: Accept,
  prefer: Prefer,
  numberingBefore = '',
): LabelMatch | null {
  const all = labels.byFolded.get(f);
  // Most spans are one label, written exactly: no list is filtered for them.
  const direct =
    all === undefined
      ? NONE
      : all.length === 1 && accept(all[0] as Label)
        ? all
        : all.filter(accept);
  const chosen = prefer(direct);
  if (chosen) return { label: chosen, how: chosen.alias ? 'alias' : 'exact' };
  const { numbering, body } = splitNumbering(f);
  const byBody = (labels.byBody.get(body) ?? []).filter(
    (l) =>
      accept(l) &&
      (numbering === l.numbering ||
        numberingBefore === l.numbering ||
        (!numbering && body.length >= 3)),
  );
  const viaBody = prefer(byBody);
  if (viaBody) return { label: viaBody, how: viaBody.alias ? 'alias' : 'exact' };
  if (numbering) {
    const plain = prefer(
      (labels.byFolded.get(body) ?? []).filter((l) => accept(l) && !l.numbering),
    );
    if (plain && body.length >= 2) return { label: plain, how: 'exact' };
  }
  return null;
}

/** The relaxations, in the spec's order: prefix, suffix, edit distance. */
export function matchRelaxed(
  labels: TableLabels,
  f: string,
  accept: Accept,
  prefer: Prefer,
  minSuffix: number,
): LabelMatch | null {
  const { body } = splitNumbering(f);
  // A label cut short has the text (or its body) as a prefix: the sets rule most text out at once.
  const mayBeCut =
    labels.prefixes.has(f) ||
    (body.length >= 4 && (labels.prefixes.has(body) || labels.bodies.has(body)));
  if (f.length >= 4 && mayBeCut) {
    const cut = labels.labels.filter(
      (l) =>
        accept(l) &&
        l.folded.length > f.length &&
        (l.folded.startsWith(f) || (body.length >= 4 && l.body.startsWith(body))),
    );
    const p = prefer(cut);
    if (p) return { label: p, how: 'prefix' };
  }
  if (f.length >= minSuffix) {
    const dropped = (labels.byDropped.get(f) ?? NONE).filter(accept);
    const s = prefer(dropped);
    if (s) return { label: s, how: 'suffix' };
  }
  if (f.length >= 6) {
    let best: Label[] = [];
    let bestDistance = 3;
    for (const l of labels.labels) {
      if (!accept(l) || l.folded.length < 6 || Math.abs(l.folded.length - f.length) > 2) continue;
      const d = editDistance(f, l.folded, 2);
      if (d > 2) continue;
      if (d < bestDistance) {
        best = [l];
        bestDistance = d;
      } else if (d === bestDistance) best.push(l);
    }
    const z = prefer(best);
    if (z) return { label: z, how: 'fuzzy' };
  }
  return null;
}

function dropFirst(s: string): string {
  const cp = s.codePointAt(0) ?? 0;
  return s.slice(cp > 0xffff ? 2 : 1);
}

export interface InnerHit {
  /** Labels written this way (several when a column label repeats under each group). */
  readonly labels: readonly Label[];
  /** Folded offsets within the searched span. */
  readonly from: number;
  readonly to: number;
  /** Text that is no label (two characters or more) comes right before it. */
  readonly afterText?: boolean;
}

/**
 * The units of the span being searched, hashed to 512 bits: a needle with a
 * unit not among them is not searched for (most needles, in most spans).
 */
const unitBits = new Uint32Array(16);

function markUnits(f: string): void {
  unitBits.fill(0);
  for (let k = 0; k < f.length; k++) {
    const b = f.charCodeAt(k) & 511;
    unitBits[b >> 5] = (unitBits[b >> 5] as number) | (1 << (b & 31));
  }
}

const marked = (c: number): boolean =>
  ((unitBits[(c & 511) >> 5] as number) & (1 << (c & 31))) !== 0;

/** The span may hold `needle` (its first, second and last units were seen: needles have four or more). */
function mayHold(needle: string): boolean {
  return (
    marked(needle.charCodeAt(0)) &&
    marked(needle.charCodeAt(1)) &&
    marked(needle.charCodeAt(needle.length - 1))
  );
}

/**
 * Labels inside a longer span (flattened text runs labels together:
 * a block anchor, a column label and a row label in one run). Labels of four or
 * more characters are searched anywhere; shorter ones only where they fill
 * the whole gap between two found labels, so a two-character label is not
 * found inside a longer one that starts with it.
 */
export function findInner(labels: TableLabels, f: string): InnerHit[] {
  const found: InnerHit[] = [];
  markUnits(f);
  const needles = labels.needles;
  for (let n = 0; n < needles.length; n++) {
    const entry = needles[n] as (typeof needles)[number];
    const needle = entry[0];
    const group = entry[1];
    if (needle.length > f.length || !mayHold(needle)) continue;
    for (let at = f.indexOf(needle); at >= 0; at = f.indexOf(needle, at + 1)) {
      const numbered = group.filter(
        (l) => l.numbering && f.startsWith(l.numbering, at - l.numbering.length),
      );
      const from = numbered.length > 0 ? at - (numbered[0] as Label).numbering.length : at;
      found.push({ labels: numbered.length > 0 ? numbered : group, from, to: at + needle.length });
    }
  }
  found.sort((a, b) => a.from - b.from || b.to - a.to);
  const chosen: InnerHit[] = [];
  let end = 0;
  for (const h of found) {
    if (h.from < end) continue;
    chosen.push(h);
    end = h.to;
  }
  if (chosen.length === 0) return chosen;
  const filled: InnerHit[] = [];
  let at = 0;
  for (const h of [...chosen, null]) {
    const gapEnd = h ? h.from : f.length;
    let afterText = false;
    if (gapEnd > at) {
      const gap = f.slice(at, gapEnd);
      const gapLabels =
        labels.byFolded.get(gap) ?? (gap.length >= 3 ? labels.byBody.get(gap) : undefined);
      if (gapLabels) filled.push({ labels: gapLabels, from: at, to: gapEnd });
      else afterText = gapEnd - at >= 2 && !isBareNumbering(gap);
    }
    if (h) {
      filled.push(afterText ? { labels: h.labels, from: h.from, to: h.to, afterText } : h);
      at = h.to;
    }
  }
  return filled;
}
