import { foldKey } from './text.js';

// What a column means. Headers are matched by meaning on folded text (case, diacritics, spacing and
// punctuation ignored); the first entry whose synonyms contain the header wins, then the patterns.
export const FIELDS = [
  'stt', 'id', 'name', 'birthDate', 'birthMale', 'birthFemale', 'gender', 'male', 'female', 'position', 'unit', 'team',
  'entryDate', 'period', 'rating', 'titles', 'initiatives', 'initiativeType', 'initiativeLevel', 'initiativeBasis', 'award',
  'awardKind', 'decisionNumber', 'decisionDate', 'decision', 'authority', 'discipline', 'disciplineUntil',
  'leave', 'revoked', 'note', 'unitCode', 'collectiveName', 'parent',
  'criterion', 'answer', 'confirmer', 'basis', 'proposal',
] as const;
export type Field = (typeof FIELDS)[number];

const SYNONYMS: Record<Field, string[]> = {
  stt: ['stt', 'tt', 'so tt', 'so thu tu', 'thu tu'],
  id: ['ma dinh danh', 'ma dinh danh ca nhan', 'so dinh danh', 'so dinh danh ca nhan', 'so cccd', 'cccd', 'can cuoc cong dan',
    'so can cuoc', 'so can cuoc cong dan', 'cmnd', 'so cmnd', 'cmnd cccd', 'so cmnd cccd', 'ma cb', 'ma can bo', 'ma cbccvc',
    'ma cbcc', 'ma vien chuc', 'ma nhan vien', 'ma gv', 'ma giao vien', 'ma so', 'ma dd'],
  name: ['ho va ten', 'ho ten', 'ho va ten ca nhan', 'ho ten ca nhan', 'ten can bo', 'ho va ten can bo', 'ho va ten giao vien',
    'ho ten giao vien', 'ong ba', 'ho va ten ong ba', 'ho ten ong ba', 'ten ca nhan'],
  birthDate: ['ngay sinh', 'ngay thang nam sinh', 'nam sinh', 'sinh ngay', 'ngay sinh nam sinh'],
  birthMale: ['ngay sinh nam', 'nam sinh nam', 'ngay thang nam sinh nam'],
  birthFemale: ['ngay sinh nu', 'nam sinh nu', 'ngay thang nam sinh nu'],
  gender: ['gioi tinh', 'gioi', 'nam nu', 'nam hay nu', 'phai'],
  male: ['gioi tinh nam'],
  female: ['nu', 'gioi tinh nu'],
  position: ['chuc vu', 'chuc danh', 'chuc vu chuc danh', 'chuc danh nghe nghiep', 'chuc vu hien tai', 'chuc vu don vi', 'chuc vu don vi cong tac'],
  unit: ['don vi', 'don vi cong tac', 'co quan', 'co quan don vi', 'truong', 'ten truong', 'noi cong tac', 'don vi truong'],
  team: ['to', 'to chuyen mon', 'to cm', 'to bo phan', 'bo phan', 'to van phong', 'to khoi', 'khoi'],
  entryDate: ['ngay vao nganh', 'nam vao nganh', 'thoi gian vao nganh', 'ngay vao nganh giao duc', 'nam vao nganh giao duc',
    'ngay tuyen dung', 'nam tuyen dung', 'ngay bat dau cong tac', 'nam cong tac'],
  period: ['nam hoc', 'nam', 'nam danh gia', 'ky danh gia', 'nam xet', 'giai doan', 'nh'],
  rating: ['xep loai', 'muc do hoan thanh nhiem vu', 'muc do hoan thanh', 'danh gia', 'danh gia xep loai', 'xep loai danh gia',
    'ket qua danh gia', 'ket qua xep loai', 'xep loai vien chuc', 'xep loai cbccvc', 'danh gia xep loai vien chuc',
    'muc do htnv', 'xep loai chat luong', 'kq danh gia'],
  titles: ['danh hieu thi dua', 'danh hieu', 'danh hieu dat duoc', 'danh hieu thi dua dat duoc', 'ket qua thi dua', 'thi dua', 'dhtd'],
  initiatives: ['sang kien', 'so sang kien', 'sang kien kinh nghiem', 'skkn', 'ten sang kien', 'sang kien de tai',
    'sang kien de tai khoa hoc', 'de tai', 'de tai nckh', 'de tai khoa hoc', 'ten sang kien de tai', 'so skkn'],
  initiativeType: ['phan loai', 'loai sang kien', 'loai sk', 'sang kien hay de tai', 'loai sang kien de tai', 'sk hay de tai'],
  initiativeLevel: ['cap cong nhan sang kien', 'cap cong nhan', 'cap sang kien', 'pham vi anh huong', 'cap cong nhan skkn',
    'pham vi anh huong cua sang kien', 'cap'],
  initiativeBasis: ['dung xet cstdcs', 'da dung xet cstdcs', 'dung de xet cstdcs', 'can cu xet cstdcs', 'lam can cu cstdcs'],
  award: ['hinh thuc khen thuong', 'khen thuong', 'hinh thuc', 'hinh thuc khen', 'danh hieu khen thuong', 'khen thuong da nhan'],
  awardKind: ['loai khen thuong', 'loai khen', 'loai hinh khen thuong', 'khen thuong theo', 'hinh thuc xet'],
  decisionNumber: ['so quyet dinh', 'so qd', 'so hieu quyet dinh', 'quyet dinh so'],
  decisionDate: ['ngay quyet dinh', 'ngay qd', 'ngay ky', 'ngay ban hanh', 'ngay ky quyet dinh'],
  decision: ['so ngay quyet dinh', 'so ngay qd', 'quyet dinh', 'qd', 'so ngay thang nam quyet dinh', 'so ngay thang nam cua quyet dinh',
    'quyet dinh cong nhan', 'so ngay thang nam cua quyet dinh cong nhan danh hieu thi dua co quan ban hanh quyet dinh'],
  authority: ['co quan ban hanh', 'cap khen', 'cap quyet dinh', 'co quan quyet dinh', 'noi ban hanh', 'nguoi ky', 'cap ra quyet dinh'],
  discipline: ['ky luat', 'hinh thuc ky luat', 'bi ky luat', 'ky luat neu co'],
  disciplineUntil: ['thoi han ky luat', 'ky luat den', 'het thoi han ky luat', 'ky luat den ngay', 'ngay het ky luat'],
  leave: ['nghi', 'nghi thai san', 'nghi dai ngay', 'nghi om', 'di hoc', 'thoi gian nghi', 'ly do nghi'],
  revoked: ['thu hoi', 'da thu hoi', 'huy bo', 'bi thu hoi'],
  note: ['ghi chu', 'ghi chu khac', 'gc'],
  unitCode: ['ma don vi', 'ma tap the', 'ma truong', 'ma dv'],
  collectiveName: ['ten tap the', 'ten don vi', 'tap the', 'ten to', 'ten to chuyen mon', 'ten to bo phan'],
  parent: ['don vi cap tren', 'cap tren', 'thuoc don vi', 'truc thuoc', 'don vi chu quan', 'co quan chu quan', 'thuoc'],
  // A "Xác nhận" sheet: the answers of the council (or a named person) to what data cannot decide.
  criterion: ['tieu chi', 'tieu chuan', 'noi dung xac nhan', 'tieu chi xac nhan', 'tieu chuan xac nhan', 'tieu chi can xac nhan',
    'ma tieu chi', 'dieu kien'],
  answer: ['ket qua', 'xac nhan', 'ket qua xac nhan', 'dat khong dat', 'dat hay khong', 'y kien xac nhan'],
  confirmer: ['nguoi xac nhan', 'xac nhan boi', 'ho ten nguoi xac nhan', 'can bo xac nhan', 'noi xac nhan', 'don vi xac nhan'],
  basis: ['can cu', 'can cu xac nhan', 'minh chung', 'van ban can cu', 'ly do'],
  proposal: ['danh hieu hinh thuc de nghi', 'danh hieu hinh thuc khen thuong de nghi', 'danh hieu de nghi', 'hinh thuc de nghi',
    'hinh thuc khen thuong de nghi', 'de nghi', 'khen thuong de nghi'],
};

// Longer headers ("Mức độ hoàn thành nhiệm vụ năm học 2023-2024") matched by what they start with.
const PREFIXES: [RegExp, Field][] = [
  [/^(muc do hoan thanh nhiem vu|xep loai|danh gia xep loai)\b/, 'rating'],
  [/^danh hieu thi dua\b/, 'titles'],
  [/^(ho va ten|ho ten)\b/, 'name'],
  [/^(so cccd|so cmnd|ma dinh danh|so dinh danh)\b/, 'id'],
  [/^(ngay sinh|ngay thang nam sinh|nam sinh)\b/, 'birthDate'],
  [/^(sang kien|so sang kien|de tai)\b/, 'initiatives'],
  [/^(hinh thuc khen thuong|khen thuong)\b/, 'award'],
  [/^so ngay (thang nam )?(cua )?quyet dinh\b/, 'decision'],
  [/^(ngay vao nganh|nam vao nganh)\b/, 'entryDate'],
  [/^ky luat\b/, 'discipline'],
  [/^ghi chu\b/, 'note'],
  [/^chuc vu\b/, 'position'],
];

const BY_SYNONYM = new Map<string, Field>();
for (const field of FIELDS) for (const s of SYNONYMS[field]) if (!BY_SYNONYM.has(s)) BY_SYNONYM.set(s, field);

/** The field a header names; `exact` skips the prefix patterns (for a merged header read with the row above). */
export function matchField(header: string, exact = false): Field | undefined {
  const k = foldKey(header).replace(/^\(?\d+\)?\s+/, '');
  if (k === '') return undefined;
  return BY_SYNONYM.get(k) ?? (exact ? undefined : PREFIXES.find(([re]) => re.test(k))?.[1]);
}

/** The synonyms of a field, for documentation and `inspect`. */
export function synonymsOf(field: Field): readonly string[] {
  return SYNONYMS[field];
}
