/**
 * Pure helpers for feeding an XLSX part to the XML parser with bounded memory: the parser gathers a text node
 * whole before handing it over, so an over-long run of text is cut here, and invalid UTF-8 is noticed here.
 */

export interface RunState {
  /** Characters since the last '<'. */
  run: number;
  /** Dropping characters until the next '<'. */
  skipping: boolean;
  /** Set when a run was cut: the text being gathered is over-long (the reader clears it). */
  cut: boolean;
}

export const newRunState = (): RunState => ({ run: 0, skipping: false, cut: false });

/**
 * The chunk with every run of characters between two '<' limited to maxRun: the rest of a longer run is dropped
 * (and state.cut set), and an entity the cut would split is dropped whole so that what remains is still XML.
 */
export function boundTextRuns(text: string, state: RunState, maxRun: number): string {
  let out = '';
  let pos = 0;
  while (pos < text.length) {
    const lt = text.indexOf('<', pos);
    if (state.skipping) {
      if (lt === -1) return out;
      state.skipping = false;
      state.run = 0;
      pos = lt;
      continue;
    }
    const end = lt === -1 ? text.length : lt;
    const room = maxRun - state.run;
    if (end - pos <= room) {
      if (lt === -1) {
        state.run += end - pos;
        return out + text.slice(pos);
      }
      out += text.slice(pos, lt + 1);
      state.run = 0;
      pos = lt + 1;
      continue;
    }
    let keep = text.slice(pos, pos + room);
    const amp = keep.lastIndexOf('&');
    if (amp !== -1 && !keep.includes(';', amp)) keep = keep.slice(0, amp);
    out += keep;
    state.skipping = true;
    state.cut = true;
    pos += room;
  }
  return out;
}

/** Decodes UTF-8 chunk by chunk, replacing invalid bytes with U+FFFD and remembering that it did. */
export class Utf8Chunks {
  private loose = new TextDecoder('utf-8');
  private strict = new TextDecoder('utf-8', { fatal: true });
  /** True once any chunk held bytes that are not UTF-8. */
  invalid = false;

  decode(chunk: Buffer, last = false): string {
    try {
      this.strict.decode(chunk, { stream: !last });
    } catch {
      this.invalid = true;
      this.strict = new TextDecoder('utf-8', { fatal: true });
    }
    return this.loose.decode(chunk, { stream: !last });
  }
}
