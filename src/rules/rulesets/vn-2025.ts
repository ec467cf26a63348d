import { t } from '../citation.js';
import type { Ruleset } from '../types.js';
import { RULES_2024 } from './vn-2024.js';

// ND 152/2025/NĐ-CP replaced ND 98/2023 from 01/07/2025 (and TT 15/2025/TT-BNV replaced TT 01/2024): the
// criteria sit in the Law and did not change; the authorities and the documents' legal basis did.
export const vn2025: Ruleset = {
  id: 'vn-2025',
  title: t('Luật Thi đua, khen thưởng 2022 và Nghị định 152/2025/NĐ-CP (từ 01/07/2025)', 'Law on Emulation and Commendation 2022 with Decree 152/2025 (from 2025-07-01)'),
  from: '2025-07-01',
  basis: ['Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022',
    'Nghị định số 152/2025/NĐ-CP ngày 14 tháng 6 năm 2025 của Chính phủ quy định về phân cấp, phân quyền trong lĩnh vực thi đua, khen thưởng; quy định chi tiết và hướng dẫn thi hành một số điều của Luật Thi đua, khen thưởng',
    'Thông tư số 15/2025/TT-BNV ngày 04 tháng 8 năm 2025 của Bộ Nội vụ',
    'Thông tư số 29/2023/TT-BGDĐT ngày 29 tháng 12 năm 2023 của Bộ Giáo dục và Đào tạo'],
  rules: RULES_2024,
};
