import { AWARDS, type AwardId } from '../model/award.js';
import type { DocumentId, DocumentInput } from '../model/documents.js';
import { baoCaoCaNhan, baoCaoTapThe, bienBan, danhSach, quyetDinh, toTrinh, type DossierInput } from './build-docs.js';
import { safeFileName } from './file-names.js';
import type { Nomination } from './nominations.js';
import { documentNumber } from './wording.js';

/** One document to write: where (relative to the output folder), from which template, with which data. */
export type PlannedDocument<D extends DocumentId = DocumentId> = {
  path: string;
  template: D;
  data: DocumentInput<D>;
  award?: AwardId;
  /** Subject ids whose data the document shows (for verification). */
  subjects: string[];
};

// Titles a unit recognises every year with a decision; LĐTT and TTLĐTT need no báo cáo thành tích (forms.md §9).
const ANNUAL = new Set<AwardId>(['ldtt', 'cstdcs', 'ttldtt', 'ttldxs']);
const NO_REPORT = new Set<AwardId>(['ldtt', 'ttldtt']);
// The order String#localeCompare gives without a locale, with one collator for the whole sort.
const byId = new Intl.Collator().compare;

/**
 * The dossier as a plan (compute first, write last): per award a tờ trình, a danh sách and a báo cáo thành tích per
 * nominee (a quyết định for the annual titles), and one biên bản for the council meeting. The tờ trình counts, the
 * danh sách rows and the báo cáo files come from the same nominations, so they always agree.
 */
export function planDossier(nominations: Nomination[], input: DossierInput): PlannedDocument[] {
  const byAward = new Map<AwardId, Nomination[]>();
  for (const n of nominations) (byAward.get(n.award) ?? byAward.set(n.award, []).get(n.award)!).push(n);
  const awards = [...byAward].sort(([a], [b]) => Object.keys(AWARDS).indexOf(a) - Object.keys(AWARDS).indexOf(b));
  const out: PlannedDocument[] = [];
  for (const [award, noms] of awards) {
    const ids = noms.map((n) => n.subject.subject.id).sort();
    const toTrinhNumber = documentNumber('TTr', input.details, input.details.number);
    out.push({ path: `${award}/to-trinh.docx`, template: 'to-trinh', data: toTrinh(award, noms, input), award, subjects: ids });
    out.push({ path: `${award}/danh-sach.docx`, template: 'danh-sach', data: danhSach(award, noms, input, toTrinhNumber), award, subjects: ids });
    if (!NO_REPORT.has(award)) {
      const used = new Set<string>();
      for (const n of [...noms].sort((a, b) => byId(a.subject.subject.id, b.subject.subject.id))) {
        const s = n.subject.subject;
        const base = `${safeFileName(s.name, 'doi-tuong', 60)}-${safeFileName(s.id, 'ma', 40)}`;
        let name = base;
        // Windows compares names without case: "An-1" and "an-1" are one file there.
        for (let k = 2; used.has(name.toLocaleLowerCase('vi')); k++) name = `${base}-${k}`;
        used.add(name.toLocaleLowerCase('vi'));
        const path = `${award}/bao-cao-thanh-tich/${name}.docx`;
        if (s.kind === 'person') out.push({ path, template: 'bao-cao-ca-nhan', data: baoCaoCaNhan(award, n, input), award, subjects: [s.id] });
        else out.push({ path, template: 'bao-cao-tap-the', data: baoCaoTapThe(award, n, input), award, subjects: [s.id] });
      }
    }
    if (ANNUAL.has(award)) out.push({ path: `${award}/quyet-dinh.docx`, template: 'quyet-dinh', data: quyetDinh(award, noms, input), award, subjects: ids });
  }
  if (awards.length > 0) out.push({ path: 'bien-ban.docx', template: 'bien-ban', data: bienBan(awards, input), subjects: nominations.map((n) => n.subject.subject.id).sort() });
  return out;
}

export type { DocumentInput };
