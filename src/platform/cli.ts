/** What every command of the saferplan CLI uses: results for scripts go to stdout as JSON; everything for people to stderr. */
export const printJson = (value: unknown) => process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
export const say = (message: string) => process.stderr.write(`${message}\n`);

/** A failure the person at the terminal can fix: printed as its message alone, exit status 1. */
export class CliError extends Error {}

export async function readStdin(): Promise<string> {
  if (process.stdin.isTTY) process.stderr.write('Password (input is shown): ');
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) {
    chunks.push(chunk as Buffer);
    if (process.stdin.isTTY && chunk.includes(10)) break;
  }
  return Buffer.concat(chunks)
    .toString('utf8')
    .replace(/\r?\n$/, '');
}
