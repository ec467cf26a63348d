import { z } from 'zod';
import type { PeriodMode } from '../model/period.js';
import { loadConfig, type Config } from './config.js';
import type { Lang } from './i18n/index.js';
import type { Io } from './io.js';
import type { CommonOptions } from './main.js';
import { createOutput, type Output } from './output.js';

export type RunContext = { io: Io; lang: Lang; o: Output; config: Config; configFile?: string; mode: PeriodMode; json: boolean };

/** What every command starts with: language, output streams, config. */
export function startCommand(opts: CommonOptions, io: Io, lang: Lang): RunContext {
  if (lang === 'vi') z.config(z.locales.vi());
  else z.config(z.locales.en());
  const { config, file } = loadConfig(opts.config, io.cwd);
  const effectiveLang = opts.lang ? lang : (config.lang ?? lang);
  const o = createOutput(io, { color: opts.color, quiet: opts.quiet });
  const json = !!opts.json || opts.format === 'json';
  return { io, lang: effectiveLang, o, config, configFile: file, mode: config.periodMode ?? 'school-year', json };
}
