import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { entryData, readZip } from '../src/render/docx/zip.js';
import { xmlProblems } from '../test/render/support/ooxml.js';
import { fileOf, readTemplate, runDocxtemplater, runFloor, runTdkt, type Case } from './documents-cases.js';
import { PARAGRAPH_END, reportData, type BaoCao } from './documents-data.js';
import { generateProvince } from './generate.js';

// Documents benchmark (issues "Nomination documents", "Province scale"): 2,000 báo cáo thành tích cá nhân filled by
// tdkt's engine, by the floor and by docxtemplater + pizzip, each case in a fresh process, single-threaded, in turn
// (median of the runs, as domain/perf-baseline.md §3); then `tdkt generate` end to end for 2,000 báo cáo.
//   npm run bench:documents [-- --count 2000 --runs 3]   (npm run bench runs it last, unless --no-documents)
const ROOT = join(fileURLToPath(import.meta.url), '..', '..', '..');
const OUT = join(ROOT, 'bench', 'out');
const SELF = join(ROOT, 'dist', 'bench', 'documents.js');
const PRELOAD = join(ROOT, 'bench', 'documents-preload.cjs');
const RUNNERS: Record<Case, typeof runTdkt> = { tdkt: runTdkt, floor: runFloor, docxtemplater: runDocxtemplater };
const LABELS: Record<Case, string> = {
  tdkt: 'tdkt engine (compile once, fill, write)',
  floor: 'floor: string replace, reused zip parts, deflate document.xml only',
  docxtemplater: 'docxtemplater 3.71 + pizzip (DEFLATE)',
};

type Sample = { ms: number; cpuMs: number; rss: number };

/** One case in this process: fill and write every document, then check them all (outside the timing). */
function runCase(which: Case, count: number, dir: string): Sample {
  const template = readTemplate(ROOT);
  const docs = reportData(count);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const cpu = process.cpuUsage();
  const start = performance.now();
  RUNNERS[which](template, docs, dir);
  const ms = performance.now() - start;
  const used = process.cpuUsage(cpu);
  const rss = process.resourceUsage().maxRSS * 1024; // before the check below reads the outputs back
  const templateRows = (entryData(readZip(template).find((e) => e.name === 'word/document.xml')!).toString('utf8').match(/<w:tr[ >]/g) ?? []).length;
  docs.forEach((d, i) => checkOutput(readFileSync(fileOf(dir, i)), d, templateRows - 2, i % 25 === 0, `${which} #${i}`));
  return { ms, cpuMs: (used.user + used.system) / 1000, rss };
}

const escaped = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function checkOutput(buf: Buffer, d: BaoCao, fixedRows: number, strict: boolean, label: string): void {
  const parts = new Map(readZip(buf).map((e) => [e.name, e]));
  if (!parts.has('[Content_Types].xml') || !parts.has('word/document.xml')) throw new Error(`${label}: not a docx`);
  const xml = entryData(parts.get('word/document.xml')!).toString('utf8');
  const expect = [d.ho_ten, escaped(d.don_vi_cong_tac), escaped(PARAGRAPH_END), escaped(d.danh_hieu.at(-1)!.quyet_dinh), escaped(d.khen_thuong.at(-1)!.quyet_dinh)];
  for (const e of expect) if (!xml.includes(e)) throw new Error(`${label}: "${e}" missing`);
  if (/\{[#/]?[a-z_.]+\}/.test(xml)) throw new Error(`${label}: a placeholder is left`);
  const rows = (xml.match(/<w:tr[ >]/g) ?? []).length;
  if (rows !== fixedRows + d.danh_hieu.length + d.khen_thuong.length) throw new Error(`${label}: ${rows} table rows`);
  if (strict && xmlProblems(xml).length > 0) throw new Error(`${label}: ${xmlProblems(xml)[0]}`);
}

function spawnMeasured(args: string[]): Sample & { stdout: string } {
  const usageFile = join(OUT, `usage-documents-${process.pid}.json`);
  rmSync(usageFile, { force: true });
  const start = performance.now();
  const r = spawnSync(process.execPath, ['--require', PRELOAD, ...args], {
    cwd: ROOT, encoding: 'utf8', maxBuffer: 1 << 28, env: { ...process.env, TDKT_BENCH_USAGE_FILE: usageFile, NO_COLOR: '1' },
  });
  const ms = performance.now() - start;
  if (r.status !== 0 && r.status !== 1) throw new Error(`${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  const usage = JSON.parse(readFileSync(usageFile, 'utf8')) as { rss: number; cpuMs: number };
  return { ms, ...usage, stdout: r.stdout };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** A province whose first `count` persons eligible for CSTĐCS (each gets a báo cáo) are listed as nominees. */
async function nomineesFor(count: number): Promise<{ dir: string; nominees: string }> {
  const units = Math.ceil(count / 40);
  const dir = join(OUT, `province-${units}x100x6`);
  const nominees = join(OUT, `nominees-cstdcs-${count}.csv`);
  if (!existsSync(dir) || readdirSync(dir).length !== units) {
    process.stderr.write(`generating ${units} workbooks for the generate benchmark in ${dir}\n`);
    rmSync(dir, { recursive: true, force: true });
    await generateProvince(dir, { units, staff: 100, years: 6 });
    rmSync(nominees, { force: true });
  }
  if (!existsSync(nominees)) {
    const r = spawnSync(process.execPath, [join(ROOT, 'bin', 'tdkt.js'), 'check', dir, '--as-of', '2024-2025', '--award', 'cstdcs', '--json', '--quiet'], { encoding: 'utf8', maxBuffer: 1 << 30 });
    const report = JSON.parse(r.stdout) as { verdicts: { subject: string; status: string }[] };
    const eligible = report.verdicts.filter((v) => v.status === 'eligible').map((v) => v.subject).sort();
    if (eligible.length < count) throw new Error(`only ${eligible.length} persons eligible for cstdcs in ${dir}`);
    writeFileSync(nominees, `award,subject\n${eligible.slice(0, count).map((s) => `cstdcs,${s}`).join('\n')}\n`);
  }
  return { dir, nominees };
}

export async function benchDocuments(opts: { count?: number; runs?: number } = {}): Promise<void> {
  const count = opts.count ?? 2000;
  const runs = opts.runs ?? 3;
  mkdirSync(OUT, { recursive: true });
  const samples: Record<Case, Sample[]> = { tdkt: [], floor: [], docxtemplater: [] };
  for (let r = 0; r < runs; r++) {
    for (const c of Object.keys(samples) as Case[]) {
      const s = spawnMeasured([SELF, '--case', c, '--count', String(count), '--dir', join(OUT, `docs-${c}`)]);
      samples[c].push(JSON.parse(s.stdout) as Sample);
    }
  }
  const { dir, nominees } = await nomineesFor(count);
  const gens: Sample[] = [];
  for (let r = 0; r < runs; r++) {
    gens.push(spawnMeasured([join(ROOT, 'bin', 'tdkt.js'), 'generate', dir, '--nominees', nominees, '--as-of', '2024-2025', '--out', join(OUT, 'ho-so-generate'), '--force', '--quiet']));
  }
  const written = readdirSync(join(OUT, 'ho-so-generate', 'cstdcs', 'bao-cao-thanh-tich')).length;
  const rows: [string, Sample[], number][] = [
    ...(['tdkt', 'floor', 'docxtemplater'] as Case[]).map((c): [string, Sample[], number] => [LABELS[c], samples[c], count]),
    [`tdkt generate end to end: ${written} báo cáo + tờ trình, danh sách, quyết định, biên bản, reading ${dir.split('/').pop()}`, gens, written],
  ];
  const med = (xs: Sample[], k: 'ms' | 'cpuMs') => median(xs.map((x) => x[k]));
  const rate = (c: Case, k: 'ms' | 'cpuMs') => count / (med(samples[c], k) / 1000);
  const line = ([label, xs, n]: [string, Sample[], number]) =>
    `| ${label} | ${(med(xs, 'ms') / 1000).toFixed(2)} s | ${(n / (med(xs, 'ms') / 1000)).toFixed(0)}/s | ${(med(xs, 'cpuMs') / 1000).toFixed(2)} s | ${(n / (med(xs, 'cpuMs') / 1000)).toFixed(0)}/s | ${(Math.max(...xs.map((x) => x.rss)) / 1e6).toFixed(0)} MB |`;
  const ratio = (a: Case, b: Case) => `${(rate(a, 'ms') / rate(b, 'ms')).toFixed(2)}× (CPU time: ${(rate(a, 'cpuMs') / rate(b, 'cpuMs')).toFixed(2)}×)`;
  process.stdout.write(`\nDocuments: ${count} báo cáo thành tích cá nhân, 1 thread, a fresh process per case and run, median of ${runs}\n\n`
    + '| case | wall time | docs/s (wall) | CPU time | docs/s (CPU) | peak RSS |\n|---|---|---|---|---|---|\n'
    + `${rows.map(line).join('\n')}\n\ntdkt ÷ docxtemplater: ${ratio('tdkt', 'docxtemplater')}; tdkt ÷ floor: ${ratio('tdkt', 'floor')}\n`);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const arg = (name: string) => {
    const i = process.argv.indexOf(`--${name}`);
    return i > 0 ? process.argv[i + 1] : undefined;
  };
  const which = arg('case') as Case | undefined;
  if (which) process.stdout.write(JSON.stringify(runCase(which, Number(arg('count') ?? 2000), arg('dir')!)));
  else await benchDocuments({ count: Number(arg('count') ?? 2000), runs: Number(arg('runs') ?? 3) });
}
