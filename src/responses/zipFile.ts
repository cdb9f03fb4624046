import fs from 'node:fs';
import zlib from 'node:zlib';
import { findDirectory, LOCAL_HEADER, parseDirectory, TAIL_BYTES, type ZipEntry, ZipFormatError } from './zipDirectory.js';

/** How many inflated bytes may still be read from the archive, across all its parts. */
export interface InflateBudget {
  remaining: number;
  readonly limit: number;
}

/** Thrown when the parts inflate to more than the budget allows: a compression bomb or simply too large a workbook. */
export class InflateLimitError extends ZipFormatError {}

/** A ZIP archive on disk whose parts are read one chunk at a time, never more inflated bytes than the budget. */
export class ZipFile {
  private constructor(
    private readonly file: string,
    private readonly fd: fs.promises.FileHandle,
    readonly entries: ReadonlyMap<string, ZipEntry>,
  ) {}

  static async open(file: string): Promise<ZipFile> {
    const fd = await fs.promises.open(file, 'r');
    try {
      const { size } = await fd.stat();
      const tailLength = Math.min(size, TAIL_BYTES);
      const tail = Buffer.alloc(tailLength);
      await fd.read(tail, 0, tailLength, size - tailLength);
      const where = findDirectory(tail);
      if (where.offset + where.size > size) throw new ZipFormatError('its directory of contents is damaged');
      const directory = Buffer.alloc(where.size);
      await fd.read(directory, 0, where.size, where.offset);
      const entries = parseDirectory(directory, where.entries);
      return new ZipFile(file, fd, new Map(entries.map((e) => [e.name, e])));
    } catch (err) {
      await fd.close();
      throw err;
    }
  }

  /** The sum of what the parts declare they inflate to (checked before reading; the bytes are counted as well). */
  declaredSize(): number {
    let total = 0;
    for (const e of this.entries.values()) total += e.uncompressedSize;
    return total;
  }

  /** A part's inflated bytes; throws InflateLimitError as soon as the budget or the part's declared size is exceeded. */
  async *read(entry: ZipEntry, budget: InflateBudget): AsyncGenerator<Buffer> {
    const header = Buffer.alloc(30);
    await this.fd.read(header, 0, 30, entry.localHeaderOffset);
    if (header.readUInt32LE(0) !== LOCAL_HEADER) throw new ZipFormatError(`its part ${entry.name} is damaged`);
    const start = entry.localHeaderOffset + 30 + header.readUInt16LE(26) + header.readUInt16LE(28);
    if (entry.method !== 0 && entry.method !== 8) throw new ZipFormatError(`its part ${entry.name} uses an unknown compression method`);
    if (entry.compressedSize === 0) return;
    const raw = fs.createReadStream(this.file, { start, end: start + entry.compressedSize - 1 });
    const source = entry.method === 8 ? raw.pipe(zlib.createInflateRaw()) : raw;
    let inflated = 0;
    try {
      for await (const chunk of source as AsyncIterable<Buffer>) {
        inflated += chunk.length;
        budget.remaining -= chunk.length;
        if (budget.remaining < 0) throw new InflateLimitError(`it unpacks to more than ${Math.round(budget.limit / 1_048_576)} MB`);
        if (inflated > entry.uncompressedSize) throw new InflateLimitError(`its part ${entry.name} unpacks to more than it declares`);
        yield chunk;
      }
    } finally {
      raw.destroy();
      source.destroy();
    }
  }

  close(): Promise<void> {
    return this.fd.close();
  }
}
