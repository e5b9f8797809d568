import { describe, expect, it } from 'vitest';
import { applyFixes } from './fixes.js';

const edit = (start: number, end: number, text: string) => ({ range: { start, end }, text });

describe('applyFixes', () => {
  it('applies non-overlapping fixes in any order', () => {
    const r = applyFixes('a 0 b 0', [
      { title: 'second', edits: [edit(6, 7, '5')] },
      { title: 'first', edits: [edit(2, 3, '12')] },
    ]);
    expect(r.text).toBe('a 12 b 5');
    expect(r.applied.map((f) => f.title)).toEqual(['first', 'second']);
  });

  it('skips a fix that overlaps one already taken, but not an identical edit', () => {
    const shared = edit(2, 3, '2');
    const r = applyFixes('x 0 0', [
      { title: 'root', edits: [shared, edit(4, 5, '2')] },
      { title: 'same', edits: [edit(2, 3, '2')] },
      { title: 'clash', edits: [edit(2, 5, '9')] },
    ]);
    expect(r.text).toBe('x 2 2');
    expect(r.applied.map((f) => f.title)).toEqual(['root', 'same']);
    expect(r.skipped.map((f) => f.title)).toEqual(['clash']);
  });

  it('rejects edits outside the text instead of corrupting it', () => {
    const r = applyFixes('abc', [{ title: 'bad', edits: [edit(2, 9, 'x')] }]);
    expect(r.text).toBe('abc');
    expect(r.skipped).toHaveLength(1);
  });

  it('keeps surrogate pairs and CRLF around the edit', () => {
    const text = '𠀀\r\n0\r\n';
    expect(applyFixes(text, [{ title: 't', edits: [edit(4, 5, '7')] }]).text).toBe('𠀀\r\n7\r\n');
  });
});
