import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, isAbsolute, join } from 'node:path';
import { safeFileName } from '../dossier/file-names.js';
import type { Narrative } from '../dossier/build-docs.js';
import type { Timeline } from '../model/subject.js';
import { foldKey } from '../ingest/text.js';

/**
 * The narrative of a báo cáo thành tích, written by the clerk: `thanh-tich/<mã>.md` (or .txt, or named after the
 * person) beside the data. Paragraphs are separated by blank lines; "# Nhiệm vụ", "# Thành tích", "# Đặc điểm"
 * headings split the sections, else the whole text is the achievements.
 */
export function readNarratives(paths: string[], cwd: string, subjects: Timeline[]): Map<string, Narrative> {
  const dirs = new Set<string>();
  for (const p of paths) {
    const abs = isAbsolute(p) ? p : join(cwd, p);
    if (!existsSync(abs)) continue;
    const base = statSync(abs).isDirectory() ? abs : dirname(abs);
    for (const d of [join(base, 'thanh-tich'), join(dirname(base), 'thanh-tich')]) if (existsSync(d)) dirs.add(d);
  }
  const out = new Map<string, Narrative>();
  if (dirs.size === 0) return out;
  for (const tl of subjects) {
    const names = [tl.subject.id, safeFileName(tl.subject.name)];
    for (const dir of dirs) {
      const file = names.flatMap((n) => [`${n}.md`, `${n}.txt`]).map((f) => join(dir, f)).find(existsSync);
      if (file) {
        out.set(tl.subject.id, parseNarrative(readFileSync(file, 'utf8')));
        break;
      }
    }
  }
  return out;
}

export function parseNarrative(text: string): Narrative {
  const sections: Record<string, string[]> = {};
  let current = 'thanhTich';
  let para: string[] = [];
  const flush = () => {
    if (para.length) (sections[current] ??= []).push(para.join(' ').trim());
    para = [];
  };
  for (const raw of text.replace(/^\ufeff/, '').normalize('NFC').split(/\r?\n/)) {
    const line = raw.trim();
    const heading = /^#+\s*(.+)$/.exec(line);
    if (heading) {
      flush();
      const k = foldKey(heading[1]);
      current = /nhiem vu|quyen han|chuc nang/.test(k) ? 'nhiemVu' : /dac diem|tinh hinh/.test(k) ? 'dacDiem' : 'thanhTich';
    } else if (line === '') flush();
    else if (/^[-*•+]\s/.test(line)) {
      flush();
      para.push(`- ${line.replace(/^[-*•+]\s+/, '')}`);
      flush();
    } else para.push(line);
  }
  flush();
  const out: Narrative = {};
  if (sections.nhiemVu) out.nhiemVu = sections.nhiemVu;
  if (sections.thanhTich) out.thanhTich = sections.thanhTich;
  if (sections.dacDiem) out.dacDiem = sections.dacDiem;
  return out;
}
