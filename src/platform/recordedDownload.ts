/**
 * A download of personal data and its audit entry: the file is written through a relay and its last byte is sent only
 * after the entry is recorded, so no one receives a complete file the audit log does not know of. A download that
 * fails part-way is recorded as not complete, and its stream is destroyed rather than ended.
 */
import { once } from 'node:events';
import { PassThrough } from 'node:stream';
import { finished } from 'node:stream/promises';

export async function recordedDownload(
  out: NodeJS.WritableStream,
  write: (relay: NodeJS.WritableStream) => Promise<unknown>,
  record: (complete: boolean) => Promise<void>,
): Promise<void> {
  const relay = new PassThrough();
  relay.pipe(out, { end: false });
  const drained = once(relay, 'end');
  drained.catch(() => undefined);
  try {
    await write(relay);
    await drained;
  } catch (err) {
    await record(false);
    destroy(out);
    throw err;
  }
  try {
    await record(true);
  } catch (err) {
    destroy(out);
    throw err;
  }
  out.end();
  await finished(out);
}

/** Closes the download unfinished, without an 'error' event nobody may be listening for (the caller rethrows the error). */
const destroy = (out: NodeJS.WritableStream) => (out as NodeJS.WritableStream & { destroy?: () => void }).destroy?.();
