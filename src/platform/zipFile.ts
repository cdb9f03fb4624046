import { promisify } from 'node:util';
import yauzl, { type Entry, type ZipFile as YauzlZip } from 'yauzl';

/** A part of the archive, as its directory declares it. */
export interface ZipEntry {
  name: string;
  /** As declared: checked again while inflating (yauzl's validateEntrySizes and our own count), since a crafted file can lie. */
  uncompressedSize: number;
  entry: Entry;
}

/** The file is not a readable ZIP archive (an .xlsx file is one). */
export class ZipFormatError extends Error {}

/** How many inflated bytes may still be read from the archive, across all its parts. */
export interface InflateBudget {
  remaining: number;
  readonly limit: number;
}

/** Thrown when the parts inflate to more than the budget allows: a compression bomb or simply too large a workbook. */
export class InflateLimitError extends ZipFormatError {}

const openZip = promisify<string, yauzl.Options, YauzlZip>(yauzl.open);

/** A ZIP archive on disk, read with yauzl: its directory at once, its parts one chunk at a time within a budget. */
export class ZipFile {
  private constructor(
    private readonly zip: YauzlZip,
    readonly entries: ReadonlyMap<string, ZipEntry>,
  ) {}

  static async open(file: string): Promise<ZipFile> {
    let zip: YauzlZip;
    try {
      zip = await openZip(file, { lazyEntries: true, autoClose: false, validateEntrySizes: true });
    } catch (err) {
      throw new ZipFormatError(`it is not a ZIP archive (an .xlsx file is one): ${(err as Error).message}`);
    }
    try {
      return new ZipFile(zip, await directoryOf(zip));
    } catch (err) {
      zip.close();
      throw new ZipFormatError(`its directory of contents is damaged: ${(err as Error).message}`);
    }
  }

  /** The sum of what the parts declare they inflate to (checked before reading; the bytes are counted as well). */
  declaredSize(): number {
    let total = 0;
    for (const e of this.entries.values()) total += e.uncompressedSize;
    return total;
  }

  /** A part's inflated bytes; throws InflateLimitError as soon as the budget or the part's declared size is exceeded. */
  async *read(part: ZipEntry, budget: InflateBudget): AsyncGenerator<Buffer> {
    const openStream = promisify(this.zip.openReadStream.bind(this.zip)) as (entry: Entry) => Promise<NodeJS.ReadableStream>;
    let stream: NodeJS.ReadableStream & { destroy?: () => void };
    try {
      stream = await openStream(part.entry);
    } catch (err) {
      throw new ZipFormatError(`its part ${part.name} is damaged: ${(err as Error).message}`);
    }
    let inflated = 0;
    try {
      for await (const chunk of stream as AsyncIterable<Buffer>) {
        inflated += chunk.length;
        budget.remaining -= chunk.length;
        if (budget.remaining < 0) throw new InflateLimitError(`it unpacks to more than ${Math.round(budget.limit / 1_048_576)} MB`);
        if (inflated > part.uncompressedSize) throw new InflateLimitError(`its part ${part.name} unpacks to more than it declares`);
        yield chunk;
      }
    } catch (err) {
      if (err instanceof ZipFormatError) throw err;
      // yauzl's validateEntrySizes noticed first (its own wording: "too many bytes in the stream").
      if (/too many bytes/.test((err as Error).message)) throw new InflateLimitError(`its part ${part.name} unpacks to more than it declares`);
      throw new ZipFormatError(`its part ${part.name} is damaged: ${(err as Error).message}`);
    } finally {
      stream.destroy?.();
    }
  }

  async close(): Promise<void> {
    this.zip.close();
  }
}

/** Every entry of the directory, read through yauzl's lazy entry events. */
function directoryOf(zip: YauzlZip): Promise<Map<string, ZipEntry>> {
  return new Promise((resolve, reject) => {
    const entries = new Map<string, ZipEntry>();
    zip.on('entry', (entry: Entry) => {
      entries.set(entry.fileName, { name: entry.fileName, uncompressedSize: entry.uncompressedSize, entry });
      zip.readEntry();
    });
    zip.once('end', () => resolve(entries));
    zip.once('error', reject);
    zip.readEntry();
  });
}
