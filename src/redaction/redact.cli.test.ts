// saferplan text redact, through the real command: one answer a line in, the redacted line out, as many lines.
import { describe, expect, it } from 'vitest';
import { runCli } from '../../test-support/runCli.js';

describe('saferplan text redact', () => {
  it('writes each line redacted, keeping empty lines and the number of lines', async () => {
    const input = [
      'I told Dave Smith, 07700 900123.',
      '',
      'Call 101 about the lights on Binley Road.',
      'I live at 14 Acacia Avenue, CV2 4DX',
      '',
    ].join('\n');
    const result = await runCli(['text', 'redact'], { stdin: input });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toBe(
      ['I told [name], [phone].', '', 'Call 101 about the lights on Binley Road.', 'I live at [address], CV2 4..', ''].join('\n'),
    );
  }, 60_000);

  it('ends the last line even when the input did not, and reads Windows line endings', async () => {
    const result = await runCli(['text', 'redact'], { stdin: 'email me: a.b@example.com\r\n\r\nAB12 CDE' });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toBe('email me: [email]\n\n[vehicle]\n');
  }, 60_000);

  it('writes nothing for no input', async () => {
    const result = await runCli(['text', 'redact'], { stdin: '' });
    expect(result).toEqual({ code: 0, stdout: '', stderr: '' });
  }, 60_000);

  it('keeps up with a large input', async () => {
    const lines = Array.from({ length: 5000 }, (_, i) => (i % 2 ? `Ask Sarah on 07700 900${String(i).padStart(3, '0')}` : ''));
    const result = await runCli(['text', 'redact'], { stdin: lines.join('\n') });
    expect(result.code, result.stderr).toBe(0);
    const out = result.stdout.split('\n');
    expect(out).toHaveLength(5001);
    expect(out.slice(0, 4)).toEqual(['', 'Ask [name] on [phone]', '', 'Ask [name] on [phone]']);
  }, 60_000);
});
