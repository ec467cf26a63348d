import { spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { benchEvaluation } from './evaluate.js';
import { generateProvince } from './generate.js';

// `npm run bench [-- --units 300 --staff 100 --years 6 --runs 3 --linear --threads]`: times whole commands in
// fresh processes (median of the rounds, peak RSS and CPU time of the process and its reading threads) and
// reports each as a ratio to the baseline, a bare exceljs streaming read of the same files measured in the same
// rounds. CPU time is there for shared machines, where wall time moves with the neighbours' load. `--linear`
// repeats at 2× and 4× the units; `--threads` adds a cold check reading on the main thread only.
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

type Sample = { ms: number; rss: number; cpu: number };

/** One run in a fresh process; stdout goes to a file, as `> file` would. */
function measure(args: string[], env: Record<string, string> = {}): Sample {
  rmSync(rssFile, { force: true });
  const stdout = openSync(join(out, 'stdout.txt'), 'w');
  const start = performance.now();
  const r = spawnSync(process.execPath, ['--require', preload, ...args], {
    cwd: root, env: { ...process.env, TDKT_BENCH_RSS_FILE: rssFile, NO_COLOR: '1', ...env }, maxBuffer: 1 << 30,
    stdio: ['ignore', stdout, 'pipe'],
  });
  const ms = performance.now() - start;
  closeSync(stdout);
  rmSync(join(out, 'stdout.txt'), { force: true }); // a province's JSON is half a gigabyte
  if (r.status !== 0 && r.status !== 1) throw new Error(`${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  const [rss, cpu] = readFileSync(rssFile, 'utf8').split(' ').map(Number);
  return { ms, rss, cpu: cpu / 1000 };
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

type Case = { label: string; args: string[]; env?: Record<string, string>; before?: () => void };
type Row = { label: string; ms: number; rss: number; cpu: number; ratio: number; cpuRatio: number };

/**
 * Runs every case once per round, in turn, the baseline first: a machine whose load drifts slows all of them
 * alike, where running one case `runs` times and then the next would charge the drift to one of them. Times are
 * medians over the rounds; a ratio is the median of each round's ratio to that round's baseline. `before` runs
 * ahead of a measured run, unmeasured (emptying the cache).
 */
function rounds(cases: Case[]): Row[] {
  const samples: Sample[][] = cases.map(() => []);
  for (let i = 0; i < runs; i++) {
    cases.forEach((c, j) => {
      c.before?.();
      samples[j].push(measure(c.args, c.env));
    });
  }
  const base = samples[0];
  return cases.map((c, j) => {
    const s = samples[j];
    const row = {
      label: c.label, ms: median(s.map((x) => x.ms)), rss: Math.max(...s.map((x) => x.rss)), cpu: median(s.map((x) => x.cpu)),
      ratio: median(s.map((x, i) => x.ms / base[i].ms)), cpuRatio: median(s.map((x, i) => x.cpu / base[i].cpu)),
    };
    process.stderr.write(`  ${c.label}: ${(row.ms / 1000).toFixed(2)} s (${row.ratio.toFixed(2)}×), CPU ${(row.cpu / 1000).toFixed(2)} s, ${(row.rss / 1e6).toFixed(0)} MB\n`);
    return row;
  });
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
  // The cache of read workbooks lives in bench/out/cache, never in the user's: emptied before a cold run, which
  // fills it for the warm ones that follow it in the round.
  const cache = { TDKT_CACHE_DIR: join(out, 'cache') };
  const empty = () => rmSync(cache.TDKT_CACHE_DIR, { recursive: true, force: true });
  const checkArgs = [tdkt, 'check', p.dir, '--as-of', '2024-2025', '--json', '--quiet'];
  const cases: Case[] = [
    { label: 'baseline: exceljs streaming read', args: [baseline, ...p.files] },
    { label: 'tdkt check --json > file (cache empty)', args: checkArgs, env: cache, before: empty },
    ...(process.argv.includes('--threads') ? [{ label: '  same, reading on 1 thread (TDKT_WORKERS=0)', args: checkArgs, env: { ...cache, TDKT_WORKERS: '0' }, before: empty }] : []),
    { label: 'tdkt check again, files unchanged (cache warm)', args: checkArgs, env: cache },
    { label: 'tdkt inspect --json (cache warm)', args: [tdkt, 'inspect', p.dir, '--json', '--quiet'], env: cache },
  ];
  const rows = rounds(cases);
  const line = (r: Row) => `| ${factor}× | ${r.label} | ${(r.ms / 1000).toFixed(2)} s | ${Math.round(p.rows / (r.ms / 1000))} rows/s | ${(r.rss / 1e6).toFixed(0)} MB | ${r.ratio.toFixed(2)}× | ${(r.cpu / 1000).toFixed(2)} s | ${r.cpuRatio.toFixed(2)}× |`;
  results.push(...rows.map(line));
}
// Evaluation alone runs in this process: the best of three rounds, so a pause of the machine does not decide.
const evals = [6, 12, 24].map((y) => {
  const rounds = [0, 1, 2].map(() => benchEvaluation(units * staff, y));
  return { years: y, ...rounds.reduce((a, b) => (b.ms < a.ms ? b : a)) };
});

process.stdout.write(`\n| size | command | median time | throughput | peak RSS | vs baseline | CPU time | CPU vs baseline |\n|---|---|---|---|---|---|---|---|\n${results.join('\n')}\n`);
process.stdout.write(`\nEvaluation alone (${units * staff} persons, every award, in process, best of 3):\n\n| years | time | verdicts |\n|---|---|---|\n`);
for (const e of evals) process.stdout.write(`| ${e.years} | ${e.ms.toFixed(0)} ms | ${e.verdicts} |\n`);
if (!process.argv.includes('--no-documents')) await (await import('./documents.js')).benchDocuments({ runs });
