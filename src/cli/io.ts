import type { Readable, Writable } from 'node:stream';

/** What a command may touch of the process: passed in, so tests run commands in-process. */
export type Io = {
  cwd: string;
  env: NodeJS.ProcessEnv;
  stdout: Writable & { isTTY?: boolean };
  stderr: Writable & { isTTY?: boolean };
  stdin?: Readable;
  now: Date;
};

/** A reason the command cannot run at all (exit 2): bad usage, an unreadable named file, invalid config. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
  }
}

/** The output file could not be written (a full disk, a size limit): said plainly, not as a crash (main.ts). */
export class OutputError extends Error {
  readonly code: string | undefined;

  constructor(cause: NodeJS.ErrnoException) {
    super(cause.message, { cause });
    this.code = cause.code;
  }
}

export const EXIT = { ok: 0, problems: 1, cannotRun: 2 } as const;
