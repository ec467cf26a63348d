import type { Issue } from '../../model/issue.js';

type D = Issue['data'];
const at = (d: D) => (d.header ? ` (cột "${d.header}")` : '');

/** Vietnamese wording of every issue code: what is wrong, where, what was expected, what to do. */
export const issuesVi: Record<string, (d: D) => string> = {
  E_NOT_FOUND: () => 'Không tìm thấy tệp hoặc thư mục. Kiểm tra lại đường dẫn.',
  E_XLS: () => 'Tệp .xls (Excel 97-2003) không đọc được. Mở tệp trong Excel và lưu lại dưới dạng .xlsx (Tệp › Lưu thành › Sổ làm việc Excel).',
  E_ODS: () => 'Tệp .ods (LibreOffice) không đọc được. Mở tệp và lưu lại dưới dạng .xlsx (Excel 2007-365).',
  E_ENCRYPTED: () => 'Tệp được đặt mật khẩu nên không đọc được. Mở tệp trong Excel, bỏ mật khẩu (Tệp › Thông tin › Bảo vệ sổ làm việc) rồi lưu lại.',
  E_EMPTY_FILE: () => 'Tệp rỗng (0 byte). Lấy lại tệp gốc từ đơn vị.',
  E_CORRUPT_FILE: () => 'Tệp bị hỏng hoặc không phải tệp Excel .xlsx. Mở thử trong Excel; nếu mở được, lưu lại thành tệp mới.',
  E_ZIP_BOMB: () => 'Tệp có dấu hiệu "bom nén" (giải nén ra quá 1 GB hoặc lớn hơn nhiều so với khai báo, có quá nhiều phần, hoặc các phần dùng chung dữ liệu), có thể là tệp độc hại, nên bị từ chối. Lấy lại tệp gốc từ đơn vị; nếu đúng là dữ liệu thật, tách thành nhiều tệp nhỏ hơn.',
  E_TOO_LARGE: (d) => `Tệp có quá nhiều ô (trên ${d.cells}). Tách thành nhiều tệp nhỏ hơn.`,
  E_XML_DTD: (d) => `Tệp có khai báo DOCTYPE/ENTITY trong phần ${d.part} (Excel không bao giờ ghi như vậy; có thể là tệp độc hại) nên bị từ chối. Mở tệp trong Excel và lưu lại thành tệp mới, hoặc lấy lại tệp gốc từ đơn vị.`,
  E_CSV_QUOTE: (d) => `Tệp CSV có dấu ngoặc kép (") mở ở dòng ${d.line} mà không đóng, nên phần còn lại của tệp sẽ bị dồn vào một ô. Thêm dấu " đóng (hoặc bỏ dấu " mở) ở dòng ${d.line}, hoặc xuất lại tệp CSV từ Excel.`,
  W_TOO_MANY_ROWS: (d) => `Trang tính có dòng số ${d.rows}, vượt quá ${d.max} dòng Excel cho phép; các dòng đó không được đọc. Chuyển dữ liệu lên trên hoặc tách sang tệp khác.`,
  W_HEADER_MERGED_DOWN: (d) => `Ô tiêu đề "${d.header}" được gộp (merge) xuống cả các dòng dữ liệu (${d.range}); các ô dữ liệu trong vùng gộp coi như trống. Bỏ gộp ô ở tiêu đề và nhập lại dữ liệu cho các dòng đó.`,
  E_READER_PLACEHOLDER: () => 'Bộ đọc Excel trả về dữ liệu chưa giải mã (lỗi đã biết của exceljs). Chạy lại lệnh; nếu còn lỗi, mở tệp trong Excel và lưu lại.',
  E_CSV_ENCODING: () => 'Tệp CSV không ở mã UTF-8. Trong Excel chọn Lưu thành › "CSV UTF-8 (Comma delimited)".',
  E_UNSUPPORTED_FILE: (d) => `Không đọc được loại tệp "${d.ext}". tdkt đọc .xlsx và .csv.`,
  E_NO_DATA: () => 'Không tìm thấy bảng dữ liệu nào trong tệp (cần dòng tiêu đề có cột "Họ và tên" hoặc "Tên tập thể").',
  W_NO_HEADER: () => 'Trang tính không có dòng tiêu đề nhận ra được (cần cột "Họ và tên" hoặc "Tên tập thể" và cột dữ liệu); đã bỏ qua trang này.',
  W_DUPLICATE_COLUMN: (d) => `Cột "${d.header}" trùng nghĩa với một cột đứng trước; chỉ đọc cột đầu tiên.`,
  I_UNKNOWN_COLUMN: (d) => `Các cột không dùng đến: ${d.columns}.`,
  I_HIDDEN_SHEET: () => 'Trang tính đang bị ẩn; vẫn được đọc.',
  I_HIDDEN_ROWS: (d) => `Có ${d.count} dòng bị ẩn (dòng ${d.rows}); vẫn được đọc.`,
  I_ID_PADDED: (d) => `Mã định danh lưu dạng số đã mất số 0 ở đầu; đọc thành ${d.value}. Nên định dạng cột là Văn bản (Text).`,
  W_LEGACY_ENCODING: (d) => `${d.count} ô có chữ mã ${d.encoding} cũ (ô ${d.cells}). Chạy lại với --fix-encoding để chuyển sang Unicode.`,
  I_LEGACY_ENCODING_FIXED: (d) => `Đã chuyển ${d.count} ô từ mã ${d.encoding} sang Unicode (ô ${d.cells}).`,
  W_FORMULA_NO_RESULT: (d) => `${d.count} ô công thức chưa có kết quả tính sẵn; coi như trống. Mở tệp trong Excel và lưu lại để Excel tính.`,
  W_TOO_MANY_COLUMNS: (d) => `Trang tính có ${d.columns} cột; chỉ đọc ${d.max} cột đầu.`,
  E_NO_PERIOD: () => 'Không xác định được năm học của trang tính: thêm cột "Năm học", hoặc ghi năm học vào tiêu đề ("DANH SÁCH … NĂM HỌC 2023-2024"), tên trang hoặc tên tệp.',
  E_MISSING_PERIOD: () => 'Thiếu năm học ở dòng này. Ghi năm học dạng 2023-2024.',
  E_BAD_PERIOD: (d) => `Không hiểu năm học "${d.value}". Ghi dạng 2023-2024.`,
  E_MISSING_NAME: (d) => `Dòng ${d.row} có dữ liệu nhưng thiếu họ tên (hoặc tên tập thể); dòng bị bỏ qua.`,
  E_UNKNOWN_RATING: (d) => `Không hiểu mức xếp loại "${d.value}"${at(d)}. Ghi một trong: HTXSNV, HTTNV, HTNV, KHTNV (hoặc đầy đủ "Hoàn thành xuất sắc nhiệm vụ" …).`,
  E_UNKNOWN_TITLE: (d) => `Không nhận ra danh hiệu "${d.value}"${at(d)}. Ghi một trong: LĐTT, CSTĐCS, CSTĐ cấp tỉnh, TTLĐTT, TTLĐXS (hoặc tên đầy đủ).`,
  E_UNKNOWN_AWARD: (d) => `Không nhận ra hình thức khen thưởng "${d.value}"${at(d)}. Ví dụ: "Bằng khen của Chủ tịch UBND tỉnh", "Bằng khen của Thủ tướng Chính phủ", "Giấy khen", "Huân chương Lao động hạng Ba".`,
  E_UNKNOWN_AWARD_KIND: (d) => `Không hiểu loại khen thưởng "${d.value}". Ghi một trong: công trạng, chuyên đề, đột xuất, cống hiến, niên hạn.`,
  E_UNKNOWN_INITIATIVE: (d) => `Không hiểu ô sáng kiến "${d.value}". Ghi số sáng kiến (vd "1", "02 sáng kiến cấp cơ sở", "1 đề tài") hoặc tên sáng kiến.`,
  E_UNKNOWN_INITIATIVE_LEVEL: (d) => `Không hiểu cấp công nhận "${d.value}". Ghi: cơ sở, tỉnh (bộ, ngành) hoặc toàn quốc.`,
  E_UNKNOWN_DISCIPLINE: (d) => `Không hiểu hình thức kỷ luật "${d.value}". Ghi: khiển trách, cảnh cáo, hạ bậc lương, giáng chức, cách chức, buộc thôi việc; để trống nếu không có.`,
  E_UNKNOWN_LEAVE: (d) => `Không hiểu loại nghỉ "${d.value}". Ghi: thai sản, ốm dài ngày, đi học.`,
  E_UNKNOWN_GENDER: (d) => `Không hiểu giới tính "${d.value}". Ghi Nam hoặc Nữ.`,
  E_BAD_DATE: (d) => `Không hiểu ngày "${d.value}"${at(d)}. Ghi dạng ngày/tháng/năm, vd 05/09/1985.`,
  E_FORMULA_ERROR: (d) => `Ô có lỗi công thức ${d.value}${at(d)}; coi như chưa có dữ liệu. Sửa công thức hoặc nhập giá trị.`,
  E_CONFLICT: (d) => `Mâu thuẫn về ${fieldVi(String(d.field))} năm học ${d.period}: ô này ghi "${d.value}", còn ${d.other} ghi "${d.otherValue}". Sửa một trong hai cho đúng.`,
  E_AMBIGUOUS_PERSON: (d) => `Không xác định được "${d.name}" là ai: có ${d.count} người trùng tên (${d.candidates}). Thêm Mã định danh hoặc ngày sinh.`,
  W_BIRTHDATE_MISMATCH: (d) => `Ngày sinh của ${d.name} ghi ${d.value}, nơi khác ghi ${d.otherValue}. Kiểm tra lại.`,
  E_CONFIG: (d) => `Tệp cấu hình không hợp lệ: ${d.detail}`,
  W_RECORDED_TITLE_UNSUPPORTED: (d) => `${d.subject} (${d.id}) được ghi danh hiệu ${d.title} năm học ${d.period} nhưng dữ liệu không đủ căn cứ: ${d.reason}. Kiểm tra lại hồ sơ năm đó.`,
  W_CAP_EXCEEDED: (d) => `${d.unit}: ${d.eligible} người đủ điều kiện ${d.award} nhưng chỉ được tối đa ${d.cap} (${d.share} của ${d.base} người đạt LĐTT); Hội đồng cần bình chọn.`,  E_LEGACY_SHEET_UNREAD: (d) => `Trang tính gõ bằng phông chữ mã ${d.encoding} cũ nên chưa đọc được dữ liệu. Chạy lại lệnh với --fix-encoding để chuyển sang Unicode.`,
  I_NO_TABLE: () => 'Trang tính không có bảng dữ liệu (trang hướng dẫn, ghi chú hoặc danh mục); đã bỏ qua.',
  E_BAD_CONFIRMATION: (d) => (d.reason === 'answer'
    ? `Không hiểu kết quả xác nhận "${d.value}"${at(d)}. Ghi Đạt (hoặc Có, x) hoặc Không đạt (hoặc Không); dòng này chưa được tính.`
    : d.reason === 'who'
      ? `Thiếu người xác nhận${at(d)}. Ghi họ tên và chức vụ người xác nhận (hoặc "Hội đồng TĐKT …"); dòng này chưa được tính.`
      : `Thiếu tiêu chí cần xác nhận${at(d)}. Ghi mã tiêu chí (vd leads-cluster, selected) hoặc nội dung tiêu chí; dòng này chưa được tính.`),
  E_UNKNOWN_SUBJECT: (d) => `Xác nhận cho "${d.name}" nhưng dữ liệu không có cá nhân, tập thể nào như vậy. Kiểm tra họ tên, Mã định danh hoặc tên tập thể.`,
  E_AMBIGUOUS_COLLECTIVE: (d) => `Không xác định được tập thể "${d.name}": có ${d.count} tập thể trùng tên (${d.candidates}). Thêm Mã đơn vị hoặc cột "Đơn vị cấp trên".`,
  W_UNKNOWN_CRITERION: (d) => `Xác nhận tiêu chuẩn "${d.criterion}" nhưng ${d.award ? `hình thức ${d.award}` : 'các hình thức được xét'} không có tiêu chuẩn nào như vậy; dòng này chưa được tính. Ghi mã tiêu chuẩn như lệnh tdkt rules liệt kê${d.known ? ` (${d.known})` : ''}.`,
  W_NOMINEE_INELIGIBLE: (d) => `"${d.subject}" được đề nghị ${d.award} nhưng chưa đủ điều kiện: ${d.reason}. Vẫn lập hồ sơ theo danh sách; tdkt verify sẽ không đạt. Xem: tdkt explain "${d.subject}".`,
  W_NOMINEE_UNJUSTIFIED: (d) => `"${d.subject}" được đề nghị ${d.award} nhưng còn cần xem xét: ${d.reason}. Ghi lý do đề nghị (justification) hoặc bổ sung dữ liệu, xác nhận.`,
  E_NOMINEE_NOT_FOUND: (d) => `Người (tập thể) được đề nghị ${d.award} "${d.subject}" không có trong dữ liệu. Ghi đúng họ tên đầy đủ hoặc Mã định danh như trong bảng tính.`,
  E_NOMINEE_AMBIGUOUS: (d) => `Có ${d.count} người (tập thể) tên "${d.subject}" trong dữ liệu; không biết đề nghị ${d.award} cho ai. Ghi Mã định danh thay cho họ tên.`,
  E_NOMINEE_WRONG_KIND: (d) => `"${d.subject}" không thể được đề nghị ${d.award}: hình thức này không dành cho ${d.kind === 'person' ? 'cá nhân' : d.kind === 'collective' ? 'tập thể' : 'đối tượng này'}. Kiểm tra lại mã khen thưởng hoặc tên.`,
};

function fieldVi(f: string): string {
  return ({ rating: 'xếp loại', titles: 'danh hiệu', awards: 'khen thưởng' } as Record<string, string>)[f] ?? f;
}
