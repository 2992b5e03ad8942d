// Same model → same bytes, whatever the clock or the time zone says. (Speed is measured by
// `npm run bench`, not here.)
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderDocx } from '../../../src/write/docx/index.ts';
import { sampleDecision, samplePlan } from '../../fixtures/model/sample.ts';
import { unzip } from './helpers.ts';

afterEach(() => {
  vi.useRealTimers();
});

describe('determinism', () => {
  it('gives byte-identical output for two renders', async () => {
    for (const [doc, part] of [
      [samplePlan, { kind: 'package' }],
      [sampleDecision, { kind: 'package' }],
      [sampleDecision, { kind: 'decision' }],
      [samplePlan, { kind: 'annex', id: 'pl-nhiem-vu' }],
    ] as const) {
      const a = await renderDocx(doc, part);
      const b = await renderDocx(doc, part);
      expect(Buffer.compare(a, b)).toBe(0);
    }
  });

  it('does not depend on the clock', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2031-01-02T03:04:05Z'));
    const a = await renderDocx(samplePlan, { kind: 'package' });
    vi.setSystemTime(new Date('2033-07-08T09:10:11Z'));
    const b = await renderDocx(samplePlan, { kind: 'package' });
    expect(Buffer.compare(a, b)).toBe(0);
    const z = await unzip(b);
    expect(await z.text('docProps/core.xml')).not.toMatch(/2031|2033/);
  });

  it('does not depend on the time zone (zip entries carry local DOS time)', async () => {
    const zone = process.env.TZ;
    try {
      const byZone = [];
      for (const tz of ['UTC', 'Pacific/Kiritimati', 'America/Los_Angeles', 'Asia/Ho_Chi_Minh']) {
        process.env.TZ = tz;
        byZone.push(await renderDocx(samplePlan, { kind: 'package' }));
      }
      for (const b of byZone.slice(1)) expect(Buffer.compare(byZone[0], b)).toBe(0);
    } finally {
      if (zone === undefined) delete process.env.TZ;
      else process.env.TZ = zone;
    }
  });

  it('dates every zip entry with the document date and orders entries the same way', async () => {
    const bytes = await renderDocx(samplePlan, { kind: 'package' });
    const z = await unzip(bytes);
    expect(z.names[0]).toBe('[Content_Types].xml');
    const rest = z.names.slice(2);
    expect(rest).toEqual([...rest].sort());
    // Local file headers: DOS date at offset 12 (little endian), 2024-03-18 → ((44 << 9) | (3 << 5) | 18).
    const dosDate = (44 << 9) | (3 << 5) | 18;
    let count = 0;
    for (let i = 0; i + 30 < bytes.length; i++) {
      if (bytes.readUInt32LE(i) === 0x04034b50) {
        expect(bytes.readUInt16LE(i + 10)).toBe(0); // 00:00:00
        expect(bytes.readUInt16LE(i + 12)).toBe(dosDate);
        count++;
      }
    }
    expect(count).toBe(z.names.filter((n) => !n.endsWith('/')).length);
  });
});
