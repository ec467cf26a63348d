import { z } from 'zod';

// The data of each nomination document. Every key is a placeholder of the document's template, in Vietnamese
// snake_case; the templates and docs/templates.md are checked against these schemas (`tdkt template check`).
// A value the data does not know is written as UNKNOWN ("…") by whoever builds the data, never invented.

export const DOCUMENT_IDS = ['to-trinh', 'danh-sach', 'bao-cao-ca-nhan', 'bao-cao-tap-the', 'bien-ban', 'quyet-dinh'] as const;
export const documentIdSchema = z.enum(DOCUMENT_IDS);
export type DocumentId = z.infer<typeof documentIdSchema>;

export const UNKNOWN = '…';
export const UNKNOWN_DATE_LINE = 'ngày … tháng … năm …';

/** What a placeholder means, and whether a template must show it (`missing` in `tdkt template check`). */
export type PlaceholderMeta = { description: string; required: boolean };
export const placeholderMeta = z.registry<PlaceholderMeta>();

const text = (description: string) => z.string().register(placeholderMeta, { description, required: true });
const optionalText = (description: string) =>
  z.string().default('').register(placeholderMeta, { description, required: false });
const count = (description: string) =>
  z.union([z.string(), z.number()]).register(placeholderMeta, { description, required: true });
// Counts kept for verification and for templates made before so_luong: a template need not show them.
const optionalCount = (description: string) =>
  z.union([z.string(), z.number()]).register(placeholderMeta, { description, required: false });
const paragraphs = (description: string) => z.array(z.string()).register(placeholderMeta, { description, required: true });
// Narrative the clerk may not have written yet: left out, it shows the guide.
const narrative = (description: string, guide: string[]) =>
  z.array(z.string()).default(guide).register(placeholderMeta, { description, required: true });
const rows = <T extends z.ZodRawShape>(description: string, shape: T) =>
  z.array(z.object(shape)).register(placeholderMeta, { description, required: true });

// Guided text shown where the clerk has not written the narrative yet (issue 4: "a guided placeholder").
export const GUIDE = {
  nhiemVuCaNhan: ['[Nêu quyền hạn, nhiệm vụ được giao hoặc đảm nhận: môn học và lớp giảng dạy, công tác chủ nhiệm, nhiệm vụ kiêm nhiệm trong tổ chuyên môn và đoàn thể.]'],
  thanhTichCaNhan: [
    '[Nêu thành tích đạt được của cá nhân: kết quả thực hiện nhiệm vụ được giao (số liệu so sánh qua các năm);',
    '- các giải pháp, sáng kiến, đề tài nghiên cứu và hiệu quả, phạm vi áp dụng;',
    '- việc đổi mới công tác quản lý, cải cách hành chính; học tập nâng cao trình độ chuyên môn, nghiệp vụ.]',
  ],
  dacDiemTapThe: [
    '- Địa điểm trụ sở chính, điện thoại, fax; địa chỉ trang tin điện tử: …',
    '- Quá trình thành lập và phát triển: …',
    '- Những đặc điểm chính của đơn vị (điều kiện tự nhiên, xã hội, cơ cấu tổ chức, cơ sở vật chất), các tổ chức đảng, đoàn thể: …',
  ],
  nhiemVuTapThe: ['[Chức năng, nhiệm vụ được giao.]'],
  thanhTichTapThe: [
    '1. [Kết quả thực hiện nhiệm vụ được giao: các chỉ tiêu về số lượng, chất lượng, hiệu quả so với các năm trước; đổi mới quản lý, cải cách hành chính; giải pháp, sáng kiến và hiệu quả áp dụng.]',
    '2. Những biện pháp hoặc nguyên nhân đạt được thành tích; các phong trào thi đua đã được áp dụng: …',
    '3. Việc thực hiện chủ trương, đường lối của Đảng, chính sách và pháp luật của Nhà nước: …',
    '4. Hoạt động của tổ chức đảng, đoàn thể: …',
  ],
  noiDungHop: [
    'Chủ trì cuộc họp quán triệt tiêu chuẩn các danh hiệu thi đua, hình thức khen thưởng theo quy định; Thường trực Hội đồng báo cáo tóm tắt thành tích của các tập thể, cá nhân được đề nghị.',
    'Hội đồng thảo luận, nhận xét từng trường hợp và biểu quyết (bỏ phiếu kín) đề nghị khen thưởng. Kết quả như sau:',
  ],
  ketLuanHop: ['Hội đồng thống nhất đề nghị khen thưởng các tập thể, cá nhân có tên trên. Biên bản đã được thông qua trước Hội đồng và các thành viên dự họp nhất trí.'],
};

const agency = {
  co_quan_chu_quan: optionalText('Tên cơ quan, tổ chức chủ quản (dòng trên của ô tên cơ quan, in hoa khi in); để trống nếu không có'),
  ten_co_quan: text('Tên cơ quan, đơn vị viết thường, ví dụ "Trường THCS Hoa Sen" (ô tên cơ quan in hoa khi in)'),
};
const numbered = { so_ky_hieu: text('Số và ký hiệu văn bản sau "Số:", ví dụ "07/TTr-THCSHS" hoặc "…/TTr-THCSHS"') };
const dated = {
  dia_danh: text('Địa danh ở dòng ngày tháng (tỉnh, thành phố hoặc xã, phường)'),
  ngay_thang: text('Ngày tháng năm, ví dụ "ngày 05 tháng 02 năm 2025"; "ngày … tháng … năm …" khi chưa biết'),
};
const formNumber = { mau_so: optionalText('Số hiệu mẫu in ở góc trên trang đầu, ví dụ "Mẫu số 01"; để trống thì không in') };
const signer = {
  quyen_han_ky: optionalText('Quyền hạn ký (TM., KT., TL., TUQ.) và chức vụ người đứng đầu, ví dụ "KT. HIỆU TRƯỞNG"; để trống khi người đứng đầu ký'),
  chuc_vu_nguoi_ky: text('Chức vụ người ký, ví dụ "Hiệu trưởng" (in hoa khi in)'),
  nguoi_ky: text('Họ và tên người ký'),
  noi_nhan: paragraphs('Nơi nhận, mỗi dòng một nơi (mẫu thêm "- " ở đầu dòng), dòng cuối "Lưu: VT, …"'),
};
const canCu = { can_cu: paragraphs('Các dòng căn cứ pháp lý, mỗi dòng một văn bản, theo bộ quy tắc đang áp dụng') };
const history = {
  danh_hieu: rows('Bảng III.1: danh hiệu thi đua đã đạt', {
    nam: text('Năm học hoặc năm'),
    danh_hieu: text('Danh hiệu thi đua'),
    quyet_dinh: text('Số, ngày, tháng, năm của quyết định công nhận; cơ quan ban hành'),
  }),
  khen_thuong: rows('Bảng III.2: hình thức khen thưởng đã nhận', {
    nam: text('Năm học hoặc năm'),
    hinh_thuc: text('Hình thức khen thưởng'),
    quyet_dinh: text('Số, ngày, tháng, năm của quyết định khen thưởng; cơ quan ban hành'),
  }),
};
const awardName = { hinh_thuc: text('Hình thức khen thưởng hoặc danh hiệu đề nghị, ví dụ "Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh"') };
const unitGroup = {
  so_nhom: text('Số thứ tự của nhóm (đơn vị), ví dụ "I", "A"'),
  don_vi: optionalText('Tên đơn vị của nhóm; để trống (một đơn vị) thì không in dòng nhóm'),
};

export const toTrinhSchema = z.object({
  ...formNumber, ...agency, ...numbered, ...dated,
  trich_yeu: text('Trích yếu sau "Về việc", ví dụ "đề nghị tặng Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh"'),
  kinh_gui: text('Nơi nhận tờ trình sau "Kính gửi:"'),
  ...canCu,
  noi_trinh: text('Cấp có thẩm quyền xét tặng, trong câu "… kính trình … xem xét"'),
  ...awardName,
  so_luong: text('Số lượng đề nghị trong câu trình, ví dụ "01 tập thể và 02 cá nhân" hoặc "03 cá nhân" (loại không có thì bỏ)'),
  so_tap_the: optionalCount('Số tập thể đề nghị, bằng số danh sách'),
  so_ca_nhan: optionalCount('Số cá nhân đề nghị, bằng số danh sách'),
  de_nghi: rows('Danh sách trong thân tờ trình, theo mục (I. Cá nhân, II. Tập thể)', {
    muc: text('Tiêu đề mục, ví dụ "I. Cá nhân"'),
    dong: paragraphs('Các dòng của mục, ví dụ "1. Bà Nguyễn Thị An, Giáo viên, Tổ Toán - Tin;"'),
  }),
  ...signer,
});

const caNhanRow = {
  stt: count('Số thứ tự'),
  ho_ten: text('Họ và tên'),
  nam_sinh: text('Năm sinh'),
  gioi_tinh: text('Giới tính (Nam/Nữ)'),
  chuc_vu_don_vi: text('Chức vụ, đơn vị công tác'),
  hinh_thuc: text('Hình thức đề nghị'),
  tom_tat: text('Tóm tắt thành tích (1–2 dòng)'),
  ghi_chu: optionalText('Ghi chú'),
};
const tapTheRow = {
  stt: count('Số thứ tự'),
  ten_tap_the: text('Tên tập thể, ghi đầy đủ, không viết tắt'),
  hinh_thuc: text('Hình thức đề nghị'),
  tom_tat: text('Tóm tắt thành tích (1–2 dòng)'),
  ghi_chu: optionalText('Ghi chú'),
};

export const danhSachSchema = z.object({
  ...agency, ...awardName,
  kem_theo: text('Văn bản mà danh sách kèm theo, ví dụ "Tờ trình số …/TTr-THCSHS ngày … tháng … năm … của Trường THCS Hoa Sen"'),
  muc_ca_nhan: optionalText('Tiêu đề bảng cá nhân, ví dụ "I. CÁ NHÂN"; để trống khi không có cá nhân thì bỏ cả bảng'),
  nhom_ca_nhan: rows('Bảng cá nhân, theo nhóm đơn vị', { ...unitGroup, ca_nhan: rows('Các dòng cá nhân của nhóm', caNhanRow) }),
  muc_tap_the: optionalText('Tiêu đề bảng tập thể, ví dụ "II. TẬP THỂ"; để trống khi không có tập thể thì bỏ cả bảng'),
  nhom_tap_the: rows('Bảng tập thể, theo nhóm đơn vị', { ...unitGroup, tap_the: rows('Các dòng tập thể của nhóm', tapTheRow) }),
  so_luong: text('Số lượng trong danh sách, ví dụ "02 cá nhân và 01 tập thể" (loại không có thì bỏ)'),
  so_ca_nhan: optionalCount('Tổng số cá nhân trong danh sách'),
  so_tap_the: optionalCount('Tổng số tập thể trong danh sách'),
});

export const baoCaoCaNhanSchema = z.object({
  ...formNumber, ...dated, ...awardName,
  ho_ten: text('Họ và tên, viết thường, không viết tắt'),
  ngay_sinh: text('Ngày, tháng, năm sinh'),
  gioi_tinh: text('Giới tính'),
  dan_toc: optionalText('Dân tộc; để trống thì không in dòng này'),
  que_quan: text('Quê quán (xã/phường, tỉnh/thành phố)'),
  tru_quan: text('Trú quán'),
  don_vi_cong_tac: text('Đơn vị công tác'),
  chuc_vu: text('Chức vụ (Đảng, chính quyền, đoàn thể)'),
  trinh_do: text('Trình độ lý luận chính trị, chuyên môn, nghiệp vụ'),
  hoc_ham_hoc_vi: text('Học hàm, học vị, danh hiệu, giải thưởng'),
  nhiem_vu: narrative('II.1 Quyền hạn, nhiệm vụ được giao (các đoạn văn)', GUIDE.nhiemVuCaNhan),
  thanh_tich: narrative('II.2 Thành tích đạt được (các đoạn văn hoặc gạch đầu dòng)', GUIDE.thanhTichCaNhan),
  ...history,
  thu_truong: optionalText('Họ và tên thủ trưởng đơn vị xác nhận; để trống để ký tay'),
});

export const baoCaoTapTheSchema = z.object({
  ...formNumber, ...dated, ...awardName,
  ten_tap_the: text('Tên tập thể đề nghị, viết thường, không viết tắt'),
  dac_diem: narrative('I.1 Đặc điểm, tình hình', GUIDE.dacDiemTapThe),
  nhiem_vu: narrative('I.2 Chức năng, nhiệm vụ', GUIDE.nhiemVuTapThe),
  thanh_tich: narrative('II. Thành tích đạt được', GUIDE.thanhTichTapThe),
  ...history,
  thu_truong: optionalText('Họ và tên thủ trưởng đơn vị; để trống để ký tay'),
});

export const bienBanSchema = z.object({
  ...agency, ...numbered, ...dated,
  trich_yeu: text('Nội dung cuộc họp dưới chữ BIÊN BẢN, ví dụ "Họp Hội đồng Thi đua - Khen thưởng xét đề nghị khen thưởng năm học 2024-2025"'),
  thoi_gian: text('Thời gian họp, ví dụ "… giờ … phút, ngày … tháng … năm …"'),
  dia_diem: text('Địa điểm họp'),
  chu_tri: text('Họ và tên người chủ trì'),
  chuc_vu_chu_tri: text('Chức vụ người chủ trì, ví dụ "Hiệu trưởng, Chủ tịch Hội đồng"'),
  thu_ky: text('Họ và tên thư ký'),
  chuc_vu_thu_ky: text('Chức vụ thư ký'),
  so_thanh_vien: count('Tổng số thành viên Hội đồng'),
  so_co_mat: count('Số thành viên có mặt'),
  vang_mat: text('Thành viên vắng mặt và lý do; "không" khi đủ'),
  thanh_vien: rows('Bảng thành viên Hội đồng dự họp', {
    stt: count('Số thứ tự'),
    ho_ten: text('Họ và tên'),
    chuc_vu: text('Chức vụ'),
    chuc_danh: text('Chức danh trong Hội đồng (Chủ tịch, Phó Chủ tịch, Ủy viên, Thư ký)'),
  }),
  noi_dung: narrative('Diễn biến cuộc họp', GUIDE.noiDungHop),
  bieu_quyet: rows('Bảng kết quả biểu quyết, theo nhóm hình thức khen thưởng', {
    so_nhom: text('Số thứ tự nhóm, ví dụ "I"'),
    hinh_thuc: text('Hình thức khen thưởng của nhóm'),
    de_nghi: rows('Các dòng đề nghị của nhóm', {
      stt: count('Số thứ tự'),
      ten: text('Họ và tên cá nhân hoặc tên tập thể'),
      chuc_vu_don_vi: text('Chức vụ, đơn vị'),
      dong_y: text('Số phiếu đồng ý, ví dụ "…/…"'),
      ty_le: text('Tỷ lệ đồng ý (%)'),
      ghi_chu: optionalText('Ghi chú'),
    }),
  }),
  ket_luan: narrative('Kết luận cuộc họp', GUIDE.ketLuanHop),
  ket_thuc: text('Giờ kết thúc, ví dụ "… giờ … phút"'),
});

export const quyetDinhSchema = z.object({
  ...agency, ...numbered, ...dated,
  trich_yeu: text('Trích yếu sau "Về việc", ví dụ "công nhận danh hiệu Lao động tiên tiến năm học 2024-2025"'),
  tham_quyen: text('Thẩm quyền ban hành, ví dụ "Hiệu trưởng Trường THCS Hoa Sen" (in hoa khi in)'),
  ...canCu,
  dieu: rows('Các điều của quyết định', {
    so: text('Số điều, ví dụ "1"'),
    noi_dung: text('Nội dung điều'),
  }),
  ...signer,
  tieu_de_danh_sach: text('Tiêu đề danh sách kèm theo, ví dụ "Cá nhân đạt danh hiệu Lao động tiên tiến năm học 2024-2025" (in hoa khi in)'),
  kem_theo: text('Dòng "Kèm theo …", ví dụ "Quyết định số …/QĐ-THCSHS ngày … tháng … năm … của Hiệu trưởng Trường THCS Hoa Sen"'),
  cot_ten: text('Tiêu đề cột tên: "Họ và tên" hoặc "Tên tập thể"'),
  nhom: rows('Danh sách kèm theo, theo nhóm đơn vị', {
    ...unitGroup,
    dong: rows('Các dòng của nhóm', {
      stt: count('Số thứ tự'),
      ten: text('Họ và tên hoặc tên tập thể'),
      chuc_vu_don_vi: text('Chức vụ, đơn vị'),
      ghi_chu: optionalText('Ghi chú'),
    }),
  }),
  so_luong: text('Số lượng trong danh sách, ví dụ "25 cá nhân"'),
});

export const documentSchemas = {
  'to-trinh': toTrinhSchema,
  'danh-sach': danhSachSchema,
  'bao-cao-ca-nhan': baoCaoCaNhanSchema,
  'bao-cao-tap-the': baoCaoTapTheSchema,
  'bien-ban': bienBanSchema,
  'quyet-dinh': quyetDinhSchema,
} as const satisfies Record<DocumentId, z.ZodObject>;

/** What the data builder passes (defaults may be left out) and what a template is filled with. */
export type DocumentInput<D extends DocumentId> = z.input<(typeof documentSchemas)[D]>;
export type DocumentData<D extends DocumentId> = z.output<(typeof documentSchemas)[D]>;
export type ToTrinh = DocumentData<'to-trinh'>;
export type DanhSach = DocumentData<'danh-sach'>;
export type BaoCaoCaNhan = DocumentData<'bao-cao-ca-nhan'>;
export type BaoCaoTapThe = DocumentData<'bao-cao-tap-the'>;
export type BienBan = DocumentData<'bien-ban'>;
export type QuyetDinh = DocumentData<'quyet-dinh'>;

export type PlaceholderKind = 'scalar' | 'paragraphs' | 'rows';
export type PlaceholderSpec = {
  name: string;
  kind: PlaceholderKind;
  required: boolean;
  description: string;
  /** The fields of one row, for `rows`. */
  fields?: PlaceholderSpec[];
};
export type DocumentSpec = { id: DocumentId; title: string; placeholders: PlaceholderSpec[] };

const TITLES: Record<DocumentId, string> = {
  'to-trinh': 'Tờ trình đề nghị khen thưởng (NĐ 98/2023, Mẫu số 01)',
  'danh-sach': 'Danh sách đề nghị khen thưởng (kèm theo tờ trình)',
  'bao-cao-ca-nhan': 'Báo cáo thành tích cá nhân (NĐ 98/2023, Mẫu số 03)',
  'bao-cao-tap-the': 'Báo cáo thành tích tập thể (NĐ 98/2023, Mẫu số 02)',
  'bien-ban': 'Biên bản họp Hội đồng Thi đua - Khen thưởng',
  'quyet-dinh': 'Quyết định công nhận danh hiệu thi đua, kèm danh sách',
};

function describeShape(shape: z.ZodRawShape): PlaceholderSpec[] {
  return Object.entries(shape).map(([name, schema]) => {
    const meta = placeholderMeta.get(schema as z.ZodType);
    if (!meta) throw new Error(`documents.ts: ${name} has no description`);
    let inner: unknown = schema;
    while (inner instanceof z.ZodDefault || inner instanceof z.ZodOptional) inner = inner.unwrap();
    const spec: PlaceholderSpec = { name, kind: 'scalar', required: meta.required, description: meta.description };
    if (inner instanceof z.ZodArray) {
      const element: unknown = inner.element;
      if (element instanceof z.ZodObject) Object.assign(spec, { kind: 'rows', fields: describeShape(element.shape) });
      else spec.kind = 'paragraphs';
    }
    return spec;
  });
}

/** Every document's placeholders, from the schemas above: read by `tdkt template check` and docs/templates.md. */
export const DOCUMENT_CATALOGUE: Record<DocumentId, DocumentSpec> = Object.fromEntries(
  DOCUMENT_IDS.map((id) => [id, { id, title: TITLES[id], placeholders: describeShape(documentSchemas[id].shape) }]),
) as Record<DocumentId, DocumentSpec>;
