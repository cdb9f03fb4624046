import { once } from 'node:events';
import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import type { ResponseRow } from './responseRow.js';

/**
 * The validated rows of an import, written to a file while the upload is read, so memory stays bounded whatever
 * its size, and read back in chunks once every row is known to be good.
 */

export class StagedRows {
  private readonly file: string;
  private readonly out: fs.WriteStream;
  count = 0;

  constructor(dir: string) {
    this.file = path.join(dir, 'staged.ndjson');
    this.out = fs.createWriteStream(this.file);
  }

  async add(row: ResponseRow): Promise<void> {
    this.count++;
    if (!this.out.write(`${JSON.stringify(row)}\n`)) await once(this.out, 'drain');
  }

  async finish(): Promise<void> {
    this.out.end();
    await once(this.out, 'finish');
  }

  async *chunks(size: number): AsyncGenerator<ResponseRow[]> {
    let chunk: ResponseRow[] = [];
    for await (const line of readline.createInterface({ input: fs.createReadStream(this.file), crlfDelay: Number.POSITIVE_INFINITY })) {
      chunk.push(JSON.parse(line) as ResponseRow);
      if (chunk.length >= size) {
        yield chunk;
        chunk = [];
      }
    }
    if (chunk.length > 0) yield chunk;
  }
}
