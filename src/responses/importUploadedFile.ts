import fs from 'node:fs';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { withUploadDirectory } from '../platform/uploadDirectory.js';
import { type ImportResponsesOptions, importResponses } from './importResponses.js';
import { formatOf, TableFormatError } from './readTable.js';

/** A file as it arrives in a multipart upload: its name as sent, and its bytes, cut short (truncated) past the size limit. */
export interface UploadedFile {
  filename: string;
  file: Readable & { truncated: boolean };
}

export interface ImportUploadedFileOptions extends Omit<ImportResponsesOptions, 'file' | 'format'> {
  upload: UploadedFile;
  /** The upload limit the file was cut at, for the message. */
  limitBytes: number;
}

/**
 * Imports an uploaded CSV or XLSX with importResponses (all or nothing). Its type is judged by its name before a
 * byte is read; it is streamed to a private temporary file, removed afterwards whatever happens (and at the next start if the
 * process is killed). A wrong type or a
 * file cut short by the size limit throws TableFormatError; problem rows throw ImportRejected.
 */
export async function importUploadedFile({ upload, limitBytes, ...options }: ImportUploadedFileOptions) {
  let format: ReturnType<typeof formatOf>;
  try {
    format = formatOf(upload.filename);
  } catch (err) {
    upload.file.resume();
    throw err;
  }
  return withUploadDirectory(async (dir) => {
    const file = path.join(dir, `upload.${format}`);
    await pipeline(upload.file, fs.createWriteStream(file));
    if (upload.file.truncated) throw new TableFormatError(`The file is larger than ${Math.round(limitBytes / 1_048_576)} MB`);
    return importResponses({ ...options, file, format, fileName: path.basename(upload.filename).slice(0, 255) });
  });
}
