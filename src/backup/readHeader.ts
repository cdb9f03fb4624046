import fs from 'node:fs';
import { HEADER_BYTES } from './backupFormat.js';

/** The first bytes of a file, where SQLite and pg_dump write their signatures. */
export function readHeader(file: string): Buffer {
  const fd = fs.openSync(file, 'r');
  try {
    const header = Buffer.alloc(HEADER_BYTES);
    const read = fs.readSync(fd, header, 0, HEADER_BYTES, 0);
    return header.subarray(0, read);
  } finally {
    fs.closeSync(fd);
  }
}
