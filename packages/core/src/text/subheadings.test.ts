import { describe, expect, it } from 'vitest';
import { isDecoration } from './subheadings.js';

describe('isDecoration', () => {
  it('is /[\\s#*>]/u on every BMP character', () => {
    const differ: number[] = [];
    for (let c = 0; c < 0x10000; c++) {
      if (isDecoration(c) !== /[\s#*>]/u.test(String.fromCharCode(c))) differ.push(c);
    }
    expect(differ).toEqual([]);
  });
});
