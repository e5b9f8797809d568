/**
 * The marks the narrative is cut at, found in one native scan of the whole
 * text: sentence ends (`。！？；!?;`), which cut paragraphs into sentences,
 * and `日`, which every date ends with. Each regex call has a fixed cost, so
 * one scan of the text costs less than one per paragraph plus a second
 * search for `日`; the marks come out sorted, and each reader of them walks
 * them with a cursor.
 */

const MARK = /[。！？；!?;日]/g;
const DAY = 0x65e5;

export interface Marks {
  /** Offsets of `。！？；!?;`, ascending. */
  readonly sentenceEnds: readonly number[];
  /** Offsets of `日`, ascending. */
  readonly days: readonly number[];
}

export function findMarks(text: string): Marks {
  const sentenceEnds: number[] = [];
  const days: number[] = [];
  MARK.lastIndex = 0;
  // `test` builds no match; every mark is one code unit, just before lastIndex.
  while (MARK.test(text)) {
    const at = MARK.lastIndex - 1;
    if (text.charCodeAt(at) === DAY) days.push(at);
    else sentenceEnds.push(at);
  }
  return { sentenceEnds, days };
}
