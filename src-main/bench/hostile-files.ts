import { constants, crc32, deflateRawSync } from 'node:zlib';

// Hostile uploads for the load bench and the tests: a minimal ZIP writer (entries with any
// declared size) and a deflate stream that inflates to gigabytes without ever being held in
// memory.

export interface ZipInput {
  name: string;
  /** The compressed bytes as stored (deflate, raw). */
  deflated: Buffer;
  /** What the central directory declares; a liar may declare less than the stream holds. */
  size: number;
  crc: number;
}

export const deflated = (name: string, data: Buffer): ZipInput => ({ name, deflated: deflateRawSync(data), size: data.length, crc: crc32(data) });

/**
 * A deflate stream of `piece` repeated `times` times. The piece is compressed once, ending
 * with a full flush (byte-aligned, no reference back into earlier data), so its blocks can be
 * repeated as they are; an empty final block closes the stream.
 */
export function repeatedDeflate(head: Buffer, piece: Buffer, times: number, tail: Buffer): { deflated: Buffer; size: number; crc: number } {
  const block = (b: Buffer) => deflateRawSync(b, { finishFlush: constants.Z_FULL_FLUSH, level: 9 });
  const pieceBlocks = block(piece);
  const parts = [block(head), ...Array.from({ length: times }, () => pieceBlocks), block(tail), Buffer.from([0x03, 0x00])];
  let crc = crc32(head);
  for (let i = 0; i < times; i++) crc = crc32(piece, crc);
  crc = crc32(tail, crc);
  return { deflated: Buffer.concat(parts), size: head.length + piece.length * times + tail.length, crc };
}

export function writeZip(entries: ZipInput[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name, 'utf8');
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0, 6);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(e.crc >>> 0, 14);
    local.writeUInt32LE(e.deflated.length, 18);
    local.writeUInt32LE(e.size >>> 0, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(e.crc >>> 0, 16);
    central.writeUInt32LE(e.deflated.length, 20);
    central.writeUInt32LE(e.size >>> 0, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, e.deflated);
    centrals.push(central, name);
    offset += 30 + name.length + e.deflated.length;
  }
  const dir = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(dir.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, dir, end]);
}

const WORKBOOK_PARTS = {
  '[Content_Types].xml':
    '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>',
  '_rels/.rels':
    '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
  'xl/workbook.xml':
    '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Anggota" sheetId="1" r:id="rId1"/></sheets></workbook>',
  'xl/_rels/workbook.xml.rels':
    '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
};

/**
 * A small .xlsx whose one sheet inflates to about `megabytes` MB of rows. `declaredSize`
 * overrides the size its directory declares (a liar's archive).
 */
export function zipBombXlsx(megabytes: number, declaredSize?: number): Buffer {
  const head = Buffer.from('<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>');
  const row = '<row><c t="inlineStr"><is><t>3171075204850001</t></is></c><c t="inlineStr"><is><t>Siti Aminah</t></is></c></row>';
  const piece = Buffer.from(row.repeat(Math.ceil((1024 * 1024) / row.length)));
  const tail = Buffer.from('</sheetData></worksheet>');
  const sheet = repeatedDeflate(head, piece, megabytes, tail);
  return writeZip([
    ...Object.entries(WORKBOOK_PARTS).map(([name, xml]) => deflated(name, Buffer.from(xml))),
    { name: 'xl/worksheets/sheet1.xml', ...sheet, size: declaredSize ?? sheet.size },
  ]);
}
