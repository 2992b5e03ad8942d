// The package is a well-formed Open Packaging Conventions file: every part is well-formed XML, has
// a content type, and every relationship points at a part that exists.
import { describe, expect, it } from 'vitest';
import { renderDocx } from '../../../src/write/docx/index.ts';
import type { DocumentPart } from '../../../src/model/part-meta.ts';
import { sampleDecision, samplePlan } from '../../fixtures/model/sample.ts';
import type { PlanDocument } from '../../../src/model/types.ts';
import { unzip } from './helpers.ts';
import { inflateRawSync } from 'node:zlib';

function crc32(data: Uint8Array): number {
  let c = 0xffffffff;
  for (const byte of data) {
    c ^= byte;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  }
  return (c ^ 0xffffffff) >>> 0;
}

/** Reads the archive through its central directory (as zip readers do) and checks every entry. */
function zipProblems(bytes: Buffer): string[] {
  const problems: string[] = [];
  const end = bytes.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (end < 0 || end + 22 !== bytes.length) return ['no end of central directory record at the end'];
  const count = bytes.readUInt16LE(end + 10);
  let at = bytes.readUInt32LE(end + 16);
  if (at + bytes.readUInt32LE(end + 12) !== end) problems.push('central directory size or offset is wrong');
  for (let i = 0; i < count; i++) {
    if (bytes.readUInt32LE(at) !== 0x02014b50) return [...problems, `entry ${i}: no central header`];
    const [crc, csize, size, nameLen, extraLen, commentLen, local] = [16, 20, 24, 28, 30, 32, 42].map((o) =>
      o >= 28 && o <= 32 ? bytes.readUInt16LE(at + o) : bytes.readUInt32LE(at + o),
    );
    const name = bytes.toString('ascii', at + 46, at + 46 + nameLen);
    if (bytes.readUInt32LE(local) !== 0x04034b50) problems.push(`${name}: no local header`);
    const dataAt = local + 30 + bytes.readUInt16LE(local + 26) + bytes.readUInt16LE(local + 28);
    const data = inflateRawSync(bytes.subarray(dataAt, dataAt + csize));
    if (data.length !== size) problems.push(`${name}: size ${data.length}, recorded ${size}`);
    if (crc32(data) !== crc) problems.push(`${name}: CRC mismatch`);
    at += 46 + nameLen + extraLen + commentLen;
  }
  return problems;
}

/** Tag balance of an XML text (elements only: the writer emits no comments, CDATA or DTD). */
function wellFormedError(xml: string): string | undefined {
  if (!xml.startsWith('<?xml version="1.0" encoding="UTF-8"')) return 'no XML declaration';
  const stack: string[] = [];
  for (const m of xml.slice(xml.indexOf('?>') + 2).matchAll(/<(\/?)([A-Za-z_][\w.:-]*)((?:\s+[\w:.-]+="[^"<]*")*)\s*(\/?)>|<|>/g)) {
    if (m[0] === '<' || m[0] === '>') return `stray ${m[0]} at ${m.index}`;
    const [, close, name, , empty] = m;
    if (close) {
      if (stack.pop() !== name) return `</${name}> closes nothing open at ${m.index}`;
    } else if (!empty) stack.push(name);
  }
  if (stack.length !== 0) return `unclosed ${stack.join(', ')}`;
  return undefined;
}

const cases: Array<[string, PlanDocument, DocumentPart]> = [
  ['plan package', samplePlan, { kind: 'package' }],
  ['decision package', sampleDecision, { kind: 'package' }],
  ['decision alone', sampleDecision, { kind: 'decision' }],
  ['appendix alone', samplePlan, { kind: 'annex', id: samplePlan.annexes[0].id }],
];

describe.each(cases)('%s', (_name, doc, part) => {
  it('is a valid zip: central directory, local headers, sizes and CRCs agree', async () => {
    expect(zipProblems(await renderDocx(doc, part))).toEqual([]);
  });

  it('has well-formed XML parts, each with a content type', async () => {
    const pkg = await unzip(await renderDocx(doc, part));
    const types = await pkg.text('[Content_Types].xml');
    const defaults = [...types.matchAll(/<Default Extension="([^"]+)"/g)].map((m) => m[1]);
    const overrides = [...types.matchAll(/<Override PartName="\/([^"]+)"/g)].map((m) => m[1]);
    for (const name of pkg.names) {
      expect(wellFormedError(await pkg.text(name)), name).toBeUndefined();
      if (name === '[Content_Types].xml') continue;
      expect(overrides.includes(name) || defaults.includes(name.split('.').pop()!), `${name} has no content type`).toBe(true);
    }
    for (const name of overrides) expect(pkg.has(name), `override for missing ${name}`).toBe(true);
  });

  it('resolves every relationship and every r:id of the document', async () => {
    const pkg = await unzip(await renderDocx(doc, part));
    const rels = async (file: string, base: string) =>
      new Map([...(await pkg.text(file)).matchAll(/<Relationship Id="([^"]+)" Type="[^"]+" Target="([^"]+)"/g)].map((m) => [m[1], base + m[2]]));
    for (const target of (await rels('_rels/.rels', '')).values()) expect(pkg.has(target), target).toBe(true);
    const documentRels = await rels('word/_rels/document.xml.rels', 'word/');
    for (const target of documentRels.values()) expect(pkg.has(target), target).toBe(true);
    const used = [...(await pkg.text('word/document.xml')).matchAll(/r:id="([^"]+)"/g)].map((m) => m[1]);
    expect(used.length).toBeGreaterThan(0);
    for (const id of used) expect(documentRels.has(id), id).toBe(true);
  });
});

describe('the checks themselves', () => {
  it('zipProblems catches a corrupted entry', async () => {
    const bytes = Buffer.from(await renderDocx(samplePlan, { kind: 'package' }));
    const central = bytes.lastIndexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
    bytes.writeUInt32LE((bytes.readUInt32LE(central + 16) ^ 1) >>> 0, central + 16); // flip a CRC bit
    expect(zipProblems(bytes).join()).toMatch(/CRC mismatch/);
  });

  it('wellFormedError rejects unbalanced and stray markup', () => {
    const decl = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>';
    expect(wellFormedError(`${decl}<a><b/></a>`)).toBeUndefined();
    expect(wellFormedError(`${decl}<a><b></a>`)).toBeDefined();
    expect(wellFormedError(`${decl}<a>x < y</a>`)).toBeDefined();
    expect(wellFormedError(`${decl}<a t="1">`)).toBeDefined();
  });
});
