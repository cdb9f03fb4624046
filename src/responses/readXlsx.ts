import { SaxesParser, type SaxesTagPlain } from 'saxes';
import { type InflateBudget, InflateLimitError, type ZipEntry, ZipFile, ZipFormatError } from '../platform/zipFile.js';
import { formatCount, headerOf, TableFormatError, type TableLimits, type TableRow } from './tableRow.js';
import { cellText, columnIndex, columnLetters, NOT_UTF8, type SharedString, TOO_LONG } from './xlsxCells.js';
import { boundTextRuns, newRunState, Utf8Chunks } from './xmlText.js';

/** Characters between two '<' kept for the parser: far above any cell the limit allows, even written as entities. */
const runLimit = (limits: TableLimits) => limits.maxCellChars * 16;
/** Each shared string counts at least this much towards maxSharedChars, so a million empty ones are bounded too. */
const SHARED_ENTRY_COST = 16;
const MAX_ROW_CHARS = 1_000_000;

const localName = (tag: { name: string }) => tag.name.slice(tag.name.indexOf(':') + 1);

/**
 * Streams the first worksheet of an XLSX as header-keyed text, in bounded memory whatever the file holds: the
 * unpacked size is checked from the ZIP directory and counted while inflating, every cell and the shared strings
 * are bounded, and bytes that are not UTF-8 are refused naming the cell. XML is parsed with saxes.
 */
export async function* readXlsx(file: string, limits: TableLimits): AsyncGenerator<TableRow> {
  let zip: ZipFile;
  try {
    zip = await ZipFile.open(file);
  } catch (err) {
    throw unreadable(err);
  }
  try {
    const declared = zip.declaredSize();
    if (declared > limits.maxXmlBytes)
      throw new TableFormatError(`The XLSX file unpacks to ${mb(declared)} MB, more than the ${mb(limits.maxXmlBytes)} MB a workbook may hold`);
    const budget: InflateBudget = { remaining: limits.maxXmlBytes, limit: limits.maxXmlBytes };
    const parts = await locateParts(zip, budget, limits);
    const shared = parts.sharedStrings ? await readSharedStrings(zip, parts.sharedStrings, budget, limits) : [];
    yield* readSheet(zip, parts.sheet, budget, limits, shared);
  } catch (err) {
    throw unreadable(err);
  } finally {
    await zip.close();
  }
}

function unreadable(err: unknown): Error {
  if (err instanceof TableFormatError) return err;
  if (err instanceof InflateLimitError) return new TableFormatError(`The XLSX file cannot be imported: ${err.message}`);
  if (err instanceof ZipFormatError) return new TableFormatError(`The XLSX file could not be read: ${err.message}`);
  return new TableFormatError(`The XLSX file could not be read: ${(err as Error).message}`);
}

const mb = (bytes: number) => formatCount(Math.round(bytes / 1_048_576));

/** Feeds a part to the parser a chunk at a time, yielding after each so the caller can hand on what it completed. */
async function* feed(zip: ZipFile, entry: ZipEntry, budget: InflateBudget, parser: SaxesParser, maxRun: number, utf8: Utf8Chunks) {
  const runs = newRunState();
  for await (const chunk of zip.read(entry, budget)) {
    parser.write(boundTextRuns(utf8.decode(chunk), runs, maxRun));
    yield;
  }
  parser.write(utf8.decode(Buffer.alloc(0), true));
  parser.close();
  yield;
}

async function drain(chunks: AsyncGenerator<void>): Promise<void> {
  for await (const _ of chunks);
}

function entryNamed(zip: ZipFile, name: string): ZipEntry {
  const entry = zip.entries.get(name);
  if (!entry) throw new TableFormatError(`The XLSX file could not be read: it has no ${name}`);
  return entry;
}

/** Reads a small part whole, for its tags' attributes only. */
async function tagsOf(zip: ZipFile, name: string, budget: InflateBudget, limits: TableLimits, wanted: string): Promise<Record<string, string>[]> {
  const parser = new SaxesParser();
  const tags: Record<string, string>[] = [];
  parser.on('opentag', (tag) => {
    if (localName(tag) === wanted) tags.push((tag as SaxesTagPlain).attributes);
  });
  await drain(feed(zip, entryNamed(zip, name), budget, parser, runLimit(limits), new Utf8Chunks()));
  return tags;
}

/** The first worksheet's part and the shared strings' part, through the workbook's relationships. */
async function locateParts(zip: ZipFile, budget: InflateBudget, limits: TableLimits) {
  const [first] = await tagsOf(zip, 'xl/workbook.xml', budget, limits, 'sheet');
  const rels = await tagsOf(zip, 'xl/_rels/workbook.xml.rels', budget, limits, 'Relationship');
  const firstId = first && Object.entries(first).find(([k]) => k === 'r:id' || k.endsWith(':id'))?.[1];
  const target = (rel: Record<string, string> | undefined) => {
    const t = rel?.Target;
    if (!t) return undefined;
    return t.startsWith('/') ? t.slice(1) : `xl/${t}`;
  };
  const sheet = target(rels.find((r) => r.Id === firstId));
  if (!sheet) throw new TableFormatError('The XLSX file could not be read: it has no worksheet');
  const sharedName = target(rels.find((r) => r.Type?.endsWith('/sharedStrings')));
  return { sheet: entryNamed(zip, sheet), sharedStrings: sharedName ? entryNamed(zip, sharedName) : undefined };
}

async function readSharedStrings(zip: ZipFile, entry: ZipEntry, budget: InflateBudget, limits: TableLimits): Promise<SharedString[]> {
  const parser = new SaxesParser();
  const utf8 = new Utf8Chunks();
  const strings: SharedString[] = [];
  let total = 0;
  let parts: string[] | undefined;
  let length = 0;
  let inText = false;
  let phonetic = 0;
  parser.on('opentag', (tag) => {
    const name = localName(tag);
    if (name === 'si') {
      parts = [];
      length = 0;
    } else if (name === 'rPh') phonetic++;
    else if (name === 't' && phonetic === 0) inText = true;
  });
  const gather = (text: string) => {
    if (!inText || !parts) return;
    length += text.length;
    if (length <= limits.maxCellChars) parts.push(text);
  };
  parser.on('text', gather);
  parser.on('cdata', gather);
  parser.on('closetag', (tag) => {
    const name = localName(tag);
    if (name === 't') inText = false;
    else if (name === 'rPh') phonetic--;
    else if (name === 'si' && parts) {
      const text = parts.join('');
      total += Math.max(SHARED_ENTRY_COST, Math.min(length, limits.maxCellChars));
      if (total > limits.maxSharedChars)
        throw new TableFormatError(
          `The XLSX file cannot be imported: its shared strings hold more than ${formatCount(limits.maxSharedChars)} characters`,
        );
      strings.push(length > limits.maxCellChars ? TOO_LONG : utf8.invalid && text.includes('\uFFFD') ? NOT_UTF8 : text);
      parts = undefined;
    }
  });
  await drain(feed(zip, entry, budget, parser, runLimit(limits), utf8));
  return strings;
}

/** The worksheet's rows, each keyed by the header row's text; rows with nothing in them are skipped. */
async function* readSheet(zip: ZipFile, entry: ZipEntry, budget: InflateBudget, limits: TableLimits, shared: SharedString[]) {
  const parser = new SaxesParser();
  const utf8 = new Utf8Chunks();
  const ready: TableRow[] = [];
  let header: string[] | undefined;
  let rowNumber = 0;
  let values: string[] = [];
  let rowChars = 0;
  let cell: { column: number; type?: string; text: string[]; length: number } | undefined;
  let nextColumn = 0;
  let inText = false;
  let phonetic = 0;
  const where = (column: number) => `Row ${rowNumber}, column ${columnLetters(column)}`;

  parser.on('opentag', (tag) => {
    const name = localName(tag);
    const attributes = (tag as SaxesTagPlain).attributes;
    if (name === 'row') {
      rowNumber = attributes.r ? Number(attributes.r) : rowNumber + 1;
      values = [];
      rowChars = 0;
      nextColumn = 0;
    } else if (name === 'c') {
      const column = attributes.r ? columnIndex(attributes.r) : nextColumn;
      nextColumn = column + 1;
      cell = { column, type: attributes.t, text: [], length: 0 };
    } else if (name === 'rPh') phonetic++;
    else if ((name === 'v' || name === 't') && cell && phonetic === 0) inText = true;
  });
  const gather = (text: string) => {
    if (!inText || !cell) return;
    cell.length += text.length;
    if (cell.length > limits.maxCellChars)
      throw new TableFormatError(`${where(cell.column)}: the cell holds more than ${formatCount(limits.maxCellChars)} characters`);
    cell.text.push(text);
  };
  parser.on('text', gather);
  parser.on('cdata', gather);
  parser.on('closetag', (tag) => {
    const name = localName(tag);
    if (name === 'v' || name === 't') inText = false;
    else if (name === 'rPh') phonetic--;
    else if (name === 'c' && cell) {
      if (!header || cell.column < header.length) {
        const value = cellValue(cell.type, cell.text.join(''), cell.column);
        rowChars += value.length;
        if (rowChars > MAX_ROW_CHARS) throw new TableFormatError(`Row ${rowNumber} holds more than ${formatCount(MAX_ROW_CHARS)} characters`);
        values[cell.column] = value;
      }
      cell = undefined;
    } else if (name === 'row') {
      const texts = Array.from(values, (v) => v ?? '');
      if (!header) header = headerOf(texts);
      else if (texts.some((v) => v.trim() !== '')) ready.push({ rowNumber, cells: Object.fromEntries(header.map((h, i) => [h, texts[i] ?? ''])) });
    }
  });

  function cellValue(type: string | undefined, raw: string, column: number): string {
    if (type === 's') {
      if (raw.trim() === '') return '';
      const s = shared[Number(raw)];
      if (s === undefined) throw new TableFormatError(`${where(column)}: the cell refers to shared string ${raw}, which the file does not have`);
      if (s === TOO_LONG) throw new TableFormatError(`${where(column)}: the cell holds more than ${formatCount(limits.maxCellChars)} characters`);
      if (s === NOT_UTF8) throw notUtf8(column);
      return s as string;
    }
    if (utf8.invalid && raw.includes('\uFFFD')) throw notUtf8(column);
    return cellText(type, raw);
  }
  const notUtf8 = (column: number) =>
    new TableFormatError(
      `${where(column)}: the cell holds bytes that are not UTF-8 text, so the file is damaged; save it again from the spreadsheet`,
    );

  for await (const _ of feed(zip, entry, budget, parser, runLimit(limits), utf8)) yield* ready.splice(0);
  // Cells with bad bytes were named above; bad bytes anywhere else in the sheet still mean a damaged file.
  if (utf8.invalid)
    throw new TableFormatError(
      'The XLSX file holds bytes that are not UTF-8 text in its worksheet, so it is damaged; save it again from the spreadsheet',
    );
  if (!header) throw new TableFormatError('The file is empty: the first row must name the question codes');
}
