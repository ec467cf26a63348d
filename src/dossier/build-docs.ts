import { AWARDS, type AwardId } from '../model/award.js';
import { formatDateVi } from '../model/date.js';
import { GUIDE, UNKNOWN, type DocumentInput } from '../model/documents.js';
import { comparePeriods, type Period } from '../model/period.js';
import type { Person, Timeline } from '../model/subject.js';
import type { Ruleset } from '../rules/types.js';
import type { Nomination } from './nominations.js';
import { awardPhrase, confersAward, countPhrase, dateLine, decisionText, documentNumber, honorific, orUnknown, type UnitDetails } from './wording.js';

// From nominations to the data of each document (src/model/documents.ts). Pure: the same inputs give the same
// data; what the data does not know is written "…" for the clerk, never invented.

export type Narrative = { nhiemVu?: string[]; thanhTich?: string[]; dacDiem?: string[] };

export type DossierInput = {
  asOf: Period;
  ruleset: Ruleset;
  details: UnitDetails;
  /** The proposing unit's name as written in documents ("Trường THCS Hoa Sen"). */
  unit: string;
  narratives: Map<string, Narrative>;
};

const agencyOf = (d: UnitDetails, unit: string) => ({ co_quan_chu_quan: d.parentAgency ?? '', ten_co_quan: d.agency ?? unit });
const signerOf = (d: UnitDetails) => ({ quyen_han_ky: '', chuc_vu_nguoi_ky: orUnknown(d.signerTitle), nguoi_ky: orUnknown(d.signer), noi_nhan: ['Như trên;', `Lưu: VT, TĐKT.`] });
const basisLines = (rs: Ruleset) => rs.basis.map((b) => `Căn cứ ${b};`);

function personal(tl: Timeline): Person | undefined {
  return tl.subject.kind === 'person' ? tl.subject : undefined;
}

function positionAndUnit(tl: Timeline): string {
  const p = personal(tl);
  const last = tl.records[tl.records.length - 1];
  const unit = [last?.team, tl.subject.unit].filter(Boolean).join(', ');
  return [p?.position, unit].filter(Boolean).join(', ') || UNKNOWN;
}

function birthYear(p: Person | undefined): string {
  return p?.birthDate ? p.birthDate.slice(0, 4) : p?.birthYear ? String(p.birthYear) : UNKNOWN;
}

/** One or two lines of achievement from what the verdict counted (not the presumed conduct criteria). */
export function summaryOf(n: Nomination): string {
  const parts = n.verdict.checks.filter((c) => c.status === 'met' && !c.presumed && c.criterion !== 'ldtt-standard').map((c) => c.found.vi);
  return parts.join('; ') || UNKNOWN;
}

// One collator for every sort: String#localeCompare(…, 'vi') builds one per call, a tenth of a second per 2,000 names.
const compareVi = new Intl.Collator('vi').compare;
const byName = (a: Nomination, b: Nomination) => compareVi(a.subject.subject.name, b.subject.subject.name);

/** Nominations grouped by unit (a Phòng or Sở batch lists each unit's nominees together), units sorted. */
function groupByUnit(noms: Nomination[]): { unit: string; noms: Nomination[] }[] {
  const groups = new Map<string, Nomination[]>();
  for (const n of noms) {
    const unit = n.subject.subject.kind === 'collective' ? n.subject.subject.unit ?? n.subject.subject.name : n.subject.subject.unit ?? UNKNOWN;
    (groups.get(unit) ?? groups.set(unit, []).get(unit)!).push(n);
  }
  return [...groups].sort(([a], [b]) => compareVi(a, b)).map(([unit, list]) => ({ unit, noms: list.sort(byName) }));
}

const ROMAN = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X', 'XI', 'XII', 'XIII', 'XIV', 'XV', 'XVI', 'XVII', 'XVIII', 'XIX', 'XX'];
const roman = (i: number) => ROMAN[i] ?? String(i + 1);

export function toTrinh(award: AwardId, noms: Nomination[], input: DossierInput): DocumentInput<'to-trinh'> {
  const { details: d } = input;
  const persons = noms.filter((n) => n.subject.subject.kind === 'person').sort(byName);
  const collectives = noms.filter((n) => n.subject.subject.kind === 'collective').sort(byName);
  const sections = [
    ...(persons.length ? [{ muc: `${roman(0)}. Cá nhân`, dong: persons.map((n, i) => `${i + 1}. ${honorific(personal(n.subject)?.gender)} ${n.subject.subject.name}, ${positionAndUnit(n.subject)};`) }] : []),
    ...(collectives.length ? [{ muc: `${roman(persons.length ? 1 : 0)}. Tập thể`, dong: collectives.map((n, i) => `${i + 1}. ${n.subject.subject.name}${n.subject.subject.unit ? `, ${n.subject.subject.unit}` : ''};`) }] : []),
  ];
  return {
    mau_so: 'Mẫu số 01', ...agencyOf(d, input.unit), so_ky_hieu: documentNumber('TTr', d, d.number), dia_danh: orUnknown(d.place), ngay_thang: dateLine(d.date),
    trich_yeu: `đề nghị tặng ${awardPhrase(award)} năm học ${input.asOf}`,
    kinh_gui: orUnknown(d.recipient),
    can_cu: [...basisLines(input.ruleset), `Căn cứ kết quả họp Hội đồng Thi đua - Khen thưởng ${d.agency ?? input.unit} ${d.meeting?.date ? `ngày ${d.meeting.date}` : `ngày ${UNKNOWN}`};`],
    noi_trinh: confersAward(award),
    hinh_thuc: AWARDS[award].name.vi,
    so_tap_the: collectives.length,
    so_ca_nhan: persons.length,
    so_luong: countPhrase([[collectives.length, 'tập thể'], [persons.length, 'cá nhân']]),
    de_nghi: sections,
    ...signerOf(d),
  };
}

export function danhSach(award: AwardId, noms: Nomination[], input: DossierInput, toTrinhNumber: string): DocumentInput<'danh-sach'> {
  const { details: d } = input;
  const persons = groupByUnit(noms.filter((n) => n.subject.subject.kind === 'person'));
  const collectives = groupByUnit(noms.filter((n) => n.subject.subject.kind === 'collective'));
  const many = (groups: unknown[]) => groups.length > 1;
  let stt = 0;
  const caNhan = persons.map((g, i) => ({
    so_nhom: roman(i), don_vi: many(persons) ? g.unit : '',
    ca_nhan: g.noms.map((n) => {
      const p = personal(n.subject);
      return { stt: ++stt, ho_ten: n.subject.subject.name, nam_sinh: birthYear(p), gioi_tinh: p?.gender === 'nu' ? 'Nữ' : p?.gender === 'nam' ? 'Nam' : UNKNOWN,
        chuc_vu_don_vi: positionAndUnit(n.subject), hinh_thuc: AWARDS[award].name.vi, tom_tat: summaryOf(n), ghi_chu: n.verdict.status === 'review' ? 'Cần xem xét' : '' };
    }),
  }));
  let sttT = 0;
  const tapThe = collectives.map((g, i) => ({
    so_nhom: roman(i), don_vi: many(collectives) ? g.unit : '',
    tap_the: g.noms.map((n) => ({ stt: ++sttT, ten_tap_the: n.subject.subject.name, hinh_thuc: AWARDS[award].name.vi, tom_tat: summaryOf(n), ghi_chu: n.verdict.status === 'review' ? 'Cần xem xét' : '' })),
  }));
  return {
    ...agencyOf(d, input.unit), hinh_thuc: AWARDS[award].name.vi,
    kem_theo: `Tờ trình số ${toTrinhNumber} ${dateLine(d.date)} của ${d.agency ?? input.unit}`,
    muc_ca_nhan: stt > 0 ? 'I. CÁ NHÂN' : '', nhom_ca_nhan: caNhan,
    muc_tap_the: sttT > 0 ? `${stt > 0 ? 'II' : 'I'}. TẬP THỂ` : '', nhom_tap_the: tapThe,
    so_ca_nhan: stt, so_tap_the: sttT,
    so_luong: countPhrase([[stt, 'cá nhân'], [sttT, 'tập thể']]),
  };
}

function historyRows(tl: Timeline, asOf: Period): Pick<DocumentInput<'bao-cao-ca-nhan'>, 'danh_hieu' | 'khen_thuong'> {
  const danh_hieu: { nam: string; danh_hieu: string; quyet_dinh: string }[] = [];
  const khen_thuong: { nam: string; hinh_thuc: string; quyet_dinh: string }[] = [];
  for (const r of [...tl.records].sort((a, b) => comparePeriods(a.period, b.period))) {
    if (comparePeriods(r.period, asOf) > 0) continue;
    const revoked = new Set((r.revoked ?? []).map((x) => x.award));
    for (const h of r.titles ?? []) if (!revoked.has(h.award)) danh_hieu.push({ nam: r.period, danh_hieu: AWARDS[h.award].name.vi, quyet_dinh: decisionText(h) });
    for (const h of r.awards ?? []) if (!revoked.has(h.award)) khen_thuong.push({ nam: r.period, hinh_thuc: `${AWARDS[h.award].name.vi}${h.kind !== 'cong-trang' ? ` (${h.kind === 'chuyen-de' ? 'chuyên đề' : h.kind === 'dot-xuat' ? 'đột xuất' : h.kind})` : ''}`, quyet_dinh: decisionText(h) });
  }
  return { danh_hieu, khen_thuong };
}

export function baoCaoCaNhan(award: AwardId, n: Nomination, input: DossierInput): DocumentInput<'bao-cao-ca-nhan'> {
  const p = personal(n.subject)!;
  const story = input.narratives.get(p.id);
  return {
    mau_so: 'Mẫu số 03', dia_danh: orUnknown(input.details.place), ngay_thang: dateLine(input.details.date), hinh_thuc: AWARDS[award].name.vi,
    ho_ten: p.name, ngay_sinh: p.birthDate ? formatDateVi(p.birthDate) : p.birthYear ? String(p.birthYear) : UNKNOWN,
    gioi_tinh: p.gender === 'nu' ? 'Nữ' : p.gender === 'nam' ? 'Nam' : UNKNOWN,
    que_quan: UNKNOWN, tru_quan: UNKNOWN, don_vi_cong_tac: orUnknown(p.unit), chuc_vu: orUnknown(p.position), trinh_do: UNKNOWN, hoc_ham_hoc_vi: UNKNOWN,
    nhiem_vu: story?.nhiemVu ?? GUIDE.nhiemVuCaNhan, thanh_tich: story?.thanhTich ?? GUIDE.thanhTichCaNhan,
    ...historyRows(n.subject, input.asOf),
  };
}

export function baoCaoTapThe(award: AwardId, n: Nomination, input: DossierInput): DocumentInput<'bao-cao-tap-the'> {
  const story = input.narratives.get(n.subject.subject.id);
  return {
    mau_so: 'Mẫu số 02', dia_danh: orUnknown(input.details.place), ngay_thang: dateLine(input.details.date), hinh_thuc: AWARDS[award].name.vi,
    ten_tap_the: n.subject.subject.name,
    dac_diem: story?.dacDiem ?? GUIDE.dacDiemTapThe, nhiem_vu: story?.nhiemVu ?? GUIDE.nhiemVuTapThe, thanh_tich: story?.thanhTich ?? GUIDE.thanhTichTapThe,
    ...historyRows(n.subject, input.asOf),
  };
}

export function bienBan(byAward: [AwardId, Nomination[]][], input: DossierInput): DocumentInput<'bien-ban'> {
  const { details: d } = input;
  const m = d.meeting ?? {};
  const members = m.members ?? [];
  return {
    ...agencyOf(d, input.unit), so_ky_hieu: documentNumber('BB', d), dia_danh: orUnknown(d.place), ngay_thang: dateLine(m.date ?? d.date),
    trich_yeu: `Họp Hội đồng Thi đua - Khen thưởng xét đề nghị khen thưởng năm học ${input.asOf}`,
    thoi_gian: `… giờ … phút, ${dateLine(m.date)}`, dia_diem: orUnknown(m.place),
    chu_tri: orUnknown(m.chair ?? d.signer), chuc_vu_chu_tri: `${orUnknown(d.signerTitle)}, Chủ tịch Hội đồng`,
    thu_ky: orUnknown(m.secretary), chuc_vu_thu_ky: UNKNOWN,
    so_thanh_vien: members.length || UNKNOWN, so_co_mat: UNKNOWN, vang_mat: UNKNOWN,
    thanh_vien: (members.length ? members : [UNKNOWN]).map((name, i) => ({ stt: i + 1, ho_ten: name, chuc_vu: UNKNOWN, chuc_danh: UNKNOWN })),
    bieu_quyet: byAward.map(([award, noms], i) => ({
      so_nhom: roman(i), hinh_thuc: AWARDS[award].name.vi,
      de_nghi: [...noms].sort(byName).map((n, j) => ({ stt: j + 1, ten: n.subject.subject.name, chuc_vu_don_vi: n.subject.subject.kind === 'person' ? positionAndUnit(n.subject) : orUnknown(n.subject.subject.unit), dong_y: `${UNKNOWN}/${UNKNOWN}`, ty_le: UNKNOWN, ghi_chu: '' })),
    })),
    noi_dung: GUIDE.noiDungHop, ket_luan: GUIDE.ketLuanHop,
    ket_thuc: '… giờ … phút',
  };
}

export function quyetDinh(award: AwardId, noms: Nomination[], input: DossierInput): DocumentInput<'quyet-dinh'> {
  const { details: d } = input;
  const number = documentNumber('QĐ', d);
  const head = `${orUnknown(d.signerTitle)} ${d.agency ?? input.unit}`;
  const collective = AWARDS[award].kinds.includes('collective') && !AWARDS[award].kinds.includes('person');
  const groups = groupByUnit(noms);
  const count = countPhrase([[noms.length, collective ? 'tập thể' : 'cá nhân']]);
  return {
    ...agencyOf(d, input.unit), so_ky_hieu: number, dia_danh: orUnknown(d.place), ngay_thang: dateLine(d.date),
    trich_yeu: `công nhận danh hiệu "${AWARDS[award].name.vi}" năm học ${input.asOf}`, tham_quyen: head,
    can_cu: [...basisLines(input.ruleset), `Theo đề nghị của Hội đồng Thi đua - Khen thưởng ${d.agency ?? input.unit}.`],
    dieu: [
      { so: '1', noi_dung: `Công nhận danh hiệu "${AWARDS[award].name.vi}" năm học ${input.asOf} cho ${count} có tên trong danh sách kèm theo.` },
      { so: '2', noi_dung: 'Các tập thể, cá nhân có tên tại Điều 1 được khen thưởng theo quy định hiện hành.' },
      { so: '3', noi_dung: 'Quyết định này có hiệu lực kể từ ngày ký. Các bộ phận liên quan và các tập thể, cá nhân có tên tại Điều 1 chịu trách nhiệm thi hành Quyết định này.' },
    ],
    ...signerOf(d),
    tieu_de_danh_sach: `${collective ? 'Tập thể' : 'Cá nhân'} đạt danh hiệu "${AWARDS[award].name.vi}" năm học ${input.asOf}`,
    kem_theo: `Kèm theo Quyết định số ${number} ${dateLine(d.date)} của ${head}`,
    cot_ten: collective ? 'Tên tập thể' : 'Họ và tên',
    nhom: groups.map((g, i) => ({
      so_nhom: roman(i), don_vi: groups.length > 1 ? g.unit : '',
      dong: g.noms.map((n, j) => ({ stt: j + 1, ten: n.subject.subject.name, chuc_vu_don_vi: collective ? orUnknown(n.subject.subject.unit) : positionAndUnit(n.subject), ghi_chu: '' })),
    })),
    so_luong: count,
  };
}
