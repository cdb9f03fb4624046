import { describe, expect, it } from 'vitest';
import { ChunkFormatError, decodeChunk, encodeChunk } from './chunkCodec.js';

const ROWS = {
  rows: 3,
  channels: ['online', 'paper'],
  parts: [
    new Int32Array([0, -1, 5]),
    new Int32Array([300, -2, 1]),
    new Int32Array([70_000, 0, -1]),
    new Float64Array([1.5, Number.NaN, -2]),
    new Uint8Array([1, 0, 1]),
  ],
};

describe('chunk codec', () => {
  it('round-trips rows, storing each integer part in the narrowest type that holds it', () => {
    const back = decodeChunk(encodeChunk(ROWS));
    expect(back.rows).toBe(3);
    expect(back.channels).toEqual(['online', 'paper']);
    expect(back.parts.map((p) => p.constructor.name)).toEqual(['Int8Array', 'Int16Array', 'Int32Array', 'Float64Array', 'Uint8Array']);
    expect(back.parts.map((p) => [...p])).toEqual(ROWS.parts.map((p) => [...p]));
  });

  it('lays out the blob as documented: magic, header length, header, parts on 8-byte boundaries', () => {
    const blob = encodeChunk({ rows: 2, channels: [], parts: [new Int32Array([1, 2])] });
    const header = '{"v":1,"rows":2,"le":true,"channels":[],"parts":[{"t":"i8","n":2}]}';
    expect(new TextDecoder().decode(blob.subarray(0, 4))).toBe('SPAC');
    expect(new DataView(blob.buffer).getUint32(4, true)).toBe(header.length);
    expect(new TextDecoder().decode(blob.subarray(8, 8 + header.length))).toBe(header);
    expect(blob.length).toBe(88); // 8 + 67 header bytes, padded to 80, then 2 bytes padded to 8
    expect([...blob.subarray(80, 82)]).toEqual([1, 2]);
  });

  it('reads a blob that does not start on an 8-byte boundary (as drivers hand them out)', () => {
    const blob = encodeChunk(ROWS);
    const shifted = new Uint8Array(blob.length + 3).subarray(3);
    shifted.set(blob);
    expect(decodeChunk(shifted).parts.map((p) => [...p])).toEqual(ROWS.parts.map((p) => [...p]));
  });

  it('refuses what it did not write', () => {
    expect(() => decodeChunk(new TextEncoder().encode('not a chunk at all'))).toThrow(ChunkFormatError);
    expect(() => decodeChunk(encodeChunk(ROWS).subarray(0, 100))).toThrow(ChunkFormatError);
  });
});
