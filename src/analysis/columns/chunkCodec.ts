/**
 * Encoded rows <-> one binary blob, as stored in answer_chunks.columns. Layout: "SPAC", a little-endian uint32
 * header length, the JSON header ({v, rows, le, channels, parts: [{t, n}]}), then each part's bytes, every part
 * starting on an 8-byte boundary. Integer parts are stored in the narrowest type that holds them (most codes fit
 * a byte), so a chunk of 65,536 crime-survey responses is about 2.5 MB. Pure.
 */
import type { EncodedRows, Part } from './answerColumns.js';

type PartType = 'i8' | 'i16' | 'i32' | 'f64' | 'u8';

interface Header {
  v: 1;
  rows: number;
  /** Typed arrays are written in the machine's byte order; a blob from the other order is not read. */
  le: boolean;
  channels: string[];
  parts: { t: PartType; n: number }[];
}

const MAGIC = 'SPAC';
const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;
const align8 = (n: number) => Math.ceil(n / 8) * 8;

export class ChunkFormatError extends Error {}

function narrowest(part: Part): { t: PartType; data: Part } {
  if (part instanceof Float64Array) return { t: 'f64', data: part };
  if (part instanceof Uint8Array) return { t: 'u8', data: part };
  let min = 0;
  let max = 0;
  for (let i = 0; i < part.length; i++) {
    const v = part[i] as number;
    if (v < min) min = v;
    else if (v > max) max = v;
  }
  if (min >= -128 && max <= 127) return { t: 'i8', data: Int8Array.from(part) };
  if (min >= -32768 && max <= 32767) return { t: 'i16', data: Int16Array.from(part) };
  return { t: 'i32', data: part };
}

export function encodeChunk(rows: EncodedRows): Uint8Array {
  const parts = rows.parts.map(narrowest);
  const header: Header = {
    v: 1,
    rows: rows.rows,
    le: LITTLE_ENDIAN,
    channels: rows.channels,
    parts: parts.map((p) => ({ t: p.t, n: p.data.length })),
  };
  const json = new TextEncoder().encode(JSON.stringify(header));
  let offset = align8(8 + json.length);
  const offsets = parts.map((p) => {
    const at = offset;
    offset = align8(offset + p.data.byteLength);
    return at;
  });
  const out = new Uint8Array(offset);
  out.set(new TextEncoder().encode(MAGIC), 0);
  new DataView(out.buffer as ArrayBuffer).setUint32(4, json.length, true);
  out.set(json, 8);
  parts.forEach((p, i) => {
    out.set(new Uint8Array(p.data.buffer, p.data.byteOffset, p.data.byteLength), offsets[i]);
  });
  return out;
}

const VIEWS = { i8: Int8Array, i16: Int16Array, i32: Int32Array, f64: Float64Array, u8: Uint8Array } as const;

/** The rows of a blob written by encodeChunk; the parts are views of the blob (copied when they are appended). */
export function decodeChunk(blob: Uint8Array): EncodedRows {
  // Buffers from a driver may start anywhere in a shared pool; typed views need their element alignment.
  const bytes = blob.byteOffset % 8 === 0 ? blob : blob.slice();
  const buffer = bytes.buffer as ArrayBuffer;
  if (bytes.length < 8 || new TextDecoder().decode(bytes.subarray(0, 4)) !== MAGIC) throw new ChunkFormatError('not an answer chunk');
  const length = new DataView(buffer, bytes.byteOffset, 8).getUint32(4, true);
  if (8 + length > bytes.length) throw new ChunkFormatError('answer chunk is truncated');
  let header: Header;
  try {
    header = JSON.parse(new TextDecoder().decode(bytes.subarray(8, 8 + length))) as Header;
  } catch {
    throw new ChunkFormatError('answer chunk has an unreadable header');
  }
  if (header.v !== 1 || header.le !== LITTLE_ENDIAN) throw new ChunkFormatError('answer chunk written in another format or byte order');
  let offset = align8(8 + length);
  const parts = header.parts.map(({ t, n }) => {
    const View = VIEWS[t];
    if (offset + n * View.BYTES_PER_ELEMENT > bytes.length) throw new ChunkFormatError('answer chunk is truncated');
    const part = new View(buffer, bytes.byteOffset + offset, n);
    offset = align8(offset + part.byteLength);
    return part;
  });
  return { rows: header.rows, channels: header.channels, parts };
}
