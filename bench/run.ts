import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { benchEvaluation } from './evaluate.js';
import { generateProvince } from './generate.js';

// `npm run bench [-- --units 300 --staff 100 --years 6 --runs 3]`: times whole commands in fresh processes
// (median of the runs, peak RSS of the process and its workers) and reports each as a ratio to the baseline,
// a bare exceljs streaming read of the same files measured in the same run.
const root = join(fileURLToPath(import.meta.url), '..', '..', '..');
const arg = (name: string, def: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : def;
};
const units = arg('units', 300);
const staff = arg('staff', 100);
const years = arg('years', 6);
const runs = arg('runs', 3);
const out = join(root, 'bench', 'out');
const preload = join(root, 'bench', 'rss-preload.cjs');
const rssFile = join(out, 'rss.txt');

type Sample = { ms: number; rss: number };

function measure(args: string[], stdoutFile?: string): Sample {
  rmSync(rssFile, { force: true });
  const start = performance.now();
  const r = spawnSync(process.execPath, ['--require', preload, ...args], {
    cwd: root, env: { ...process.env, TDKT_BENCH_RSS_FILE: rssFile, NO_COLOR: '1' }, maxBuffer: 1 << 30,
    stdio: ['ignore', stdoutFile ? 'pipe' : 'ignore', 'pipe'],
  });
  const ms = performance.now() - start;
  if (r.status !== 0 && r.status !== 1) throw new Error(`${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  return { ms, rss: Number(readFileSync(rssFile, 'utf8')) };
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

function run(label: string, args: string[]): { label: string; ms: number; rss: number } {
  const samples: Sample[] = [];
  for (let i = 0; i < runs; i++) samples.push(measure(args));
  const row = { label, ms: median(samples.map((s) => s.ms)), rss: Math.max(...samples.map((s) => s.rss)) };
  process.stderr.write(`  ${label}: ${(row.ms / 1000).toFixed(2)} s, ${(row.rss / 1e6).toFixed(0)} MB\n`);
  return row;
}

async function province(u: number): Promise<{ dir: string; files: string[]; rows: number }> {
  const dir = join(out, `province-${u}x${staff}x${years}`);
  if (!existsSync(dir) || readdirSync(dir).length !== u) {
    process.stderr.write(`generating ${u} workbooks × ${staff} staff × ${years} years in ${dir}\n`);
    rmSync(dir, { recursive: true, force: true });
    await generateProvince(dir, { units: u, staff, years });
  }
  const files = readdirSync(dir).filter((f) => f.endsWith('.xlsx')).sort().map((f) => join(dir, f));
  return { dir, files, rows: u * staff * years };
}

mkdirSync(out, { recursive: true });
const tdkt = join(root, 'bin', 'tdkt.js');
const baseline = join(root, 'dist', 'bench', 'baseline-read.js');
const results: string[] = [];
for (const factor of [1, 2, 4].filter((f) => f === 1 || process.argv.includes('--linear'))) {
  const p = await province(units * factor);
  const mb = p.files.reduce((n, f) => n + statSync(f).size, 0) / 1e6;
  process.stderr.write(`${p.files.length} workbooks, ${p.rows} rows, ${mb.toFixed(1)} MB\n`);
  const base = run('baseline: exceljs streaming read', [baseline, ...p.files]);
  const check = run('tdkt check --json > file', [tdkt, 'check', p.dir, '--as-of', '2024-2025', '--json', '--quiet']);
  const inspect = run('tdkt inspect --json', [tdkt, 'inspect', p.dir, '--json', '--quiet']);
  const line = (r: typeof base) => `| ${factor}× | ${r.label} | ${(r.ms / 1000).toFixed(2)} s | ${Math.round(p.rows / (r.ms / 1000))} rows/s | ${(r.rss / 1e6).toFixed(0)} MB | ${(r.ms / base.ms).toFixed(2)}× |`;
  results.push(line(base), line(check), line(inspect));
}
const evals = [6, 12, 24].map((y) => ({ years: y, ...benchEvaluation(units * staff, y) }));

process.stdout.write(`\n| size | command | median time | throughput | peak RSS | vs baseline |\n|---|---|---|---|---|---|\n${results.join('\n')}\n`);
process.stdout.write(`\nEvaluation alone (${units * staff} persons, every award, in process):\n\n| years | time | verdicts |\n|---|---|---|\n`);
for (const e of evals) process.stdout.write(`| ${e.years} | ${e.ms.toFixed(0)} ms | ${e.verdicts} |\n`);
if (!process.argv.includes('--no-documents')) await (await import('./documents.js')).benchDocuments({ runs });
