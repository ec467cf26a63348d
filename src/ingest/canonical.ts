// The canonical input layout (written by `tdkt init`): the sheets, their columns, and the values offered in
// their dropdowns. The reader does not need it (it reads any layout by meaning); the template and docs do.
export const CANONICAL = {
  persons: {
    sheet: 'Cá nhân',
    headers: ['STT', 'Mã định danh', 'Họ và tên', 'Ngày sinh', 'Giới tính', 'Chức vụ', 'Đơn vị', 'Tổ chuyên môn', 'Ngày vào ngành',
      'Năm học', 'Xếp loại', 'Danh hiệu thi đua', 'Số quyết định', 'Ngày quyết định', 'Kỷ luật', 'Thời hạn kỷ luật', 'Ghi chú'],
  },
  collectives: {
    sheet: 'Tập thể',
    headers: ['STT', 'Mã đơn vị', 'Tên tập thể', 'Đơn vị cấp trên', 'Năm học', 'Xếp loại', 'Danh hiệu thi đua', 'Số quyết định', 'Ngày quyết định', 'Ghi chú'],
  },
  awards: {
    sheet: 'Khen thưởng',
    headers: ['STT', 'Mã định danh', 'Họ và tên', 'Tên tập thể', 'Năm học', 'Hình thức khen thưởng', 'Loại khen thưởng', 'Số quyết định', 'Ngày quyết định', 'Cơ quan ban hành'],
  },
  initiatives: {
    sheet: 'Sáng kiến',
    headers: ['STT', 'Mã định danh', 'Họ và tên', 'Năm học', 'Tên sáng kiến', 'Phân loại', 'Cấp công nhận', 'Dùng xét CSTĐCS'],
  },
  /** Answers to the criteria data cannot decide; "Tiêu chí" holds a criterion id (leads-cluster, selected…) or its words. */
  confirmations: {
    sheet: 'Xác nhận',
    headers: ['STT', 'Mã định danh', 'Họ và tên', 'Tên tập thể', 'Năm học', 'Danh hiệu/Hình thức đề nghị', 'Tiêu chí', 'Kết quả',
      'Người xác nhận', 'Căn cứ'],
  },
} as const;

export const DROPDOWNS = {
  ratings: ['Hoàn thành xuất sắc nhiệm vụ', 'Hoàn thành tốt nhiệm vụ', 'Hoàn thành nhiệm vụ', 'Không hoàn thành nhiệm vụ'],
  personTitles: ['Lao động tiên tiến', 'Chiến sĩ thi đua cơ sở', 'Chiến sĩ thi đua cấp tỉnh', 'Chiến sĩ thi đua toàn quốc'],
  collectiveTitles: ['Tập thể lao động tiên tiến', 'Tập thể lao động xuất sắc', 'Cờ thi đua cấp tỉnh', 'Cờ thi đua của Chính phủ'],
  awards: ['Giấy khen', 'Bằng khen của Chủ tịch UBND tỉnh', 'Bằng khen của Bộ trưởng Bộ GD&ĐT', 'Bằng khen của Thủ tướng Chính phủ',
    'Huân chương Lao động hạng Ba', 'Huân chương Lao động hạng Nhì', 'Huân chương Lao động hạng Nhất', 'Kỷ niệm chương Vì sự nghiệp giáo dục'],
  kinds: ['Công trạng', 'Chuyên đề', 'Đột xuất', 'Cống hiến', 'Niên hạn'],
  discipline: ['Khiển trách', 'Cảnh cáo', 'Hạ bậc lương', 'Giáng chức', 'Cách chức', 'Buộc thôi việc'],
  genders: ['Nam', 'Nữ'],
  initiativeTypes: ['Sáng kiến', 'Đề tài'],
  initiativeLevels: ['Cơ sở', 'Tỉnh', 'Toàn quốc'],
  marks: ['x', 'Không'],
  answers: ['Đạt', 'Không đạt'],
} as const;
