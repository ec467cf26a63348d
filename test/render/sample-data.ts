import type { DocumentId, DocumentInput } from '../../src/model/documents.js';

// Data for every document as the dossier builder would pass it: Vietnamese names with diacritics, a unit name
// with "&", a value with "<", unknown values as "…".

const agency = { co_quan_chu_quan: 'Phòng Giáo dục & Đào tạo Hoa Sen', ten_co_quan: 'Trường THCS Hoa Sen' };
const dated = { dia_danh: 'Lạng Sơn', ngay_thang: 'ngày 05 tháng 02 năm 2025' };
const signer = {
  quyen_han_ky: 'KT. Hiệu trưởng',
  chuc_vu_nguoi_ky: 'Phó Hiệu trưởng',
  nguoi_ky: 'Hoàng Thị Ngọc Ánh',
  noi_nhan: ['Như trên;', 'Lưu: VT, TĐKT.'],
};
const canCu = [
  'Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022;',
  'Căn cứ Nghị định số 98/2023/NĐ-CP ngày 31 tháng 12 năm 2023 của Chính phủ quy định chi tiết thi hành một số điều của Luật Thi đua, khen thưởng;',
];
const history = {
  danh_hieu: [
    { nam: '2022-2023', danh_hieu: 'Chiến sĩ thi đua cơ sở', quyet_dinh: 'Quyết định số 112/QĐ-PGDĐT ngày 15/8/2023 của Phòng GD&ĐT' },
    { nam: '2023-2024', danh_hieu: 'Lao động tiên tiến', quyet_dinh: '…' },
    { nam: '2024-2025', danh_hieu: 'Chiến sĩ thi đua cơ sở', quyet_dinh: 'Quyết định số 97/QĐ-PGDĐT ngày 20/8/2025' },
  ],
  khen_thuong: [{ nam: '2023-2024', hinh_thuc: 'Giấy khen của Trưởng phòng', quyet_dinh: 'Số 45/QĐ-PGDĐT, điểm < 5% sai sót' }],
};

export const SAMPLE: { [D in DocumentId]: DocumentInput<D> } = {
  'to-trinh': {
    mau_so: 'Mẫu số 01', ...agency, so_ky_hieu: '07/TTr-THCSHS', ...dated,
    trich_yeu: 'đề nghị tặng Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh',
    kinh_gui: 'Chủ tịch Ủy ban nhân dân tỉnh Lạng Sơn',
    can_cu: canCu,
    noi_trinh: 'Chủ tịch Ủy ban nhân dân tỉnh',
    hinh_thuc: 'Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh',
    so_luong: '01 tập thể và 02 cá nhân', so_tap_the: '01', so_ca_nhan: '02',
    de_nghi: [
      { muc: 'I. Cá nhân', dong: ['1. Bà Nguyễn Thị Ánh Tuyết, Giáo viên, Tổ Toán - Tin;', '2. Ông Trần Đức Mạnh, Tổ trưởng Tổ Ngữ văn;'] },
      { muc: 'II. Tập thể', dong: ['1. Tổ Khoa học Tự nhiên & Công nghệ.'] },
    ],
    ...signer,
  },
  'danh-sach': {
    ...agency,
    hinh_thuc: 'Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh',
    kem_theo: 'Tờ trình số 07/TTr-THCSHS ngày 05 tháng 02 năm 2025 của Trường THCS Hoa Sen',
    muc_ca_nhan: 'I. CÁ NHÂN',
    nhom_ca_nhan: [
      { so_nhom: 'A', don_vi: 'Trường THCS Hoa Sen', ca_nhan: [
        { stt: 1, ho_ten: 'Nguyễn Thị Ánh Tuyết', nam_sinh: '1985', gioi_tinh: 'Nữ', chuc_vu_don_vi: 'Giáo viên, Tổ Toán - Tin', hinh_thuc: 'Bằng khen', tom_tat: '05 năm HTXSNV, 03 năm CSTĐCS' },
        { stt: 2, ho_ten: 'Trần Đức Mạnh', nam_sinh: '1979', gioi_tinh: 'Nam', chuc_vu_don_vi: 'Tổ trưởng Tổ Ngữ văn', hinh_thuc: 'Bằng khen', tom_tat: 'Tỷ lệ HS giỏi < 10% → 25%', ghi_chu: '…' },
      ] },
      { so_nhom: 'B', don_vi: 'Trường TH Sơn Ca', ca_nhan: [
        { stt: 3, ho_ten: 'Lê Văn Hưng', nam_sinh: '1990', gioi_tinh: 'Nam', chuc_vu_don_vi: 'Giáo viên', hinh_thuc: 'Bằng khen', tom_tat: '…' },
      ] },
    ],
    muc_tap_the: 'II. TẬP THỂ',
    nhom_tap_the: [{ so_nhom: 'A', don_vi: '', tap_the: [
      { stt: 1, ten_tap_the: 'Tổ Khoa học Tự nhiên & Công nghệ', hinh_thuc: 'Bằng khen', tom_tat: '02 năm TTLĐXS' },
    ] }],
    so_luong: '03 cá nhân và 01 tập thể', so_ca_nhan: '03', so_tap_the: '01',
  },
  'bao-cao-ca-nhan': {
    mau_so: 'Mẫu số 03', ...dated,
    hinh_thuc: 'Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh',
    ho_ten: 'Nguyễn Thị Ánh Tuyết', ngay_sinh: '09/02/1985', gioi_tinh: 'Nữ', dan_toc: 'Tày',
    que_quan: 'Phường Hoàng Văn Thụ, tỉnh Lạng Sơn', tru_quan: 'Số 12 đường Bà Triệu, phường Đông Kinh',
    don_vi_cong_tac: 'Trường THCS Hoa Sen', chuc_vu: 'Giáo viên, Tổ phó Tổ Toán & Tin học',
    trinh_do: 'Đại học Sư phạm Toán', hoc_ham_hoc_vi: '…',
    nhiem_vu: ['Giảng dạy môn Toán các lớp 8A, 8B; chủ nhiệm lớp 8A.'],
    ...history,
  },
  'bao-cao-tap-the': {
    mau_so: 'Mẫu số 02', ...dated,
    hinh_thuc: 'Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh',
    ten_tap_the: 'Tổ Khoa học Tự nhiên & Công nghệ, Trường THCS Hoa Sen',
    thanh_tich: ['Tỷ lệ học sinh đạt giỏi tăng từ < 20% lên 35%.', '- Có 03 sáng kiến được công nhận cấp huyện.'],
    ...history,
    thu_truong: 'Hoàng Thị Ngọc Ánh',
  },
  'bien-ban': {
    ...agency, so_ky_hieu: '…/BB-HĐTĐKT', ...dated,
    trich_yeu: 'Họp Hội đồng Thi đua - Khen thưởng xét đề nghị khen thưởng năm học 2024-2025',
    thoi_gian: '… giờ … phút, ngày … tháng … năm …', dia_diem: 'Phòng họp Trường THCS Hoa Sen',
    chu_tri: 'Hoàng Thị Ngọc Ánh', chuc_vu_chu_tri: 'Hiệu trưởng, Chủ tịch Hội đồng',
    thu_ky: '…', chuc_vu_thu_ky: '…',
    so_thanh_vien: '…', so_co_mat: '…', vang_mat: '…',
    thanh_vien: [1, 2, 3].map((stt) => ({ stt, ho_ten: '…', chuc_vu: '…', chuc_danh: '…' })),
    bieu_quyet: [
      { so_nhom: 'I', hinh_thuc: 'Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh', de_nghi: [
        { stt: 1, ten: 'Nguyễn Thị Ánh Tuyết', chuc_vu_don_vi: 'Giáo viên', dong_y: '…/…', ty_le: '…' },
        { stt: 2, ten: 'Tổ Khoa học Tự nhiên & Công nghệ', chuc_vu_don_vi: 'Trường THCS Hoa Sen', dong_y: '…/…', ty_le: '…' },
      ] },
      { so_nhom: 'II', hinh_thuc: 'Chiến sĩ thi đua cơ sở', de_nghi: [
        { stt: 1, ten: 'Trần Đức Mạnh', chuc_vu_don_vi: 'Tổ trưởng', dong_y: '…/…', ty_le: '…' },
      ] },
    ],
    ket_thuc: '… giờ … phút',
  },
  'quyet-dinh': {
    ...agency, so_ky_hieu: '…/QĐ-THCSHS', ...dated,
    trich_yeu: 'công nhận danh hiệu Lao động tiên tiến năm học 2024-2025',
    tham_quyen: 'Hiệu trưởng Trường THCS Hoa Sen',
    can_cu: canCu,
    dieu: [
      { so: '1', noi_dung: 'Công nhận danh hiệu "Lao động tiên tiến" năm học 2024-2025 cho 03 cá nhân có tên trong danh sách kèm theo.' },
      { so: '2', noi_dung: 'Tiền thưởng thực hiện theo quy định hiện hành.' },
      { so: '3', noi_dung: 'Bộ phận Văn phòng và các cá nhân có tên tại Điều 1 chịu trách nhiệm thi hành Quyết định này.' },
    ],
    ...signer,
    quyen_han_ky: '',
    chuc_vu_nguoi_ky: 'Hiệu trưởng',
    tieu_de_danh_sach: 'Cá nhân đạt danh hiệu Lao động tiên tiến năm học 2024-2025',
    kem_theo: 'Quyết định số …/QĐ-THCSHS ngày … tháng … năm … của Hiệu trưởng Trường THCS Hoa Sen',
    cot_ten: 'Họ và tên',
    nhom: [{ so_nhom: 'I', don_vi: '', dong: [
      { stt: 1, ten: 'Nguyễn Thị Ánh Tuyết', chuc_vu_don_vi: 'Giáo viên' },
      { stt: 2, ten: 'Trần Đức Mạnh', chuc_vu_don_vi: 'Tổ trưởng' },
      { stt: 3, ten: 'Lê Văn Hưng', chuc_vu_don_vi: 'Giáo viên', ghi_chu: '"Tiêu biểu"' },
    ] }],
    so_luong: '03 cá nhân',
  },
};
