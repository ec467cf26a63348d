import { describe, expect, it } from 'vitest';
import { tidyTitle } from '../../src/ingest/text.js';

describe('tidyTitle', () => {
  it.each([
    ['TRƯỜNG THCS HOA SEN', 'Trường THCS Hoa Sen'],
    ['PHÒNG GD&ĐT HUYỆN HỮU LŨNG', 'Phòng GD&ĐT Huyện Hữu Lũng'],
    ['TỔ TOÁN - TIN', 'Tổ Toán - Tin'],
    ['TỔ KHOA HỌC TỰ NHIÊN', 'Tổ Khoa Học Tự Nhiên'],
    ['UBND TỈNH LẠNG SƠN', 'UBND Tỉnh Lạng Sơn'],
    ['TRƯỜNG TIỂU HỌC SỐ II', 'Trường Tiểu Học Số II'],
    ['TRƯỜNG PTDTBT THCS XÃ YÊN NGHĨA', 'Trường PTDTBT THCS Xã Yên Nghĩa'],
    ['TRUNG TÂM GDNN-GDTX QUẬN 1', 'Trung Tâm GDNN-GDTX Quận 1'],
    ['KHUYẾN HỌC GIANG QUYẾT', 'Khuyến Học Giang Quyết'],
  ])('%s → %s', (caps, tidy) => expect(tidyTitle(caps)).toBe(tidy));
  it('keeps mixed case as typed', () => {
    expect(tidyTitle('Tổ Ngữ văn')).toBe('Tổ Ngữ văn');
    expect(tidyTitle('Trường THCS  Hoa\u00a0Sen')).toBe('Trường THCS Hoa Sen');
  });
});
