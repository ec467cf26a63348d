import { Chalk, type ChalkInstance } from 'chalk';
import type { Io } from './io.js';

export type OutputOptions = { color?: boolean; quiet?: boolean };

export type Output = {
  /** Colours for stdout and for stderr (each off when its stream is not a terminal, or NO_COLOR). */
  c: ChalkInstance;
  ce: ChalkInstance;
  out: (text: string) => void;
  err: (text: string) => void;
  /** Progress on stderr: a spinner on a terminal, nothing in CI, pipes or --quiet. */
  progress: (text: string) => Promise<Progress>;
  quiet: boolean;
};

export type Progress = { update: (text: string) => void; stop: () => void };

const NO_PROGRESS: Progress = { update: () => {}, stop: () => {} };

export function colorLevel(io: Io, stream: Io['stdout'], wanted: boolean | undefined): 0 | 1 {
  if (wanted === false || (io.env.NO_COLOR !== undefined && io.env.NO_COLOR !== '')) return 0;
  const force = io.env.FORCE_COLOR;
  if (force !== undefined && force !== '') return force === '0' || force === 'false' ? 0 : 1;
  return stream.isTTY && io.env.TERM !== 'dumb' ? 1 : 0;
}

export function createOutput(io: Io, opts: OutputOptions): Output {
  const c = new Chalk({ level: colorLevel(io, io.stdout, opts.color) });
  const ce = new Chalk({ level: colorLevel(io, io.stderr, opts.color) });
  const quiet = !!opts.quiet;
  const interactive = !!io.stderr.isTTY && !io.env.CI && !quiet && io.env.TERM !== 'dumb';
  return {
    c,
    ce,
    quiet,
    out: (text) => io.stdout.write(text.endsWith('\n') ? text : `${text}\n`),
    err: (text) => {
      if (!quiet) io.stderr.write(text.endsWith('\n') ? text : `${text}\n`);
    },
    progress: async (text) => {
      if (!interactive) return NO_PROGRESS;
      const { default: ora } = await import('ora');
      const spinner = ora({ text, stream: io.stderr, color: 'cyan', isEnabled: ce.level > 0 }).start();
      return { update: (t) => { spinner.text = t; }, stop: () => spinner.stop() };
    },
  };
}
