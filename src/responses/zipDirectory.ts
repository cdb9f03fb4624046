/** Reading a ZIP file's central directory (pure): what an XLSX holds and how large each part says it is. */

export interface ZipEntry {
  name: string;
  /** 0 stored, 8 deflated: the only two an XLSX uses. */
  method: number;
  compressedSize: number;
  /** As declared: checked again while inflating, since a crafted file can lie. */
  uncompressedSize: number;
  localHeaderOffset: number;
}

export class ZipFormatError extends Error {}

const END_OF_DIRECTORY = 0x06054b50;
const DIRECTORY_ENTRY = 0x02014b50;
export const LOCAL_HEADER = 0x04034b50;
const END_RECORD_SIZE = 22;
/** The end record sits in the last 22 bytes plus a comment of at most 65,535. */
export const TAIL_BYTES = END_RECORD_SIZE + 0xffff;
const ZIP64_MARK = 0xffffffff;

/** Where the central directory is, from the file's tail (its last TAIL_BYTES or fewer bytes). */
export function findDirectory(tail: Buffer): { offset: number; size: number; entries: number } {
  for (let i = tail.length - END_RECORD_SIZE; i >= 0; i--) {
    if (tail.readUInt32LE(i) !== END_OF_DIRECTORY) continue;
    const entries = tail.readUInt16LE(i + 10);
    const size = tail.readUInt32LE(i + 12);
    const offset = tail.readUInt32LE(i + 16);
    if (offset === ZIP64_MARK || size === ZIP64_MARK)
      throw new ZipFormatError('the file is a ZIP64 archive, which is larger than any workbook can be');
    return { offset, size, entries };
  }
  throw new ZipFormatError('it is not a ZIP archive (an .xlsx file is one)');
}

/** The entries of a central directory read in full. */
export function parseDirectory(directory: Buffer, count: number): ZipEntry[] {
  const entries: ZipEntry[] = [];
  let at = 0;
  for (let n = 0; n < count; n++) {
    if (at + 46 > directory.length || directory.readUInt32LE(at) !== DIRECTORY_ENTRY)
      throw new ZipFormatError('its directory of contents is damaged');
    const nameLength = directory.readUInt16LE(at + 28);
    const extraLength = directory.readUInt16LE(at + 30);
    const commentLength = directory.readUInt16LE(at + 32);
    const entry: ZipEntry = {
      method: directory.readUInt16LE(at + 10),
      compressedSize: directory.readUInt32LE(at + 20),
      uncompressedSize: directory.readUInt32LE(at + 24),
      localHeaderOffset: directory.readUInt32LE(at + 42),
      name: directory.toString('utf8', at + 46, at + 46 + nameLength),
    };
    if (entry.compressedSize === ZIP64_MARK || entry.uncompressedSize === ZIP64_MARK || entry.localHeaderOffset === ZIP64_MARK)
      throw new ZipFormatError(`its part ${entry.name} is a ZIP64 entry, larger than any workbook part can be`);
    entries.push(entry);
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}
