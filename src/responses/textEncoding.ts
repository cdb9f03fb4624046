/** Which text encoding an import file is in (pure): a byte order mark says so; otherwise UTF-8 if it is valid UTF-8. */

export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

/** The encoding a byte order mark names, and the mark's length; undefined when the file starts without one. */
export function encodingFromBom(start: Uint8Array): { encoding: TextEncoding; bomLength: number } | undefined {
  if (start[0] === 0xef && start[1] === 0xbb && start[2] === 0xbf) return { encoding: 'utf-8', bomLength: 3 };
  if (start[0] === 0xff && start[1] === 0xfe) return { encoding: 'utf-16le', bomLength: 2 };
  if (start[0] === 0xfe && start[1] === 0xff) return { encoding: 'utf-16be', bomLength: 2 };
  return undefined;
}

/**
 * C1 control characters: what the five bytes Windows-1252 leaves undefined (0x81, 0x8D, 0x8F, 0x90, 0x9D) decode
 * to. Text holding one was not written in Windows-1252 either, so it is refused rather than guessed at.
 */
export const NOT_WINDOWS_1252 = /[\u0080-\u009f]/;
