import fs from 'node:fs';
import { Transform } from 'node:stream';
import { parse } from 'csv-parse';
import { formatCount, headerOf, TableFormatError, type TableLimits, type TableRow } from './tableRow.js';
import { encodingFromBom, NOT_WINDOWS_1252, type TextEncoding } from './textEncoding.js';

/**
 * Streams a CSV's rows as header-keyed text. Its encoding is read from its byte order mark (UTF-8, UTF-16), or is
 * UTF-8 if every byte is valid UTF-8, or else Windows-1252 (what Excel's plain "CSV" writes in the UK; ISO-8859-1
 * is a subset): text is never silently replaced.
 */
export async function* readCsv(file: string, limits: TableLimits): AsyncGenerator<TableRow> {
  const encoding = await detectEncoding(file);
  const decoder = new TextDecoder(encoding, { fatal: true });
  const decode = new Transform({
    decodeStrings: true,
    // A decoder's error handed on, not thrown: thrown here it would be uncaught (a file with a byte order mark and
    // bytes that are not of its encoding), ending the process instead of refusing the file.
    transform(chunk: Buffer, _enc, done) {
      try {
        done(null, decoder.decode(chunk, { stream: true }));
      } catch (err) {
        done(err as Error);
      }
    },
    flush(done) {
      try {
        done(null, decoder.decode());
      } catch (err) {
        done(err as Error);
      }
    },
  });
  const parser = fs
    .createReadStream(file)
    .pipe(decode)
    .pipe(parse({ bom: true, relax_column_count: false, skip_empty_lines: true, trim: false, max_record_size: 2_000_000 }));
  decode.on('error', (err) => parser.destroy(err));
  let header: string[] | undefined;
  let rowNumber = 0;
  try {
    for await (const record of parser as AsyncIterable<string[]>) {
      rowNumber++;
      if (!header) {
        header = headerOf(record);
        continue;
      }
      // Own properties whatever the header says: a column named __proto__ is a cell like any other.
      const cells: [string, string][] = [];
      for (const [i, h] of header.entries()) {
        const text = record[i] ?? '';
        if (text.length > limits.maxCellChars)
          throw new TableFormatError(`Row ${rowNumber}, ${h}: the cell holds more than ${formatCount(limits.maxCellChars)} characters`);
        if (encoding === 'windows-1252' && NOT_WINDOWS_1252.test(text))
          throw new TableFormatError(
            `Row ${rowNumber}, ${h}: the file is neither UTF-8 nor Windows-1252 text; save it from the spreadsheet as "CSV UTF-8"`,
          );
        cells.push([h, text]);
      }
      yield { rowNumber, cells: Object.fromEntries(cells) };
    }
  } catch (err) {
    if (err instanceof TableFormatError) throw err;
    throw new TableFormatError(`The CSV file could not be read: ${(err as Error).message}`);
  }
  if (!header) throw new TableFormatError('The file is empty: the first row must name the question codes');
}

/**
 * Reads the file once to see whether it is UTF-8 (a file without a byte order mark), through one buffer reused for
 * every read: a 50 MB file leaves no 50 MB of buffers behind for the collector.
 */
async function detectEncoding(file: string): Promise<TextEncoding> {
  const fd = await fs.promises.open(file, 'r');
  try {
    const buffer = Buffer.alloc(1_048_576);
    const { bytesRead: started } = await fd.read(buffer, 0, 3, 0);
    const bom = encodingFromBom(buffer.subarray(0, started));
    if (bom) return bom.encoding;
    const utf8 = new TextDecoder('utf-8', { fatal: true });
    try {
      for (let position = 0; ; ) {
        const { bytesRead } = await fd.read(buffer, 0, buffer.length, position);
        if (bytesRead === 0) break;
        utf8.decode(buffer.subarray(0, bytesRead), { stream: true });
        position += bytesRead;
      }
      utf8.decode();
      return 'utf-8';
    } catch {
      return 'windows-1252';
    }
  } finally {
    await fd.close();
  }
}
