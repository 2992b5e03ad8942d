// A minimal deterministic ZIP writer (PKWARE APPNOTE 6.3.10, §4.3): deflated entries, ASCII names,
// no extra fields, no data descriptors, every entry dated 00:00 of one day. Entries are compressed
// separately from writing the archive, so parts that never change are compressed once per process.
// A default import: a named import of crc32 would fail to link on Node before 20.15, which lacks it.
import zlib from 'node:zlib';

export interface ZipEntry {
  name: Buffer;
  crc: number;
  size: number;
  compressed: Buffer;
}

let crcTable: Uint32Array | undefined;

/** CRC-32 (ISO-HDLC) by table: Node before 20.15 has no zlib.crc32. */
export function tableCrc32(data: Uint8Array): number {
  crcTable ??= Uint32Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  let c = 0xffffffff;
  for (let i = 0; i < data.length; i++) c = crcTable[(c ^ data[i]) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

const crc32 = typeof zlib.crc32 === 'function' ? (data: Uint8Array) => zlib.crc32(data) >>> 0 : tableCrc32;

export function zipEntry(name: string, data: Uint8Array): ZipEntry {
  return { name: Buffer.from(name, 'ascii'), crc: crc32(data), size: data.length, compressed: zlib.deflateRawSync(data, { level: 6 }) };
}

/** DOS date of `YYYY-MM-DD` (APPNOTE §4.4.6): bits 9–15 year − 1980, 5–8 month, 0–4 day. */
function dosDate(isoDate: string): number {
  const [year, month, day] = isoDate.split('-').map(Number);
  return ((Math.max(1980, year) - 1980) << 9) | (month << 5) | day;
}

/** The archive of `entries`, in the order given, each dated `isoDate` at 00:00:00. */
export function zipArchive(entries: ZipEntry[], isoDate: string): Buffer {
  const date = dosDate(isoDate);
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4); // version needed: 2.0 (deflate)
    local.writeUInt16LE(0, 6); // flags
    local.writeUInt16LE(8, 8); // method: deflate
    local.writeUInt16LE(0, 10); // time 00:00:00
    local.writeUInt16LE(date, 12);
    local.writeUInt32LE(e.crc, 14);
    local.writeUInt32LE(e.compressed.length, 18);
    local.writeUInt32LE(e.size, 22);
    local.writeUInt16LE(e.name.length, 26);
    local.writeUInt16LE(0, 28); // extra length
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4); // made by: MS-DOS, 2.0
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0, 8);
    central.writeUInt16LE(8, 10);
    central.writeUInt16LE(0, 12);
    central.writeUInt16LE(date, 14);
    central.writeUInt32LE(e.crc, 16);
    central.writeUInt32LE(e.compressed.length, 20);
    central.writeUInt32LE(e.size, 24);
    central.writeUInt16LE(e.name.length, 28);
    // extra, comment, disk number, internal and external attributes: all 0
    central.writeUInt32LE(offset, 42);
    locals.push(local, e.name, e.compressed);
    centrals.push(central, e.name);
    offset += local.length + e.name.length + e.compressed.length;
  }
  const centralSize = centrals.reduce((n, b) => n + b.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(centralSize, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, ...centrals, end]);
}
