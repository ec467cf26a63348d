import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { issueMessage } from '../../src/cli/i18n/index.js';
import { ReadError } from '../../src/ingest/read-error.js';
import { readFile } from '../../src/ingest/read-file.js';
import { XLSX_READER } from '../../src/ingest/xlsx.js';
import { expectKnownCode, expectNoCrash, FIXTURES, tdkt, VIETNAMESE } from './support/cli.js';
import { mutate, mutatePart, mutateValuesIn, pick, random, unzip, type Mutation } from './support/mutate.js';

// 200 damaged copies of a real workbook (the canonical school), seeded so every run reads the same bytes:
// 100 damaged as a zip file (cut short, bits flipped, runs of random bytes, runs moved); 50 damaged inside one
// XML part and zipped again with sizes and CRCs right, so the damage reaches the XML parser; 50 with values
// in the shared strings or a sheet replaced by junk, the XML kept well formed, so it reaches the sheet reader
// (headers, dates, vocabulary, identities). Even seeds
// go through exceljs's full load, odd ones through the streaming reader. Each must end, within its timeout,
// in records with issues or in a refusal, every code with a message in both languages: never a crash.

const SOURCE = 'truong-thcs-hoa-sen/chuan/truong-thcs-hoa-sen.xlsx';
const KINDS: Mutation[] = ['truncate', 'flip', 'random', 'splice'];
const DEFAULT_STREAM = XLSX_READER.streamAboveBytes;
const original = readFileSync(join(FIXTURES, SOURCE));
const parts = unzip(original);

type Variant = { seed: number; label: string; buf: Buffer };

async function variant(seed: number): Promise<Variant> {
  const r = random(seed);
  const kind = KINDS[seed % KINDS.length];
  if (seed < 100) return { seed, label: `zip ${kind}`, buf: mutate(original, r, kind) };
  if (seed >= 150) {
    const { part, buf } = await mutateValuesIn(parts, r, (names) => (r() < 0.5 ? 'xl/sharedStrings.xml' : names.filter((n) => /worksheets\/sheet\d/.test(n))[pick(r, 4)]));
    return { seed, label: `${part} values`, buf };
  }
  // Sheets and shared strings most of the time, any part now and then.
  const choose = (names: string[]) => {
    const data = names.filter((n) => /worksheets\/sheet|sharedStrings/.test(n));
    return r() < 0.75 ? data[pick(r, data.length)] : names[pick(r, names.length)];
  };
  const { part, buf } = await mutatePart(parts, r, kind, choose);
  return { seed, label: `${part} ${kind}`, buf };
}

const SEEDS = Array.from({ length: 200 }, (_, i) => i);
const variants = new Map<number, Variant>();
beforeAll(async () => {
  for (const s of SEEDS) variants.set(s, await variant(s));
});
afterEach(() => {
  XLSX_READER.streamAboveBytes = DEFAULT_STREAM;
});

const outcomes = new Map<string, number>();
afterAll(() => {
  // Kept for the record of what the damage led to (vitest prints it with --reporter=verbose).
  console.log([...outcomes].sort().map(([k, n]) => `${String(n).padStart(4)}  ${k}`).join('\n'));
});

const A1 = /^[A-Z]{1,3}[1-9]\d*$/;

describe('damaged copies of a real workbook', () => {
  it('are the same bytes on every run', async () => {
    const digest = (v: Variant) => createHash('sha256').update(v.buf).digest('hex');
    for (const s of [0, 57, 101, 199]) expect(digest(await variant(s))).toBe(digest(variants.get(s)!));
    expect(new Set([...variants.values()].map((v) => createHash('sha256').update(v.buf).digest('hex'))).size).toBeGreaterThan(190);
  });

  it.each(SEEDS)('variant %i reads to records and issues, or is refused with a code', async (seed) => {
    const v = variants.get(seed)!;
    XLSX_READER.streamAboveBytes = seed % 2 === 0 ? Number.MAX_SAFE_INTEGER : 0;
    let outcome = '';
    let read;
    try {
      read = await readFile('du-lieu/hong.xlsx', v.buf, { mode: 'school-year', fixEncoding: false });
    } catch (e) {
      if (!(e instanceof ReadError)) throw new Error(`variant ${seed} (${v.label}) crashed the reader: ${(e as Error)?.stack ?? e}`);
      expectKnownCode(e.code, e.data);
      expect(e.file).toBe('du-lieu/hong.xlsx');
      outcome = `refused ${e.code}`;
    }
    if (read) {
      for (const i of read.issues) {
        expectKnownCode(i.code, i.data);
        expect(i.file).toBe('du-lieu/hong.xlsx');
        if (i.cell !== undefined) expect(i.cell).toMatch(A1);
        expect(issueMessage(i, 'vi')).toMatch(/\S/);
      }
      for (const rec of read.records) expect(rec.key.name).not.toMatch(/^#(REF|N\/A|VALUE|DIV\/0|NAME)/);
      outcome = `read, ${read.issues.some((i) => i.severity === 'error') ? 'with errors' : 'no errors'}`;
    }
    const key = `${seed % 2 === 0 ? 'full load' : 'streaming'} ${seed < 100 ? 'zip' : seed < 150 ? 'xml' : 'values'}: ${outcome}`;
    outcomes.set(key, (outcomes.get(key) ?? 0) + 1);
  }, 10_000);

  it('random bytes, named .xlsx or .csv, with or without a zip signature: refused or read, never a crash', async () => {
    const r = random(4242);
    for (let i = 0; i < 30; i++) {
      const bytes = Buffer.from(Array.from({ length: 1 + pick(r, 4000) }, () => pick(r, 256)));
      if (i % 3 === 0) bytes.writeUInt32BE(0x504b0304, 0);
      const name = i % 2 === 0 ? 'rac.xlsx' : 'rac.csv';
      try {
        const read = await readFile(name, bytes, { mode: 'school-year', fixEncoding: false });
        for (const x of read.issues) expectKnownCode(x.code, x.data);
      } catch (e) {
        if (!(e instanceof ReadError)) throw e;
        expectKnownCode(e.code, e.data);
      }
    }
  });
});

describe('the CLI on damaged files', () => {
  let dir: string;
  const refused: string[] = [];
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'tdkt-fuzz-'));
    mkdirSync(join(dir, 'du-lieu'));
    writeFileSync(join(dir, 'du-lieu', 'truong-thcs-hoa-sen.xlsx'), original);
    // Damaged copies the reader refuses, from both halves of the variants.
    for (const seed of [1, 2, 3, 5, 101, 102, 103, 104, 106, 107]) {
      const name = `hong-${seed}.xlsx`;
      writeFileSync(join(dir, 'du-lieu', name), variants.get(seed)!.buf);
      try {
        await readFile(name, variants.get(seed)!.buf, { mode: 'school-year', fixEncoding: false });
      } catch {
        refused.push(name);
      }
    }
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('in a folder: exit 1, each refused file an error naming it, every other file read and evaluated', () => {
    expect(refused.length).toBeGreaterThan(5);
    const r = tdkt(['check', 'du-lieu', '--json', '--award', 'ldtt'], dir);
    expectNoCrash(r);
    expect(r.code).toBe(1);
    const out = JSON.parse(r.stdout) as { inputs: { file: string }[]; issues: { code: string; file?: string; severity: string; message: string }[]; verdicts: unknown[] };
    const read = out.inputs.map((i) => i.file);
    expect(read).toContain('du-lieu/truong-thcs-hoa-sen.xlsx');
    for (const name of refused) {
      expect(read).not.toContain(`du-lieu/${name}`);
      const i = out.issues.find((x) => x.file === `du-lieu/${name}`);
      expect(i, name).toMatchObject({ severity: 'error' });
      expect(i!.message).toMatch(VIETNAMESE);
    }
    expect(read.length + refused.length).toBe(11);
    expect(out.verdicts.length).toBeGreaterThanOrEqual(40);
  });

  it('a damaged file named on the command line: exit 2, its name and a Vietnamese message, no stack', () => {
    const r = tdkt(['check', `du-lieu/${refused[0]}`, `du-lieu/${refused[refused.length - 1]}`], dir);
    expectNoCrash(r);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(refused[0]);
    expect(r.stderr).toContain(refused[refused.length - 1]);
    expect(r.stderr).toMatch(VIETNAMESE);
  });
});
