import { once } from 'node:events';
import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import { StringDecoder } from 'node:string_decoder';
import type { NewResponse } from './responseRow.js';

/**
 * The validated rows of an import, each ready to store (id and reference given), written to a file while the upload is read, so memory stays bounded whatever its size, and
 * read back in chunks for the one short transaction that stores them.
 */

export class StagedRows {
  private readonly file: string;
  private readonly out: fs.WriteStream;
  count = 0;

  constructor(dir: string) {
    this.file = path.join(dir, 'staged.ndjson');
    this.out = fs.createWriteStream(this.file);
  }

  async add(row: NewResponse): Promise<void> {
    this.count++;
    if (!this.out.write(`${JSON.stringify(row)}\n`)) await once(this.out, 'drain');
  }

  async finish(): Promise<void> {
    this.out.end();
    await once(this.out, 'finish');
  }

  async *chunks(size: number): AsyncGenerator<NewResponse[]> {
    let chunk: NewResponse[] = [];
    for await (const line of readline.createInterface({ input: fs.createReadStream(this.file), crlfDelay: Number.POSITIVE_INFINITY })) {
      chunk.push(JSON.parse(line) as NewResponse);
      if (chunk.length >= size) {
        yield chunk;
        chunk = [];
      }
    }
    if (chunk.length > 0) yield chunk;
  }

  /** The same chunks read without yielding, for a writer that holds a lock no other work on this thread may wait for. */
  *chunksSync(size: number): Generator<NewResponse[]> {
    const fd = fs.openSync(this.file, 'r');
    try {
      const buffer = Buffer.alloc(1 << 20);
      // A character split across two reads is joined by the decoder, never turned into U+FFFD.
      const decoder = new StringDecoder('utf8');
      let rest = '';
      let chunk: NewResponse[] = [];
      for (let read = fs.readSync(fd, buffer); read > 0; read = fs.readSync(fd, buffer)) {
        const lines = (rest + decoder.write(buffer.subarray(0, read))).split('\n');
        rest = lines.pop() ?? '';
        for (const line of lines) {
          if (line) chunk.push(JSON.parse(line) as NewResponse);
          if (chunk.length >= size) {
            yield chunk;
            chunk = [];
          }
        }
      }
      rest += decoder.end();
      if (rest) chunk.push(JSON.parse(rest) as NewResponse);
      if (chunk.length > 0) yield chunk;
    } finally {
      fs.closeSync(fd);
    }
  }
}
