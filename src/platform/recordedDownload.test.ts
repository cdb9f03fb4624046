import { type PassThrough, Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { recordedDownload } from './recordedDownload.js';

/** A destination that keeps what it received and says when it ended or was destroyed. */
function destination() {
  const chunks: string[] = [];
  const events: string[] = [];
  const out = new Writable({
    write(chunk, _encoding, done) {
      chunks.push(String(chunk));
      done();
    },
  });
  out.on('finish', () => events.push('finished'));
  out.on('close', () => events.push('closed'));
  out.on('error', () => events.push('error'));
  return { out, chunks, events };
}

describe('recordedDownload', () => {
  it('sends the whole file, records it as complete, and only then ends the download', async () => {
    const { out, chunks, events } = destination();
    await recordedDownload(
      out,
      async (relay) => {
        relay.write('a,b\r\n');
        relay.end('1,2\r\n');
      },
      async (complete) => {
        events.push(`recorded ${complete}`);
      },
    );
    expect(chunks.join('')).toBe('a,b\r\n1,2\r\n');
    expect(events.slice(0, 2)).toEqual(['recorded true', 'finished']);
  });

  it('records a download that failed part-way as not complete, destroys it rather than ending it, and rethrows', async () => {
    const { out, events } = destination();
    const failure = new Error('the database went away');
    await expect(
      recordedDownload(
        out,
        async (relay) => {
          relay.write('a,b\r\n');
          throw failure;
        },
        async (complete) => {
          events.push(`recorded ${complete}`);
        },
      ),
    ).rejects.toBe(failure);
    await new Promise((resolve) => setImmediate(resolve));
    expect(events).toContain('recorded false');
    expect(events).not.toContain('finished');
    expect(out.destroyed).toBe(true);
  });

  it('does not finish the file when its record cannot be written', async () => {
    const { out, events } = destination();
    await expect(
      recordedDownload(
        out,
        async (relay) => {
          (relay as PassThrough).end('x');
        },
        async () => {
          throw new Error('audit log unavailable');
        },
      ),
    ).rejects.toThrow('audit log unavailable');
    expect(events).not.toContain('finished');
    expect(out.destroyed).toBe(true);
  });
});
