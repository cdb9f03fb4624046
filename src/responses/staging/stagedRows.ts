import { once } from 'node:events';
import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import type { ResponseRow } from '../responseRow.js';

/**
 * The validated rows of an import, written to a file while the upload is read, so memory stays bounded whatever
 * its size, and read back in chunks once every row is known to be good.
 */

const stagedFile = (dir: string) => path.join(dir, 'staged.ndjson');

export class StagedRows {
  private readonly out: fs.WriteStream;
  count = 0;

  constructor(dir: string) {
    this.out = fs.createWriteStream(stagedFile(dir));
  }

  async add(row: ResponseRow): Promise<void> {
    this.count++;
    if (!this.out.write(`${JSON.stringify(row)}\n`)) await once(this.out, 'drain');
  }

  async finish(): Promise<void> {
    this.out.end();
    await once(this.out, 'finish');
  }
}

/** The rows staged in the directory, `size` at a time. */
export async function* stagedChunks(dir: string, size: number): AsyncGenerator<ResponseRow[]> {
  let chunk: ResponseRow[] = [];
  for await (const line of readline.createInterface({ input: fs.createReadStream(stagedFile(dir)), crlfDelay: Number.POSITIVE_INFINITY })) {
    chunk.push(JSON.parse(line) as ResponseRow);
    if (chunk.length >= size) {
      yield chunk;
      chunk = [];
    }
  }
  if (chunk.length > 0) yield chunk;
}
