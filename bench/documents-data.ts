import type { DocumentInput } from '../src/model/documents.js';

// The báo cáo thành tích cá nhân of the documents benchmark: 2,000 persons with Vietnamese names, six school years of
// titles, a Bằng khen or two, and long paragraphs holding the characters XML must escape (& < >). Deterministic.
const FAMILY = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Vũ', 'Đặng', 'Bùi', 'Đỗ', 'Hồ', 'Ngô', 'Dương'];
const MIDDLE = ['Thị', 'Văn', 'Minh', 'Thu', 'Ngọc', 'Hữu', 'Thanh', 'Quang'];
const GIVEN = ['An', 'Bình', 'Hương', 'Lan', 'Mai', 'Dũng', 'Hải', 'Trang', 'Linh', 'Quân', 'Yến', 'Sơn', 'Thảo', 'Tuấn'];
const TEAMS = ['Tổ Toán & Tin học', 'Tổ Ngữ văn', 'Tổ Khoa học tự nhiên', 'Tổ Ngoại ngữ', 'Tổ Văn phòng'];
const AUTHORITIES = ['UBND huyện Hữu Lũng', 'Phòng GD&ĐT huyện Hữu Lũng', 'UBND tỉnh Lạng Sơn'];

export type BaoCao = DocumentInput<'bao-cao-ca-nhan'>;

/** The last sentence of every person's second paragraph: the verification looks for it, escaped. */
export const PARAGRAPH_END = 'được Hội đồng sáng kiến cấp huyện công nhận & áp dụng <rộng rãi>.';

export function reportData(count: number, seed = 3): BaoCao[] {
  let s = seed >>> 0;
  const rand = () => ((s = (Math.imul(s ^ (s >>> 15), 2246822507) + 0x6d2b79f5) >>> 0) / 4294967296);
  const pick = <T>(xs: T[]): T => xs[Math.floor(rand() * xs.length)];
  const out: BaoCao[] = [];
  for (let i = 0; i < count; i++) {
    const female = rand() < 0.7;
    const name = `${pick(FAMILY)} ${female ? 'Thị' : pick(MIDDLE)} ${pick(MIDDLE)} ${pick(GIVEN)}`;
    const unit = `Trường THCS Số ${1 + (i % 300)} & Cộng đồng, xã Hoa Sen`;
    const team = pick(TEAMS);
    const day = String(1 + Math.floor(rand() * 28)).padStart(2, '0');
    const month = String(1 + Math.floor(rand() * 12)).padStart(2, '0');
    const danh_hieu = [2020, 2021, 2022, 2023, 2024, 2025].map((y) => {
      const cstd = rand() < 0.5;
      return {
        nam: `${y - 1}-${y}`, danh_hieu: cstd ? 'Chiến sĩ thi đua cơ sở' : 'Lao động tiên tiến',
        quyet_dinh: `Số ${100 + Math.floor(rand() * 900)}/QĐ-${cstd ? 'UBND' : 'PGDĐT'} ngày ${day}/06/${y}; ${pick(AUTHORITIES)}`,
      };
    });
    const khen_thuong = Array.from({ length: 1 + Math.floor(rand() * 2) }, (_, k) => ({
      nam: `${2021 + 2 * k}-${2022 + 2 * k}`, hinh_thuc: k === 0 ? 'Giấy khen của Chủ tịch UBND huyện' : 'Bằng khen của Chủ tịch UBND tỉnh',
      quyet_dinh: `Số ${1000 + i}/QĐ-UBND ngày 20/07/${2022 + 2 * k}; ${AUTHORITIES[k === 0 ? 0 : 2]}`,
    }));
    out.push({
      mau_so: 'Mẫu số 03', dia_danh: 'Lạng Sơn', ngay_thang: 'ngày 15 tháng 8 năm 2025',
      hinh_thuc: 'Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh',
      ho_ten: name, ngay_sinh: `${day}/${month}/${1965 + Math.floor(rand() * 35)}`, gioi_tinh: female ? 'Nữ' : 'Nam', dan_toc: i % 5 === 0 ? 'Tày' : '',
      que_quan: 'Xã Hoa Sen, tỉnh Lạng Sơn', tru_quan: `Số ${i + 1} đường Bà Triệu, phường Đông Kinh, tỉnh Lạng Sơn`,
      don_vi_cong_tac: unit, chuc_vu: `Giáo viên, Tổ trưởng ${team}`, trinh_do: 'Đại học Sư phạm; Trung cấp lý luận chính trị', hoc_ham_hoc_vi: '…',
      nhiem_vu: [
        `Giảng dạy các lớp 8A, 8B, 9C; chủ nhiệm lớp 9C; tổ trưởng ${team}; phụ trách bồi dưỡng học sinh giỏi & phụ đạo học sinh yếu.`,
        'Tham gia Ban chấp hành Công đoàn trường, phụ trách công tác văn nghệ – thể thao; thư ký Hội đồng thi đua – khen thưởng.',
      ],
      thanh_tich: [
        `Hoàn thành xuất sắc nhiệm vụ được giao trong ${danh_hieu.length} năm học liên tục; tỷ lệ học sinh các lớp phụ trách đạt mức "Tốt" tăng từ < 35% lên > 52%, không có học sinh xếp loại "Chưa đạt"; ${Math.floor(rand() * 9) + 1} học sinh đạt giải cấp tỉnh, 2 học sinh đạt giải cấp quốc gia trong kỳ thi học sinh giỏi & khoa học kỹ thuật.`,
        `Sáng kiến "Ứng dụng phần mềm GeoGebra & bảng tương tác <Smart Board> trong dạy học hình học lớp 9" ${PARAGRAPH_END}`,
        'Tích cực tham gia bồi dưỡng thường xuyên, đổi mới phương pháp dạy học theo Chương trình giáo dục phổ thông 2018; hướng dẫn 04 giáo viên tập sự, chia sẻ chuyên đề cấp cụm trường về đánh giá học sinh theo hướng phát triển phẩm chất, năng lực.',
      ],
      danh_hieu, khen_thuong,
      thu_truong: 'Hoàng Thị Ngọc Ánh',
    });
  }
  return out;
}
