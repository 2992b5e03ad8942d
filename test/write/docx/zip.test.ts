// The zip writer's own CRC-32 (used where Node lacks zlib.crc32) agrees with zlib's.
import zlib from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { tableCrc32 } from '../../../src/write/docx/zip.ts';

describe('tableCrc32', () => {
  it('gives the standard check value', () => {
    expect(tableCrc32(new TextEncoder().encode('123456789'))).toBe(0xcbf43926);
  });

  it.skipIf(typeof zlib.crc32 !== 'function')('matches zlib on text of every kind', () => {
    for (const text of ['', 'a', 'Ủy ban nhân dân xã Phú Hồ', '<w:t>'.repeat(10_000)]) {
      const bytes = new TextEncoder().encode(text);
      expect(tableCrc32(bytes)).toBe(zlib.crc32(bytes) >>> 0);
    }
  });
});
