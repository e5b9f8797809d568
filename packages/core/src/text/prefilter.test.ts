import { describe, expect, it } from 'vitest';
import { literalClauses } from './prefilter.js';

describe('literalClauses', () => {
  it('asks for every literal of a sequence, one of each alternative, and a digit for a number', () => {
    expect(
      literalClauses(
        {
          kind: 'seq',
          items: [
            {
              kind: 'alt',
              options: [
                { kind: 'literal', text: '办理' },
                { kind: 'literal', text: '答复' },
              ],
            },
            { kind: 'optional', body: { kind: 'literal', text: '了' } },
            { kind: 'literal', text: '（申请）' },
            { kind: 'number', name: 'n' },
            { kind: 'gap', min: 0, max: 3 },
          ],
        },
        {},
      ),
    ).toEqual([['办理', '答复'], ['(申请)'], ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9']]);
  });

  it('says nothing about a pattern whose alternatives have no literal', () => {
    expect(
      literalClauses(
        {
          kind: 'alt',
          options: [
            { kind: 'literal', text: '甲' },
            { kind: 'gap', min: 1, max: 2 },
          ],
        },
        {},
      ),
    ).toEqual([]);
  });
});
