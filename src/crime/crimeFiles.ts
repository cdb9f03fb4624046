/**
 * The CSV files an import reads: each file given, or each CSV inside a ZIP archive (police.uk's monthly download holds
 * one folder a month with a street, outcomes and stop and search file per force), one at a time, as bytes.
 */
import fs from 'node:fs';
import { Readable } from 'node:stream';
import { type InflateBudget, ZipFile, ZipFormatError } from '../platform/zipFile.js';

export interface CrimeFile {
  /** As the summary names it: the file, or `archive.zip:folder/file.csv`. */
  name: string;
  open(): Readable;
}

/** The archive's CSVs may unpack to this much in all: a year of every force is about 6 GB; one force's year far less. */
const ZIP_BUDGET = 8 * 1024 ** 3;

/** `labels` name files as the person knows them (an upload's own name, not where it was saved). */
export async function* crimeFiles(paths: readonly string[], labels: Readonly<Record<string, string>> = {}): AsyncGenerator<CrimeFile> {
  for (const path of paths) {
    const label = labels[path] ?? path;
    if (!/\.zip$/i.test(path)) {
      yield { name: label, open: () => fs.createReadStream(path) };
      continue;
    }
    let zip: ZipFile;
    try {
      zip = await ZipFile.open(path);
    } catch (err) {
      throw new ZipFormatError(`${label}: ${(err as Error).message}`);
    }
    try {
      const budget: InflateBudget = { remaining: ZIP_BUDGET, limit: ZIP_BUDGET };
      const parts = [...zip.entries.values()]
        .filter((e) => /\.csv$/i.test(e.name) && !e.name.startsWith('__MACOSX'))
        .sort((a, b) => a.name.localeCompare(b.name));
      for (const part of parts) yield { name: `${label}:${part.name}`, open: () => Readable.from(zip.read(part, budget)) };
    } finally {
      await zip.close();
    }
  }
}
