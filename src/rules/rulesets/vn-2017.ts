import { cite, LAW_2013, ND_65, ND_91, t, TT_21_2020 } from '../citation.js';
import { all, manual, presumed, uncertain } from '../criteria/core.js';
import { criterion } from '../criteria/core.js';
import { memberRated, memberShare, memberTitled, noMemberDisciplined, someMember } from '../criteria/members.js';
import { noDisciplineInYear, notHeldBefore, priorAward, servedMonths, serviceYears } from '../criteria/person.js';
import { initiativesInRun, ratingAt, ratingRun, streak, titleRun, titlesInRun } from '../criteria/streaks.js';
import type { AwardRule, Ruleset } from '../types.js';
import { override, rule } from './builders.js';
import { RULES_2024 } from './vn-2024.js';

// Luật Thi đua, khen thưởng 2003 (sửa đổi 2013) with ND 91/2017 and, for education, TT 21/2020/TT-BGDĐT:
// proposals until 31/12/2023. Awards whose rules the 2022 law did not change (or that are unconfirmed in
// both) are taken from vn-2024.

const L = (dieu: number, khoan?: number, diem?: string) => cite(LAW_2013, { dieu, khoan, diem });
const N = (dieu: number, khoan?: number, diem?: string) => cite(ND_91, { dieu, khoan, diem });
const conduct = (id: string, vi: string, en: string, citation = L(24)) => presumed({ id, requirement: t(vi, en), citation, confidence: 'VERIFIED' });

const ldtt = rule('ldtt', 'person', L(24), 'VERIFIED',
  ratingAt({ id: 'rating', requirement: t('Hoàn thành tốt nhiệm vụ, đạt năng suất, chất lượng cao', 'Rated HTT'), citation: L(24, 1) }, 'HTT'),
  conduct('conduct', 'Chấp hành tốt chủ trương, chính sách; tinh thần tự lực, đoàn kết; tích cực học tập; đạo đức, lối sống lành mạnh', 'Conduct, unity, study, ethics'),
  servedMonths({ id: 'months-served', requirement: t('Không phải người mới tuyển dụng dưới 10 tháng', 'Not recruited under 10 months ago'), citation: N(10), confidence: 'VERIFIED-2nd' }),
  noDisciplineInYear({ id: 'discipline', requirement: t('Không bị kỷ luật từ hình thức khiển trách trở lên', 'Not disciplined (khiển trách or above)'), citation: N(10), confidence: 'VERIFIED-2nd' }, 'khien-trach'),
);

const ldttStandard = criterion({ id: 'ldtt-standard', requirement: t('Đạt tiêu chuẩn Lao động tiên tiến', 'Meets the LĐTT standard'), citation: L(23), confidence: 'VERIFIED' }, (ctx) => {
  const checks = ldtt.criteria.map((c) => c.evaluate(ctx));
  const status = checks.some((c) => c.status === 'unmet') ? 'unmet' : checks.every((c) => c.status === 'met') ? 'met' : 'unknown';
  const bad = checks.filter((c) => c.status !== 'met');
  return { status, children: checks, combine: 'all', found: bad.length ? { vi: bad.map((c) => c.found.vi).join('; '), en: bad.map((c) => c.found.en).join('; ') } : t('Đạt', 'Met') };
});

const cstdcs = rule('cstdcs', 'person', N(9, 3), 'VERIFIED',
  ldttStandard,
  initiativesInRun({ id: 'initiative', requirement: t('Có sáng kiến được công nhận, hoặc đề tài được nghiệm thu, áp dụng ở cơ sở (HTXS không thay được)', 'A recognised initiative (HTXS alone is not enough)'), citation: N(9, 3), confidence: 'VERIFIED' }, 1, 'any', 'as-of', { spend: false }),
);

const cstdTinh = rule('cstd-tinh', 'person', N(9, 2), 'VERIFIED-2nd',
  streak({ id: 'cstdcs-streak', requirement: t('03 lần liên tục đạt CSTĐCS', 'CSTĐCS three years running'), citation: N(9, 2) }, titleRun('cstdcs', 3, { noReuse: true })),
  initiativesInRun({ id: 'initiative-tinh', requirement: t('Sáng kiến/đề tài được cấp bộ, tỉnh công nhận hiệu quả và phạm vi ảnh hưởng', 'Initiative recognised at provincial level'), citation: N(9, 2) }, 1, ['tinh', 'toan-quoc'], titleRun('cstdcs', 3, { noReuse: true }), { spend: false }),
  manual({ id: 'selected', requirement: t('Tiêu biểu xuất sắc, được lựa chọn', 'Selected as outstanding'), citation: N(9, 2) }),
);

const ttldtt = rule('ttldtt', 'collective', L(28), 'VERIFIED',
  ratingAt({ id: 'rating', requirement: t('Hoàn thành tốt nhiệm vụ và kế hoạch được giao', 'Collective rated HTT or better'), citation: L(28, 1) }, 'HTT'),
  conduct('emulation', 'Có phong trào thi đua thường xuyên, thiết thực, có hiệu quả', 'Effective emulation', L(28, 2)),
  memberShare({ id: 'ldtt-share', requirement: t('Có trên 50% cá nhân đạt danh hiệu LĐTT', 'Over 50% of members LĐTT'), citation: L(28, 3) }, memberTitled('ldtt'), 0.5, t('đạt LĐTT', 'LĐTT'), true),
  noMemberDisciplined({ id: 'no-canh-cao', requirement: t('Không có cá nhân bị kỷ luật từ hình thức cảnh cáo trở lên', 'No member disciplined at cảnh cáo or above'), citation: L(28, 3) }, 'canh-cao'),
  conduct('unity', 'Nội bộ đoàn kết, chấp hành tốt chủ trương, chính sách', 'United and compliant', L(28, 4)),
);

const ttldxs = rule('ttldxs', 'collective', L(27), 'VERIFIED-2nd',
  ratingAt({ id: 'rating', requirement: t('Sáng tạo, vượt khó hoàn thành xuất sắc nhiệm vụ (tập thể HTXS)', 'Collective rated HTXS'), citation: L(27, 1) }, 'HTXS'),
  memberShare({ id: 'all-completed', requirement: t('100% cá nhân hoàn thành nhiệm vụ được giao', 'Every member completed their tasks'), citation: L(27, 3) }, memberRated('HT'), 1, t('hoàn thành nhiệm vụ', 'completed tasks')),
  memberShare({ id: 'ldtt-share', requirement: t('Có ít nhất 70% cá nhân đạt danh hiệu LĐTT', 'At least 70% of members LĐTT'), citation: L(27, 3) }, memberTitled('ldtt'), 0.7, t('đạt LĐTT', 'LĐTT')),
  someMember({ id: 'has-cstdcs', requirement: t('Có cá nhân đạt danh hiệu CSTĐCS', 'At least one member CSTĐCS'), citation: L(27, 3) }, memberTitled('cstdcs'), t('đạt CSTĐCS', 'CSTĐCS')),
  uncertain('ttldxs.no-canh-cao', noMemberDisciplined({ id: 'no-canh-cao', requirement: t('Không có cá nhân bị kỷ luật từ cảnh cáo trở lên', 'No member disciplined at cảnh cáo or above'), citation: L(27, 3) }, 'canh-cao'),
    t('Điều kiện kỷ luật của TTLĐXS theo ND 91/2017', 'The discipline condition under ND 91/2017')),
  conduct('unity', 'Nội bộ đoàn kết, gương mẫu chấp hành chủ trương, chính sách', 'United and compliant', L(27, 4)),
);

const coTinh = rule('co-tinh', 'collective', N(12), 'VERIFIED',
  ratingAt({ id: 'rating', requirement: t('Hoàn thành vượt mức các chỉ tiêu (tập thể HTXS)', 'Exceeds its targets (collective HTXS)'), citation: L(26), confidence: 'RECALLED' }, 'HTXS'),
  manual({ id: 'leads-cluster', requirement: t('Tiêu biểu xuất sắc, dẫn đầu cụm, khối thi đua (qua bình xét, suy tôn)', 'Leads its emulation cluster'), citation: N(12) }),
);

const bkTinh = rule('bk-tinh', 'person', N(39, 1, 'c'), 'RECALLED',
  all({ id: 'htxs-route', requirement: t('02 năm liên tục hoàn thành xuất sắc nhiệm vụ, trong thời gian đó có 02 sáng kiến được công nhận và áp dụng ở cơ sở', 'Two HTXS years with two initiatives'), citation: N(39, 1, 'c') },
    streak({ id: 'htxs-streak', requirement: t('02 năm liên tục HTXS', 'Two consecutive HTXS years') }, ratingRun('HTXS', 2, { noReuse: true })),
    initiativesInRun({ id: 'initiatives', requirement: t('02 sáng kiến được công nhận, áp dụng ở cơ sở', 'Two initiatives at the unit') }, 2, 'any', ratingRun('HTXS', 2, { noReuse: true }), { types: ['sang-kien'], spend: false })),
  conduct('conduct', 'Gương mẫu chấp hành tốt chủ trương, chính sách, pháp luật', 'Exemplary conduct', N(39, 1)),
);

const bkTinhCollective = rule('bk-tinh', 'collective', N(39, 2), 'RECALLED',
  streak({ id: 'htxs-streak', requirement: t('02 năm liên tục hoàn thành xuất sắc nhiệm vụ', 'Two consecutive HTXS years'), citation: N(39, 2) }, ratingRun('HTXS', 2, { noReuse: true })),
  conduct('unity', 'Nội bộ đoàn kết, thực hiện tốt dân chủ cơ sở, chăm lo đời sống, thực hành tiết kiệm', 'Unity, democracy, care, thrift', N(39, 2)),
);

const htxs5AfterBk = ratingRun('HTXS', 5, { afterPrior: { award: 'bk-tinh', kinds: ['cong-trang'], always: true }, noReuse: true });
const bkTtg = rule('bk-ttg', 'person', N(38, 1, 'c'), 'VERIFIED-2nd',
  priorAward({ id: 'prior-bk-tinh', requirement: t('Đã được tặng Bằng khen cấp bộ, ngành, tỉnh', 'Holds a provincial Bằng khen'), citation: N(38, 1, 'c') }, 'bk-tinh', ['cong-trang']),
  streak({ id: 'rating-streak', requirement: t('05 năm tiếp theo liên tục hoàn thành xuất sắc nhiệm vụ', 'Then five consecutive HTXS years'), citation: N(38, 1, 'c') }, htxs5AfterBk),
  initiativesInRun({ id: 'initiatives', requirement: t('Trong thời gian đó có 05 sáng kiến được công nhận và áp dụng ở cơ sở', 'Five initiatives in that time'), citation: N(38, 1, 'c') }, 5, 'any', htxs5AfterBk, { types: ['sang-kien'], spend: false }),
);

const bkTtgCollective = rule('bk-ttg', 'collective', cite(ND_65, { dieu: 23, khoan: 3, diem: 'c' }), 'VERIFIED',
  priorAward({ id: 'prior-bk-tinh', requirement: t('Đã được tặng Bằng khen cấp bộ, ngành, tỉnh', 'Holds a provincial Bằng khen'), citation: N(38, 2), confidence: 'RECALLED' }, 'bk-tinh', ['cong-trang']),
  streak({ id: 'htxs-streak', requirement: t('05 năm tiếp theo liên tục hoàn thành xuất sắc nhiệm vụ', 'Then five consecutive HTXS years') }, htxs5AfterBk),
  titlesInRun({ id: 'co-tinh', requirement: t('Trong thời gian đó có 01 lần được tặng Cờ thi đua cấp bộ, ngành, tỉnh', 'One provincial flag in that time') }, 'co-tinh', 1, htxs5AfterBk),
);

const htxs5AfterBkTtg = ratingRun('HTXS', 5, { afterPrior: { award: 'bk-ttg', kinds: ['cong-trang'], always: true }, noReuse: true });
const hcld3 = rule('hcld-3', 'person', N(24), 'VERIFIED-2nd',
  priorAward({ id: 'prior-bk-ttg', requirement: t('Đã được tặng Bằng khen của Thủ tướng Chính phủ', "Holds the Prime Minister's Bằng khen"), citation: N(24, 1) }, 'bk-ttg', ['cong-trang']),
  streak({ id: 'rating-streak', requirement: t('05 năm tiếp theo trở lên liên tục hoàn thành xuất sắc nhiệm vụ', 'Then five or more consecutive HTXS years'), citation: N(24, 1) }, htxs5AfterBkTtg),
  initiativesInRun({ id: 'initiatives-tinh', requirement: t('Có 02 sáng kiến được cấp bộ, tỉnh công nhận, áp dụng hiệu quả, có phạm vi ảnh hưởng cấp bộ, tỉnh', 'Two initiatives recognised at provincial level'), citation: N(24, 1) }, 2, ['tinh', 'toan-quoc'], htxs5AfterBkTtg, { spend: false }),
);

const kncGd = rule('knc-gd', 'person', cite(TT_21_2020, { dieu: 6 }), 'VERIFIED-2nd',
  serviceYears({ id: 'service-years', requirement: t('Có từ 20 năm công tác trong ngành giáo dục (15 năm nếu từ 05 năm ở vùng đặc biệt khó khăn); bị kỷ luật thì chờ 02 năm sau khi hết kỷ luật', 'Twenty years in education; two years after a discipline ends'), citation: cite(TT_21_2020, { dieu: 6 }) }),
  notHeldBefore({ id: 'once', requirement: t('Chưa được tặng (chỉ tặng một lần)', 'Not received before'), citation: cite(TT_21_2020, { dieu: 6 }) }),
);

export const RULES_2017: AwardRule[] = override(RULES_2024, ldtt, cstdcs, cstdTinh, ttldtt, ttldxs, coTinh, bkTinh, bkTinhCollective, bkTtg, bkTtgCollective, hcld3, kncGd);

export const vn2017: Ruleset = {
  id: 'vn-2017',
  title: t('Luật Thi đua, khen thưởng 2003 (sửa đổi 2013) và Nghị định 91/2017/NĐ-CP (đến 31/12/2023)', 'Law on Emulation and Commendation 2003/2013 with Decree 91/2017 (until 2023-12-31)'),
  from: '2017-10-01',
  until: '2023-12-31',
  basis: ['Luật Thi đua, khen thưởng ngày 26 tháng 11 năm 2003; Luật sửa đổi, bổ sung một số điều của Luật Thi đua, khen thưởng ngày 16 tháng 11 năm 2013',
    'Nghị định số 91/2017/NĐ-CP ngày 31 tháng 7 năm 2017 của Chính phủ quy định chi tiết thi hành một số điều của Luật Thi đua, khen thưởng',
    'Thông tư số 21/2020/TT-BGDĐT ngày 31 tháng 7 năm 2020 của Bộ Giáo dục và Đào tạo'],
  rules: RULES_2017,
};
