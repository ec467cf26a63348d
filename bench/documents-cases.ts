import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { crc32, deflateRawSync } from 'node:zlib';
import { compileTemplate } from '../src/render/docx/template.js';
import { assembleZip, entryData, makeEntry, packEntry, readZip, writeZip, type PackedEntry } from '../src/render/docx/zip.js';
import type { BaoCao } from './documents-data.js';

// The three ways the documents benchmark fills the same báo cáo: tdkt's engine as `generate` uses it, the floor
// (domain/perf-baseline.md §4.3 "minimal fill") and docxtemplater + pizzip. Each compiles or loads the template
// inside the timed operation, then fills and writes every document with writeFileSync.

export type Case = 'tdkt' | 'floor' | 'docxtemplater';
const fileOf = (dir: string, i: number) => join(dir, `${String(i).padStart(5, '0')}.docx`);

export function runTdkt(template: Buffer, docs: BaoCao[], dir: string): void {
  const compiled = compileTemplate(template, 'bao-cao-ca-nhan.docx');
  docs.forEach((d, i) => writeFileSync(fileOf(dir, i), compiled.fill(d)));
}

const ESC: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };
const esc = (v: unknown) => String(v ?? '').replace(/[&<>"']/g, (c) => ESC[c]);
const TAG = /\{([a-z_]+)\}/g;

/** The region a loop repeats, cut out of the XML once: the table row or the paragraph around its tags. */
type Region = { name: string; start: number; end: number; body: string; item: boolean };

function region(xml: string, name: string, element: 'w:tr' | 'w:p'): Region {
  const at = xml.indexOf(`{#${name}}`);
  const start = element === 'w:tr' ? xml.lastIndexOf('<w:tr>', at) : xml.lastIndexOf('<w:p>', at);
  const end = xml.indexOf(`</${element}>`, xml.indexOf(`{/${name}}`)) + element.length + 3;
  const body = xml.slice(start, end).replace(`{#${name}}`, '').replace(`{/${name}}`, '');
  return { name, start, end, body, item: body.includes('{.}') };
}

/**
 * The floor: the template is unzipped once and its unchanged parts keep their deflated bytes; per document the
 * loop regions are repeated, the tags replaced by string replacement, and only word/document.xml is deflated.
 */
export function runFloor(template: Buffer, docs: BaoCao[], dir: string): void {
  const entries = readZip(template);
  const xml = entryData(entries.find((e) => e.name === 'word/document.xml')!).toString('utf8');
  const regions = [region(xml, 'dan_toc', 'w:p'), region(xml, 'nhiem_vu', 'w:p'), region(xml, 'thanh_tich', 'w:p'),
    region(xml, 'danh_hieu', 'w:tr'), region(xml, 'khen_thuong', 'w:tr')].sort((a, b) => a.start - b.start);
  const packed: (PackedEntry | null)[] = entries.map((e) => {
    if (e.name === 'word/document.xml') return null;
    if (!e.name.startsWith('word/header')) return packEntry(e);
    return packEntry(makeEntry(e.name, Buffer.from(entryData(e).toString('utf8').replace('{mau_so}', 'Mẫu số 03'), 'utf8')));
  });
  docs.forEach((d, i) => {
    const data = d as unknown as Record<string, unknown>;
    let out = '';
    let cursor = 0;
    for (const r of regions) {
      out += xml.slice(cursor, r.start);
      const v = data[r.name];
      const items = Array.isArray(v) ? v : v ? [v] : [];
      for (const it of items) {
        out += r.item ? r.body.replace('{.}', esc(it)) : r.body.replace(TAG, (_, k: string) => esc((it as Record<string, unknown>)[k] ?? data[k]));
      }
      cursor = r.end;
    }
    out = (out + xml.slice(cursor)).replace(TAG, (_, k: string) => esc(data[k]));
    const body = Buffer.from(out, 'utf8');
    const doc = packEntry({ name: 'word/document.xml', method: 8, crc: crc32(body), size: body.length, compressed: deflateRawSync(body) });
    writeFileSync(fileOf(dir, i), assembleZip(packed.map((p) => p ?? doc)));
  });
}

/**
 * The same template in docxtemplater's syntax: its delimiters and loops are tdkt's, but a loop inside one paragraph
 * repeats only text there, so a paragraph holding {#x}…{/x} becomes three (open tag, body, close tag) with
 * paragraphLoop on, which drops the tag paragraphs as tdkt does.
 */
export function toDocxtemplater(template: Buffer): Buffer {
  return writeZip(readZip(template).map((e) => {
    if (e.name !== 'word/document.xml') return e;
    const xml = entryData(e).toString('utf8').replace(/<w:p>(<w:pPr>(?:(?!<\/w:pPr>).)*<\/w:pPr>)?((?:(?!<\/w:p>).)*)<\/w:p>/g, (p, pPr = '', runs: string) => {
      const m = /\{#([a-z_]+)\}(.*)\{\/\1\}/.exec(runs);
      if (!m) return p;
      const tagPara = (tag: string) => `<w:p>${pPr}<w:r><w:t>${tag}</w:t></w:r></w:p>`;
      return tagPara(`{#${m[1]}}`) + `<w:p>${pPr}${runs.replace(m[0], m[2])}</w:p>` + tagPara(`{/${m[1]}}`);
    });
    return makeEntry(e.name, Buffer.from(xml, 'utf8'));
  }));
}

export function runDocxtemplater(template: Buffer, docs: BaoCao[], dir: string): void {
  const require = createRequire(import.meta.url);
  const PizZip = require('pizzip');
  const Docxtemplater = require('docxtemplater');
  const converted = toDocxtemplater(template);
  docs.forEach((d, i) => {
    const doc = new Docxtemplater(new PizZip(converted), { paragraphLoop: true, linebreaks: true, nullGetter: () => '' });
    doc.render(d);
    writeFileSync(fileOf(dir, i), doc.getZip().generate({ type: 'nodebuffer', compression: 'DEFLATE' }));
  });
}

export function readTemplate(root: string): Buffer {
  return readFileSync(join(root, 'templates', 'bao-cao-ca-nhan.docx'));
}

export { fileOf };
