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
