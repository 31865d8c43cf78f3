/**
 * What a command may touch of the outside world. The real process supplies it in main.ts;
 * tests pass their own so a command can be called as a function and its output read back.
 */
export interface CliIo {
  out(line: string): void;
  err(line: string): void;
  /** The whole of standard input (for --password-stdin). */
  readStdin(): Promise<string>;
  /** Whether standard input is a terminal (then we tell the user how to end the input). */
  stdinIsTty: boolean;
  env: NodeJS.ProcessEnv;
}

/** Exit codes: 0 success, 1 the work failed (or found a broken chain), 2 wrong usage. */
export const EXIT_OK = 0;
export const EXIT_FAILED = 1;
export const EXIT_USAGE = 2;

/** Wrong invocation: the runner prints the message and the command's usage, then exits 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}

export function processIo(): CliIo {
  return {
    out: (line) => process.stdout.write(`${line}\n`),
    err: (line) => process.stderr.write(`${line}\n`),
    readStdin: async () => {
      const chunks: Buffer[] = [];
      for await (const chunk of process.stdin) {
        chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
      }
      return Buffer.concat(chunks).toString('utf8');
    },
    stdinIsTty: process.stdin.isTTY === true,
    env: process.env,
  };
}

/** An in-memory CliIo for tests: collects what a command prints. */
export function memoryIo(
  env: NodeJS.ProcessEnv = {},
  stdin = '',
): CliIo & {
  stdout: string[];
  stderr: string[];
} {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return {
    stdout,
    stderr,
    out: (line) => stdout.push(line),
    err: (line) => stderr.push(line),
    readStdin: async () => stdin,
    stdinIsTty: false,
    env,
  };
}
