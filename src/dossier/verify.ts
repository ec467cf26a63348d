import { AWARDS, type AwardId } from '../model/award.js';
import type { Text } from '../rules/types.js';
import { COMMON_REMINDERS, declares, remindersFor, type Reminder } from './attachments.js';
import { derivedContent, missingFrom } from './derived.js';
import { dataHash, type Lock } from './lock.js';
import type { ManifestError } from './manifest.js';
import type { Nomination, NomineeRequest } from './nominations.js';
import type { PlannedDocument } from './plan.js';

// `tdkt verify`: every check a named test, in groups, as a value; the CLI renders it (text, JSON, JUnit, GitHub).

export type CheckState = 'pass' | 'fail' | 'warn';
export type VerifyCheck = { id: string; name: Text; state: CheckState; message: Text; file?: string };
export type VerifyGroup = { id: string; name: Text; checks: VerifyCheck[] };
export type VerifyReport = { dossier: string; ok: boolean; groups: VerifyGroup[] };

export type OnDisk = { sha256: string; text: () => string };

export type VerifyInput = {
  dossier: string;
  manifestFile: string;
  manifestErrors?: ManifestError[];
  dataFiles?: { file: string; errors: string[] }[];
  requested?: NomineeRequest[];
  nominations?: Nomination[];
  nomineeIssues?: { request: NomineeRequest; message: Text }[];
  caps?: { unit: string; award: AwardId; nominated: number; cap: number }[];
  plan?: PlannedDocument[];
  output?: string;
  lock?: Lock;
  fresh?: { manifest: string; inputs: { file: string; sha256: string }[]; templates: Record<string, string> };
  documents?: Map<string, OnDisk | undefined>;
  extraDocuments?: string[];
  attachments?: { award?: AwardId; name: string; file: string; exists: boolean }[];
};

const t = (vi: string, en: string): Text => ({ vi, en });
const pass = (id: string, name: Text, message: Text, file?: string): VerifyCheck => ({ id, name, state: 'pass', message, ...(file ? { file } : {}) });
const fail = (id: string, name: Text, message: Text, file?: string): VerifyCheck => ({ id, name, state: 'fail', message, ...(file ? { file } : {}) });

export function verifyDossier(v: VerifyInput): VerifyReport {
  const groups: VerifyGroup[] = [];
  const manifest: VerifyGroup = { id: 'manifest', name: t('Tệp kê khai', 'Manifest'), checks: [] };
  groups.push(manifest);
  if (v.manifestErrors && v.manifestErrors.length > 0) {
    for (const e of v.manifestErrors) manifest.checks.push(fail(`manifest.${e.key}`, t(`Khóa ${e.key}`, `Key ${e.key}`), t(`${e.line ? `dòng ${e.line}: ` : ''}${e.message}`, `${e.line ? `line ${e.line}: ` : ''}${e.message}`), v.manifestFile));
    return finish(v.dossier, groups);
  }
  manifest.checks.push(pass('manifest.valid', t('Tệp kê khai hợp lệ', 'Manifest is valid'), t('Đọc được, đủ các khóa bắt buộc', 'Readable, complete'), v.manifestFile));

  const data: VerifyGroup = { id: 'data', name: t('Dữ liệu', 'Data'), checks: [] };
  groups.push(data);
  for (const f of v.dataFiles ?? []) {
    data.checks.push(f.errors.length === 0 ? pass(`data.${f.file}`, t(`Đọc ${f.file}`, `Read ${f.file}`), t('Không có lỗi', 'No errors'), f.file)
      : fail(`data.${f.file}`, t(`Đọc ${f.file}`, `Read ${f.file}`), t(f.errors.join('\n'), f.errors.join('\n')), f.file));
  }

  const nominees: VerifyGroup = { id: 'nominees', name: t('Người được đề nghị', 'Nominees'), checks: [] };
  groups.push(nominees);
  for (const x of v.nomineeIssues ?? []) nominees.checks.push(fail(`nominee.${x.request.award}.${x.request.subject}`, nomineeName(x.request.award, x.request.subject), x.message));
  for (const n of v.nominations ?? []) {
    const name = nomineeName(n.award, n.subject.subject.name);
    const id = `nominee.${n.award}.${n.subject.subject.id}`;
    const reasons = (status: 'unmet' | 'unknown') => n.verdict.checks.filter((c) => c.status === status).map((c) => ({ vi: `${c.requirement.vi}: ${c.found.vi}`, en: `${c.requirement.en}: ${c.found.en}` }));
    if (n.verdict.status === 'eligible') nominees.checks.push(pass(id, name, t('Đủ điều kiện', 'Eligible')));
    else if (n.verdict.status === 'review' && n.justification) nominees.checks.push({ id, name, state: 'warn', message: t(`Cần xem xét, đã có giải trình: ${n.justification}`, `Review, justified: ${n.justification}`) });
    else if (n.verdict.status === 'review') nominees.checks.push(fail(id, name, join(t('Cần xem xét nhưng chưa có giải trình (justification) trong tệp kê khai', 'Review without a justification in the manifest'), reasons('unknown'))));
    else nominees.checks.push(fail(id, name, join(t('Chưa đủ điều kiện', 'Ineligible'), reasons('unmet'))));
  }

  const caps: VerifyGroup = { id: 'caps', name: t('Giới hạn số lượng, tỷ lệ', 'Caps and shares'), checks: [] };
  groups.push(caps);
  for (const c of v.caps ?? []) {
    const name = t(`${AWARDS[c.award].short} của ${c.unit}`, `${AWARDS[c.award].short} of ${c.unit}`);
    caps.checks.push(c.nominated <= c.cap ? pass(`cap.${c.award}.${c.unit}`, name, t(`${c.nominated}/${c.cap}`, `${c.nominated}/${c.cap}`))
      : fail(`cap.${c.award}.${c.unit}`, name, t(`Đề nghị ${c.nominated}, tối đa ${c.cap}`, `${c.nominated} proposed, cap ${c.cap}`)));
  }

  if (caps.checks.length === 0) caps.checks.push(pass('cap.none', t('Giới hạn CSTĐCS theo tỷ lệ', 'CSTĐCS cap'), t('Không áp dụng với các đề nghị này (tham số cstdcs.cap-share)', 'Not applicable (parameter cstdcs.cap-share)')));

  const docs: VerifyGroup = { id: 'documents', name: t('Văn bản', 'Documents'), checks: [] };
  groups.push(docs);
  const fresh = v.fresh;
  const lockMatches = !!v.lock && !!fresh && v.lock.manifest === fresh.manifest && sameInputs(v.lock.inputs, fresh.inputs);
  for (const d of v.plan ?? []) docs.checks.push(checkDocument(d, v, lockMatches));
  for (const extra of v.extraDocuments ?? []) {
    docs.checks.push(fail(`document.${extra}`, t(`Văn bản ${extra}`, `Document ${extra}`), t('Văn bản thừa: không còn trong đề nghị (xóa đi hoặc lập lại hồ sơ)', 'Not part of the nominations any more'), file(v, extra)));
  }

  const consistency: VerifyGroup = { id: 'consistency', name: t('Khớp giữa tờ trình, danh sách, báo cáo', 'Counts agree'), checks: [] };
  groups.push(consistency);
  const byAward = new Map<string, PlannedDocument[]>();
  for (const d of v.plan ?? []) if (d.award) (byAward.get(d.award) ?? byAward.set(d.award, []).get(d.award)!).push(d);
  for (const [award, list] of byAward) {
    const nominees = (v.nominations ?? []).filter((n) => n.award === award).length;
    const reports = list.filter((d) => d.template.startsWith('bao-cao')).length;
    const present = list.filter((d) => d.template.startsWith('bao-cao') && v.documents?.get(d.path)).length;
    const stated = list.find((d) => d.template === 'to-trinh')?.data as { so_ca_nhan?: number; so_tap_the?: number } | undefined;
    const count = Number(stated?.so_ca_nhan ?? 0) + Number(stated?.so_tap_the ?? 0);
    const name = t(`${AWARDS[award as AwardId].name.vi}`, `${AWARDS[award as AwardId].name.en}`);
    const ok = count === nominees && (reports === 0 || present === nominees);
    consistency.checks.push(ok ? pass(`consistency.${award}`, name, t(`${nominees} đề nghị; tờ trình, danh sách${reports ? `, ${present} báo cáo` : ''} khớp nhau`, `${nominees} nominees; documents agree`))
      : fail(`consistency.${award}`, name, t(`Tờ trình ghi ${count}, danh sách có ${nominees}${reports ? `, có ${present}/${reports} báo cáo thành tích` : ''}`, `Stated ${count}, listed ${nominees}, reports ${present}/${reports}`)));
  }

  const attachments: VerifyGroup = { id: 'attachments', name: t('Tài liệu kèm theo', 'Attachments'), checks: [] };
  groups.push(attachments);
  for (const a of v.attachments ?? []) {
    const name = t(a.name, a.name);
    attachments.checks.push(a.exists ? pass(`attachment.${a.file}`, name, t(`Có ${a.file}`, `Found ${a.file}`), file(v, a.file, true))
      : fail(`attachment.${a.file}`, name, t(`Thiếu tệp ${a.file} đã kê khai`, `Declared file ${a.file} is missing`), file(v, a.file, true)));
  }
  const declared = v.attachments ?? [];
  const remind = (id: string, label: string, reminder: Reminder) =>
    attachments.checks.push({ id, name: t(`${label}${reminder.text}`, `${label}${reminder.text}`), state: 'warn', message: t('Nhắc: hồ sơ thường cần tài liệu này; kê khai trong attachments khi đã có', 'Reminder: usually required; declare it under attachments') });
  for (const r of COMMON_REMINDERS) if (!declares(declared, r)) remind(`reminder.${r.key}`, '', r);
  for (const award of new Set((v.nominations ?? []).map((n) => n.award))) {
    for (const r of remindersFor(award)) if (!declares(declared, r, award)) remind(`reminder.${award}.${r.key}`, `${AWARDS[award].short}: `, r);
  }
  return finish(v.dossier, groups);
}

function checkDocument(d: PlannedDocument, v: VerifyInput, lockMatches: boolean): VerifyCheck {
  const name = t(`Văn bản ${d.path}`, `Document ${d.path}`);
  const id = `document.${d.path}`;
  const where = file(v, d.path);
  const onDisk = v.documents?.get(d.path);
  if (!onDisk) return fail(id, name, t('Thiếu văn bản; chạy: tdkt generate --dossier <thư mục>', 'Missing; run tdkt generate --dossier'), where);
  const locked = v.lock?.documents.find((x) => x.path === d.path);
  const sameTemplate = !!locked && v.lock!.templates[d.template] === v.fresh?.templates[d.template];
  if (lockMatches && locked && sameTemplate && locked.data === dataHash(d) && locked.sha256 === onDisk.sha256) {
    return pass(id, name, t('Đúng như lúc lập (không đổi)', 'Unchanged since generated'), where);
  }
  const missing = missingFrom(onDisk.text(), derivedContent(d));
  if (missing.length === 0) return pass(id, name, t('Nội dung lấy từ dữ liệu vẫn khớp (phần viết tay được giữ nguyên)', 'Data-derived content matches'), where);
  const sample = missing.slice(0, 3).map((s) => `"${s.length > 80 ? `${s.slice(0, 77)}…` : s}"`).join(', ');
  const changedData = !lockMatches || (locked && locked.data !== dataHash(d));
  return fail(id, name, changedData
    ? t(`Dữ liệu đã thay đổi sau khi lập hồ sơ; văn bản thiếu ${sample}. Chạy lại: tdkt generate --dossier <thư mục> --force`, `Data changed since the documents were made; missing ${sample}`)
    : t(`Bảng hoặc tên lấy từ dữ liệu đã bị sửa tay: không thấy ${sample}`, `Data-derived content was edited by hand: missing ${sample}`), where);
}

function nomineeName(award: AwardId, subject: string): Text {
  return t(`${AWARDS[award].short} — ${subject}`, `${award} — ${subject}`);
}

function join(head: Text, lines: Text[]): Text {
  return { vi: [head.vi, ...lines.map((l) => `- ${l.vi}`)].join('\n'), en: [head.en, ...lines.map((l) => `- ${l.en}`)].join('\n') };
}

function sameInputs(a: { file: string; sha256: string }[], b: { file: string; sha256: string }[]): boolean {
  const key = (x: { file: string; sha256: string }[]) => x.map((i) => `${i.file}=${i.sha256}`).sort().join('\n');
  return key(a) === key(b);
}

function file(v: VerifyInput, path: string, inDossier = false): string {
  return inDossier ? path : `${v.output ?? 'ho-so'}/${path}`;
}

function finish(dossier: string, groups: VerifyGroup[]): VerifyReport {
  return { dossier, ok: groups.every((g) => g.checks.every((c) => c.state !== 'fail')), groups };
}

