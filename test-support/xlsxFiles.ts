// Hand-made XLSX files for import tests: a ZIP written part by part (deflated with zlib), so a test can build what no
// spreadsheet writes: a compression bomb, bytes that are not UTF-8, a part that lies about its size.
import fs from 'node:fs';
import zlib from 'node:zlib';

export interface ZipPart {
  name: string;
  /** The part's bytes, a chunk at a time (a bomb's gigabytes never exist at once). */
  chunks: Iterable<Buffer>;
  /** What the directory says the part unpacks to; the real size unless a test wants a lie. */
  declaredSize?: (realSize: number) => number;
}

export function writeZip(file: string, parts: ZipPart[]): void {
  const out = fs.openSync(file, 'w');
  const directory: Buffer[] = [];
  let offset = 0;
  const write = (b: Buffer) => {
    fs.writeSync(out, b);
    offset += b.length;
  };
  for (const part of parts) {
    let crc = 0;
    let size = 0;
    const compressed: Buffer[] = [];
    const deflate = zlibSyncDeflater();
    for (const chunk of part.chunks) {
      crc = zlib.crc32(chunk, crc);
      size += chunk.length;
      compressed.push(deflate.push(chunk));
    }
    compressed.push(deflate.end());
    const data = Buffer.concat(compressed);
    const declared = part.declaredSize ? part.declaredSize(size) : size;
    const name = Buffer.from(part.name, 'utf8');
    const sizes: Field[] = [
      [4, crc >>> 0],
      [4, data.length],
      [4, declared],
      [2, name.length],
    ];
    const local = record(30, 0x04034b50, [[4, 20], [8, 8], ...sizes.map(([w, v], i): Field => [w, v, 14 + i * 4])]);
    const central = record(46, 0x02014b50, [[4, 20], [6, 20], [10, 8], ...sizes.map(([w, v], i): Field => [w, v, 16 + i * 4]), [4, offset, 42]]);
    directory.push(central, name);
    write(local);
    write(name);
    write(data);
  }
  const dir = Buffer.concat(directory);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(dir.length, 12);
  end.writeUInt32LE(offset, 16);
  write(dir);
  write(end);
  fs.closeSync(out);
}

/** [width or offset, value, offset]: a little-endian field of a ZIP record. */
type Field = [number, number, number?];

/** A ZIP record: its signature, then each field; [offset, value] fields are 16 bits, [width, value, offset] as given. */
function record(size: number, signature: number, fields: Field[]): Buffer {
  const b = Buffer.alloc(size);
  b.writeUInt32LE(signature, 0);
  for (const [first, value, at] of fields) {
    if (at === undefined) b.writeUInt16LE(value, first);
    else if (first === 2) b.writeUInt16LE(value, at);
    else b.writeUInt32LE(value, at);
  }
  return b;
}

/** Raw deflate fed chunk by chunk, each flushed so only the compressed bytes are kept. */
function zlibSyncDeflater() {
  const pending: Buffer[] = [];
  return {
    push(chunk: Buffer): Buffer {
      pending.push(chunk);
      if (pending.reduce((n, b) => n + b.length, 0) < 64 * 1_048_576) return Buffer.alloc(0);
      return this.flush(zlib.constants.Z_FULL_FLUSH);
    },
    flush(mode: number): Buffer {
      const out = zlib.deflateRawSync(Buffer.concat(pending.splice(0)), { level: 1, finishFlush: mode });
      return out;
    },
    end(): Buffer {
      return this.flush(zlib.constants.Z_FINISH);
    },
  };
}

const XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

const text = (s: string) => [Buffer.from(s, 'utf8')];

/** The parts every workbook needs around its first sheet (and shared strings, when given). */
export function workbookParts(sheetXml: Iterable<Buffer>, sharedStringsXml?: Iterable<Buffer>): ZipPart[] {
  const parts: ZipPart[] = [
    {
      name: '[Content_Types].xml',
      chunks: text(
        `${XML}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>`,
      ),
    },
    {
      name: 'xl/workbook.xml',
      chunks: text(`${XML}<workbook xmlns="${MAIN}" xmlns:r="${REL}"><sheets><sheet name="Responses" sheetId="1" r:id="rId1"/></sheets></workbook>`),
    },
    {
      name: 'xl/_rels/workbook.xml.rels',
      chunks: text(
        `${XML}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/>${sharedStringsXml ? `<Relationship Id="rId2" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/>` : ''}</Relationships>`,
      ),
    },
    { name: 'xl/worksheets/sheet1.xml', chunks: sheetXml },
  ];
  if (sharedStringsXml) parts.push({ name: 'xl/sharedStrings.xml', chunks: sharedStringsXml });
  return parts;
}

/** A worksheet whose rows are given as cell XML, e.g. `<c r="A1" t="s"><v>0</v></c>`. */
export function sheetXml(rows: string[]): Buffer[] {
  const body = rows.map((cells, i) => `<row r="${i + 1}">${cells}</row>`).join('');
  return text(`${XML}<worksheet xmlns="${MAIN}"><sheetData>${body}</sheetData></worksheet>`);
}

/** Shared strings of `count` strings, each `length` times the letter a: gigabytes unpacked, kilobytes packed. */
export function* hugeSharedStrings(count: number, length: number): Generator<Buffer> {
  yield Buffer.from(`${XML}<sst xmlns="${MAIN}" count="${count}" uniqueCount="${count}">`);
  const block = Buffer.alloc(1_048_576, 'a');
  for (let i = 0; i < count; i++) {
    yield Buffer.from('<si><t>');
    for (let left = length; left > 0; left -= block.length) yield left >= block.length ? block : block.subarray(0, left);
    yield Buffer.from('</t></si>');
  }
  yield Buffer.from('</sst>');
}

/** Shared strings given as text (the test's own bytes, valid UTF-8 or not). */
export function sharedStringsXml(strings: Buffer[]): Buffer[] {
  return [
    Buffer.from(`${XML}<sst xmlns="${MAIN}" count="${strings.length}" uniqueCount="${strings.length}">`),
    ...strings.flatMap((s) => [Buffer.from('<si><t>'), s, Buffer.from('</t></si>')]),
    Buffer.from('</sst>'),
  ];
}
