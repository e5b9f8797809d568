import { describe, expect, it } from 'vitest';
import { formatNumber, formatTerms, renderMessage } from './messages.js';

describe('messages', () => {
  it('fills placeholders, including dotted names', () => {
    expect(
      renderMessage('{row}：{right.terms}≠{left}', {
        row: '（七）总计',
        'right.terms': '2+0',
        left: 0,
      }),
    ).toBe('（七）总计：2+0≠0');
  });

  it('returns null when a placeholder has no value', () => {
    expect(renderMessage('缺少 {rows}', {})).toBeNull();
  });

  it('formats arithmetic with signs, factors and constants', () => {
    expect(
      formatTerms([
        { coefficient: 1, value: 2 },
        { coefficient: 1, value: 0 },
      ]),
    ).toBe('2+0');
    expect(
      formatTerms([
        { coefficient: 1, value: 12 },
        { coefficient: -1, value: 3 },
      ]),
    ).toBe('12-3');
    expect(formatTerms([{ coefficient: 2, value: 5 }], 1)).toBe('2×5+1');
    expect(formatTerms([], -4)).toBe('-4');
  });

  it('prints decimal sums without float noise', () => {
    expect(formatNumber(58.94 + 0.01)).toBe('58.95');
    expect(formatNumber(0.1 + 0.2)).toBe('0.3');
    expect(formatNumber(12)).toBe('12');
  });
});
