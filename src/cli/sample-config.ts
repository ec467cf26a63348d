/** The commented sample config written by `tdkt init`. */
export function sampleConfig(): string {
  return `# Cấu hình tdkt cho đơn vị (YAML). Mọi mục đều không bắt buộc; xóa dấu # để dùng.
# Xem mọi tham số của luật và giá trị mặc định bằng lệnh: tdkt rules

# Ngôn ngữ thông báo: vi (mặc định) hoặc en
# lang: vi

# Kỳ xét: năm học (school-year, mặc định) hoặc năm dương lịch (calendar)
# periodMode: school-year

# Thông tin đơn vị, dùng khi lập tờ trình, danh sách, biên bản (để trống sẽ in "…" cho văn thư điền)
unit:
  # parentAgency: UBND XÃ HOA SEN
  # agency: TRƯỜNG THCS HOA SEN
  # agencyShort: THCSHS
  # place: Lạng Sơn
  # signer: Đặng Thị Lan
  # signerTitle: HIỆU TRƯỞNG
  # recipient: Chủ tịch UBND tỉnh Lạng Sơn

# Tham số của luật mà tỉnh hoặc ngành quy định riêng (tên tham số như tdkt rules liệt kê)
parameters: {}
`;
}

/** The commented manifest written by `tdkt init --dossier`. */
export function sampleManifest(asOf: string): string {
  return `# Hồ sơ đề nghị khen thưởng: tdkt đọc tệp này khi lập (tdkt generate --dossier .) và khi kiểm tra (tdkt verify .)
unit: Trường THCS …            # tên đơn vị trình
asOf: ${asOf}                  # năm học xét
# date: 15/08/${asOf.slice(-4)}             # ngày đề nghị (chọn bộ quy tắc); bỏ trống thì lấy 31/08 cuối năm học
data: [data]                   # tệp hoặc thư mục dữ liệu, tính từ thư mục này
output: ho-so                  # thư mục tdkt ghi văn bản

# Người, tập thể được đề nghị: mã định danh hoặc họ tên đầy đủ. Trường hợp "cần xem xét" phải có giải trình.
nominations:
  # - { award: bk-tinh, subject: Nguyễn Văn A }
  # - { award: ttldxs, subject: Tổ Toán - Tin, justification: "Hội đồng đã xác nhận …" }

# Tài liệu tdkt không lập được (biên bản kiểm phiếu, xác nhận sáng kiến…): khi kê khai thì tệp phải có mặt.
attachments:
  # - { award: bk-tinh, name: Bản sao quyết định công nhận sáng kiến, file: dinh-kem/sang-kien.pdf }

# Thông tin in trên văn bản; để trống thì in "…" cho văn thư điền.
details:
  # parentAgency: UBND XÃ …
  # agency: Trường THCS …
  # agencyShort: THCS…
  # place: …
  # signer: …
  # signerTitle: Hiệu trưởng
  # recipient: Chủ tịch UBND …
  # date: 15/08/${asOf.slice(-4)}
`;
}

/** A sample narrative file for a báo cáo thành tích. */
export function sampleNarrative(): string {
  return `# Quyền hạn, nhiệm vụ
Đổi tên tệp này thành <mã định danh>.md (hoặc họ tên.md) của người được đề nghị. tdkt đưa nội dung vào mục II của báo cáo thành tích.

# Thành tích
Mỗi đoạn cách nhau một dòng trống.

- Gạch đầu dòng cũng được giữ nguyên.
`;
}
