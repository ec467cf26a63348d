import { cite, LAW_2022, ND_98, t, TT_01_2024, TT_29_2023 } from '../citation.js';
import { all, any, manual, presumed, uncertain } from '../criteria/core.js';
import { memberRated, memberShare, memberTitled, noMemberDisciplined, someMember } from '../criteria/members.js';
import { consecutiveConferrals, heldThisYear, noDisciplineInYear, notHeldBefore, priorAward, servedMonths, serviceYears } from '../criteria/person.js';
import { initiativesInRun, ratingAt, ratingRun, streak, titleRun, titlesInRun } from '../criteria/streaks.js';
import { criterion } from '../criteria/core.js';
import { windowOf, type WindowSpec } from '../criteria/window.js';
import { recordAt } from '../facts.js';
import type { AwardRule, Ruleset } from '../types.js';
import { rule } from './builders.js';

// Luật Thi đua, khen thưởng 2022 (06/2022/QH15) with ND 98/2023, TT 01/2024/TT-BNV and, for education,
// TT 29/2023/TT-BGDĐT: in force for proposals from 01/01/2024. Tags from domain/legal-rules.md.

const L = (dieu: number, khoan?: number, diem?: string) => cite(LAW_2022, { dieu, khoan, diem });
const conduct = (id: string, vi: string, en: string, dieu: number, khoan?: number) => presumed({ id, requirement: t(vi, en), citation: L(dieu, khoan), confidence: 'VERIFIED' });

// Windows shared by several awards.
const htt5AfterBk = ratingRun('HTT', 5, { afterPrior: { award: 'bk-tinh', kinds: ['cong-trang'] }, noReuse: true });
const htt5AfterBkTtg = ratingRun('HTT', 5, { afterPrior: { award: 'bk-ttg', kinds: ['cong-trang'] }, noReuse: true });
const cstdcs2 = titleRun('cstdcs', 2, { noReuse: true });
const htxs2 = ratingRun('HTXS', 2, { noReuse: true });

export const ldttPerson = rule('ldtt', 'person', L(24, 1), 'VERIFIED',
  ratingAt({ id: 'rating', requirement: t('Xếp loại hoàn thành tốt nhiệm vụ trở lên', 'Rated HTT or better'), citation: L(24, 1, 'a') }, 'HTT'),
  conduct('conduct', 'Chấp hành tốt chủ trương, chính sách; tự lực, đoàn kết, tích cực tham gia phong trào thi đua', 'Conduct, unity, takes part in emulation', 24, 1),
  servedMonths({ id: 'months-served', requirement: t('Không phải người mới tuyển dụng dưới 06 tháng', 'Not recruited under 6 months ago'), citation: cite(TT_01_2024, { dieu: 1, khoan: 5 }), confidence: 'VERIFIED' }),
  noDisciplineInYear({ id: 'discipline', requirement: t('Không trong thời gian bị kỷ luật (thành tích tính từ khi hết thời hạn kỷ luật)', 'Not under discipline'), citation: cite(ND_98, { dieu: 4 }), confidence: 'VERIFIED-2nd' }),
);

const ldttStandard = criterion({ id: 'ldtt-standard', requirement: t('Đạt tiêu chuẩn Lao động tiên tiến', 'Meets the LĐTT standard'), citation: L(23, 1), confidence: 'VERIFIED-2nd' }, (ctx) => {
  const checks = ldttPerson.criteria.map((c) => c.evaluate(ctx));
  const status = checks.some((c) => c.status === 'unmet') ? 'unmet' : checks.every((c) => c.status === 'met') ? 'met' : 'unknown';
  const bad = checks.filter((c) => c.status !== 'met');
  return { status, children: checks, combine: 'all', found: bad.length ? { vi: bad.map((c) => c.found.vi).join('; '), en: bad.map((c) => c.found.en).join('; ') } : t('Đạt', 'Met') };
});

export const cstdcsPerson = rule('cstdcs', 'person', L(23), 'VERIFIED-2nd',
  ldttStandard,
  any({ id: 'htxs-or-initiative', requirement: t('Hoàn thành xuất sắc nhiệm vụ, hoặc có sáng kiến/đề tài được công nhận ở cơ sở', 'HTXS, or an initiative recognised at the unit'), citation: L(23, 2), confidence: 'VERIFIED-2nd' },
    ratingAt({ id: 'htxs', requirement: t('Hoàn thành xuất sắc nhiệm vụ', 'HTXS'), confidence: 'VERIFIED' }, 'HTXS'),
    initiativesInRun({ id: 'initiative', requirement: t('01 sáng kiến hoặc đề tài được công nhận', 'One recognised initiative'), confidence: 'VERIFIED-2nd' }, 1, 'any', 'as-of', { spend: false })),
);

export const cstdTinhPerson = rule('cstd-tinh', 'person', L(22), 'RECALLED',
  streak({ id: 'cstdcs-streak', requirement: t('03 lần liên tục đạt CSTĐCS, đến năm học đề nghị', 'CSTĐCS three years running'), citation: L(22), confidence: 'RECALLED' }, titleRun('cstdcs', 3, { noReuse: true })),
  initiativesInRun({ id: 'initiative-tinh', requirement: t('Sáng kiến/đề tài có hiệu quả, phạm vi ảnh hưởng cấp tỉnh (bộ, ngành)', 'Initiative with provincial scope'), citation: L(22), confidence: 'RECALLED' }, 1, ['tinh', 'toan-quoc'], titleRun('cstdcs', 3, { noReuse: true }), { spend: false }),
  manual({ id: 'selected', requirement: t('Tiêu biểu xuất sắc, được lựa chọn trong số những người 03 lần liên tục CSTĐCS', 'Selected as outstanding'), citation: L(22), confidence: 'RECALLED' }),
);

export const cstdTqPerson = rule('cstd-tq', 'person', L(21), 'VERIFIED-2nd',
  consecutiveConferrals({ id: 'cstd-tinh-twice', requirement: t('02 lần liên tục đạt Chiến sĩ thi đua cấp bộ, ban, ngành, tỉnh (đề nghị ngay sau lần thứ hai)', 'Two consecutive provincial CSTĐ, proposed right after the second'), citation: L(21, undefined, 'a') }, 'cstd-tinh', 2, 3),
  manual({ id: 'initiative-national', requirement: t('Sáng kiến/đề tài có phạm vi ảnh hưởng toàn quốc, được người đứng đầu bộ, tỉnh công nhận', 'Initiative with nationwide scope'), citation: L(21, undefined, 'b') }),
  manual({ id: 'selected', requirement: t('Tiêu biểu xuất sắc nhất, được lựa chọn', 'Selected as most outstanding'), citation: L(21, undefined, 'a') }),
);

export const ttldttCollective = rule('ttldtt', 'collective', L(28, 1), 'VERIFIED-2nd',
  ratingAt({ id: 'rating', requirement: t('Tập thể hoàn thành tốt nhiệm vụ trở lên', 'Collective rated HTT or better'), citation: L(28, 1, 'a') }, 'HTT'),
  conduct('emulation', 'Phong trào thi đua thường xuyên, thiết thực, có hiệu quả', 'Regular, effective emulation', 28, 1),
  memberShare({ id: 'ldtt-share', requirement: t('Có ít nhất 70% cá nhân đạt danh hiệu LĐTT', 'At least 70% of members LĐTT'), citation: L(28, 1, 'c'), confidence: 'VERIFIED-2nd' }, memberTitled('ldtt'), 0.7, t('đạt LĐTT', 'LĐTT')),
  noMemberDisciplined({ id: 'no-canh-cao', requirement: t('Không có cá nhân bị kỷ luật từ hình thức cảnh cáo trở lên', 'No member disciplined at cảnh cáo or above'), citation: L(28, 1, 'c'), confidence: 'VERIFIED-2nd' }, 'canh-cao'),
  conduct('unity', 'Nội bộ đoàn kết, chấp hành tốt chủ trương, chính sách', 'United and compliant', 28, 1),
);

export const ttldxsCollective = rule('ttldxs', 'collective', L(27, 1), 'VERIFIED',
  ratingAt({ id: 'rating', requirement: t('Tập thể hoàn thành xuất sắc nhiệm vụ', 'Collective rated HTXS'), citation: L(27, 1, 'a') }, 'HTXS'),
  conduct('emulation', 'Phong trào thi đua thường xuyên, thiết thực, có hiệu quả', 'Regular, effective emulation', 27, 1),
  memberShare({ id: 'all-completed', requirement: t('100% cá nhân hoàn thành nhiệm vụ được giao', 'Every member completed their tasks'), citation: L(27, 1, 'c') }, memberRated('HT'), 1, t('hoàn thành nhiệm vụ', 'completed tasks')),
  memberShare({ id: 'ldtt-share', requirement: t('Có ít nhất 70% cá nhân đạt danh hiệu LĐTT', 'At least 70% of members LĐTT'), citation: L(27, 1, 'c') }, memberTitled('ldtt'), 0.7, t('đạt LĐTT', 'LĐTT')),
  someMember({ id: 'has-cstdcs', requirement: t('Có cá nhân đạt danh hiệu CSTĐCS', 'At least one member CSTĐCS'), citation: L(27, 1, 'd') }, memberTitled('cstdcs'), t('đạt CSTĐCS', 'CSTĐCS')),
  uncertain('ttldxs.no-canh-cao', noMemberDisciplined({ id: 'no-canh-cao', requirement: t('Không có cá nhân bị kỷ luật từ cảnh cáo trở lên', 'No member disciplined at cảnh cáo or above'), citation: L(27, 1) }, 'canh-cao'),
    t('Điều 27 Luật 2022 không ghi điều kiện kỷ luật như Điều 28', 'Article 27 has no explicit discipline clause')),
  conduct('unity', 'Nội bộ đoàn kết, gương mẫu chấp hành chủ trương, chính sách', 'United and compliant', 27, 1),
);

export const coTinhCollective = rule('co-tinh', 'collective', L(26), 'RECALLED',
  ratingAt({ id: 'rating', requirement: t('Hoàn thành vượt mức các chỉ tiêu (tập thể HTXS)', 'Exceeds its targets (collective HTXS)'), citation: L(26, 1), confidence: 'RECALLED' }, 'HTXS'),
  manual({ id: 'leads-cluster', requirement: t('Dẫn đầu cụm, khối thi đua do bộ, ngành, tỉnh tổ chức (hoặc dẫn đầu phong trào thi đua chuyên đề)', 'Leads its emulation cluster'), citation: cite(TT_29_2023, { dieu: 4 }), confidence: 'VERIFIED' }),
  conduct('unity', 'Nội bộ đoàn kết, tổ chức đảng, đoàn thể trong sạch, vững mạnh', 'United, clean Party organisation', 26, 1),
);

export const coCpCollective = rule('co-cp', 'collective', L(25), 'VERIFIED-2nd',
  heldThisYear({ id: 'co-tinh', requirement: t('Là tập thể dẫn đầu cụm, khối thi đua của bộ, tỉnh trong năm (được Cờ thi đua cấp tỉnh năm đó, không tính khen chuyên đề)', 'Leads its cluster this year (holds this year\'s provincial flag, not thematic)'), citation: L(25, 1), confidence: 'VERIFIED-2nd' }, 'co-tinh', ['cong-trang']),
  manual({ id: 'most-outstanding', requirement: t('Tiêu biểu xuất sắc nhất trong số các tập thể dẫn đầu, được lựa chọn', 'Most outstanding of the cluster leaders'), citation: L(25, 1) }),
  conduct('unity', 'Nội bộ đoàn kết, tổ chức đảng trong sạch, vững mạnh; đi đầu thực hành tiết kiệm, chống tham nhũng', 'United, clean, thrifty', 25, 1),
);

const giayKhen = (kind: 'person' | 'collective') => rule('giay-khen', kind, L(75), 'VERIFIED',
  criterion({ id: 'province-criteria', requirement: t('Tiêu chuẩn do bộ, ngành, tỉnh quy định (khai báo trong cấu hình)', 'Criteria set by the province (in config)'), citation: L(75, 2), confidence: 'VERIFIED' }, (ctx) => {
    const rating = ctx.params[`giay-khen.${kind}-rating`] as 'HTXS' | 'HTT' | null;
    const years = Number(ctx.params[`giay-khen.${kind}-years`]);
    if (!rating) return { status: 'unknown', found: t('Chưa khai báo tiêu chuẩn Giấy khen của tỉnh, ngành (tham số giay-khen.*)', 'Giấy khen criteria not configured') };
    return streak({ id: 'province-criteria', requirement: t(`${years} năm liên tục ${rating === 'HTXS' ? 'HTXS' : 'HTT trở lên'}`, `${years} years ${rating}`) }, ratingRun(rating, years, { noReuse: true })).evaluate(ctx);
  }),
);

export const bkTinhPerson = rule('bk-tinh', 'person', L(74, 1, 'd'), 'VERIFIED',
  any({ id: 'cstdcs-or-htxs', requirement: t('02 lần liên tục CSTĐCS, hoặc liên tục từ 02 năm trở lên HTXS, trong thời gian đó có 02 sáng kiến (hoặc 02 đề tài) được công nhận và áp dụng hiệu quả ở cơ sở', 'Two consecutive CSTĐCS or two HTXS years, with two initiatives (or two research projects)'), citation: L(74, 1, 'd') },
    all({ id: 'cstdcs-route', requirement: t('02 lần liên tục CSTĐCS và 02 sáng kiến/đề tài trong thời gian đó', 'Two CSTĐCS and two initiatives') },
      streak({ id: 'cstdcs-streak', requirement: t('02 lần liên tục CSTĐCS', 'Two consecutive CSTĐCS') }, cstdcs2),
      initiativesInRun({ id: 'initiatives', requirement: t('02 sáng kiến hoặc 02 đề tài (cùng loại, chưa dùng xét CSTĐCS)', 'Two initiatives of one kind, not spent on CSTĐCS'), confidence: 'VERIFIED-2nd' }, 2, 'any', cstdcs2)),
    all({ id: 'htxs-route', requirement: t('Liên tục từ 02 năm HTXS và 02 sáng kiến/đề tài trong thời gian đó', 'Two HTXS years and two initiatives') },
      streak({ id: 'htxs-streak', requirement: t('Liên tục từ 02 năm trở lên HTXS', 'Two consecutive HTXS years') }, htxs2),
      initiativesInRun({ id: 'initiatives', requirement: t('02 sáng kiến hoặc 02 đề tài (cùng loại, chưa dùng xét CSTĐCS)', 'Two initiatives of one kind, not spent on CSTĐCS'), confidence: 'VERIFIED-2nd' }, 2, 'any', htxs2))),
  conduct('conduct', 'Gương mẫu chấp hành tốt chủ trương, chính sách, pháp luật', 'Exemplary conduct', 74, 1),
);

export const bkTinhCollective = rule('bk-tinh', 'collective', L(74, 2), 'RECALLED',
  streak({ id: 'htxs-streak', requirement: t('Liên tục từ 02 năm trở lên hoàn thành xuất sắc nhiệm vụ', 'Two consecutive HTXS years'), citation: L(74, 2), confidence: 'RECALLED' }, htxs2),
  conduct('unity', 'Nội bộ đoàn kết, thực hiện tốt dân chủ cơ sở, chăm lo đời sống, thực hành tiết kiệm', 'Unity, democracy, care, thrift', 74, 2),
);

export const bkTtgPerson = rule('bk-ttg', 'person', L(73, 1, 'b'), 'VERIFIED',
  priorAward({ id: 'prior-bk-tinh', requirement: t('Đã được tặng Bằng khen cấp bộ, ban, ngành, tỉnh (khen theo công trạng, không tính khen chuyên đề, đột xuất)', 'Holds a provincial Bằng khen (merit, not thematic or sudden)'), citation: cite(ND_98, { dieu: 4, khoan: 3 }), confidence: 'VERIFIED-2nd' }, 'bk-tinh', ['cong-trang']),
  streak({ id: 'rating-streak', requirement: t('Liên tục từ 05 năm trở lên hoàn thành tốt nhiệm vụ trở lên, đến thời điểm đề nghị', 'Five consecutive years HTT or better up to the proposal'), citation: L(73, 1, 'b') }, htt5AfterBk),
  titlesInRun({ id: 'cstdcs-count', requirement: t('Trong thời gian đó có 03 lần đạt CSTĐCS', 'Three CSTĐCS in that time'), citation: L(73, 1, 'b') }, 'cstdcs', 3, htt5AfterBk),
  conduct('conduct', 'Gương mẫu chấp hành tốt chủ trương, chính sách, pháp luật', 'Exemplary conduct', 73, 1),
);

export const bkTtgCollective = rule('bk-ttg', 'collective', L(73, 2), 'UNCERTAIN',
  streak({ id: 'htxs-streak', requirement: t('Liên tục từ 05 năm trở lên HTXS (điều kiện cần theo mọi cách hiểu)', 'Five consecutive HTXS years (needed under every reading)'), citation: L(73, 2), confidence: 'UNCERTAIN' }, ratingRun('HTXS', 5, { noReuse: true })),
  manual({ id: 'article-73-2', requirement: t('Các tiêu chuẩn khác của Điều 73 khoản 2 (chưa xác nhận văn bản: Bằng khen cấp tỉnh, Cờ thi đua…)', 'Other criteria of Article 73(2), unconfirmed'), citation: L(73, 2), confidence: 'UNCERTAIN' }),
);

export const hcld3Person = rule('hcld-3', 'person', L(44, 1, 'e'), 'VERIFIED-2nd',
  priorAward({ id: 'prior-bk-ttg', requirement: t('Đã được tặng Bằng khen của Thủ tướng Chính phủ (công trạng)', "Holds the Prime Minister's Bằng khen (merit)"), citation: L(44, 1, 'e') }, 'bk-ttg', ['cong-trang']),
  streak({ id: 'rating-streak', requirement: t('Sau đó liên tục từ 05 năm trở lên hoàn thành tốt nhiệm vụ trở lên', 'Then five consecutive years HTT or better'), citation: L(44, 1, 'e') }, htt5AfterBkTtg),
  titlesInRun({ id: 'cstdcs-count', requirement: t('Trong thời gian đó có 03 lần đạt CSTĐCS', 'Three CSTĐCS in that time'), citation: L(44, 1, 'e') }, 'cstdcs', 3, htt5AfterBkTtg),
  uncertain('hcld-3.one-htxs-year', htxsInRun(htt5AfterBkTtg), t('Bản dịch tiếng Anh thêm "ít nhất 01 năm HTXS"', 'The English translation adds "at least one HTXS year"')),
);

function htxsInRun(run: WindowSpec) {
  return criterion({ id: 'one-htxs', requirement: t('Trong thời gian đó có ít nhất 01 năm HTXS', 'At least one HTXS year in that time'), citation: L(44, 1, 'e') }, (ctx) => {
    const periods = windowOf(ctx, run).periods;
    const ratings = periods.map((p) => recordAt(ctx.timeline, p)?.rating);
    if (ratings.includes('HTXS')) return { status: 'met', periods: periods.filter((_, i) => ratings[i] === 'HTXS'), found: t('Có năm HTXS', 'Has an HTXS year') };
    return ratings.includes(undefined) ? { status: 'unknown', found: t('Thiếu xếp loại một số năm', 'Some ratings missing') } : { status: 'unmet', found: t('Không có năm HTXS trong giai đoạn', 'No HTXS year in the window') };
  });
}

export const hcld3Collective = rule('hcld-3', 'collective', L(44, 2), 'UNCERTAIN',
  streak({ id: 'htxs-streak', requirement: t('Liên tục từ 05 năm trở lên HTXS (điều kiện cần theo mọi cách hiểu)', 'Five consecutive HTXS years (needed under every reading)'), citation: L(44, 2), confidence: 'UNCERTAIN' }, ratingRun('HTXS', 5, { noReuse: true })),
  manual({ id: 'article-44-2', requirement: t('Các tiêu chuẩn khác của Điều 44 khoản 2 (chưa xác nhận văn bản)', 'Other criteria of Article 44(2), unconfirmed'), citation: L(44, 2), confidence: 'UNCERTAIN' }),
);

const higherClass = (award: 'hcld-2' | 'hcld-1', kind: 'person' | 'collective', lower: 'hcld-3' | 'hcld-2', dieu: number) => rule(award, kind, L(dieu), 'UNCERTAIN',
  priorAward({ id: `prior-${lower}`, requirement: t(`Đã được tặng Huân chương Lao động hạng ${lower === 'hcld-3' ? 'Ba' : 'Nhì'}`, `Holds the ${lower}`), citation: L(dieu), confidence: 'RECALLED' }, lower, ['cong-trang', 'cong-hien']),
  manual({ id: `article-${dieu}`, requirement: t(`Các tiêu chuẩn của Điều ${dieu} (chưa xác nhận văn bản)`, `Criteria of Article ${dieu}, unconfirmed`), citation: L(dieu), confidence: 'UNCERTAIN' }),
);

export const kncGdPerson = rule('knc-gd', 'person', cite(TT_29_2023, { dieu: 8 }), 'VERIFIED-2nd',
  serviceYears({ id: 'service-years', requirement: t('Có từ 20 năm công tác trong ngành giáo dục (15 năm nếu có từ 05 năm ở vùng đặc biệt khó khăn); thời gian kỷ luật không tính', 'Twenty years in education (fifteen with five in hard areas); discipline time excluded'), citation: cite(TT_29_2023, { dieu: 8, khoan: 1 }) }),
  notHeldBefore({ id: 'once', requirement: t('Chưa được tặng (chỉ tặng một lần)', 'Not received before (once in a lifetime)'), citation: cite(TT_29_2023, { dieu: 8 }) }),
);

export const RULES_2024: AwardRule[] = [
  ldttPerson, cstdcsPerson, cstdTinhPerson, cstdTqPerson, ttldttCollective, ttldxsCollective, giayKhen('person'), giayKhen('collective'),
  bkTinhPerson, bkTinhCollective, bkTtgPerson, bkTtgCollective, coTinhCollective, coCpCollective, hcld3Person, hcld3Collective,
  higherClass('hcld-2', 'person', 'hcld-3', 43), higherClass('hcld-2', 'collective', 'hcld-3', 43),
  higherClass('hcld-1', 'person', 'hcld-2', 42), higherClass('hcld-1', 'collective', 'hcld-2', 42), kncGdPerson,
];

export const vn2024: Ruleset = {
  id: 'vn-2024',
  title: t('Luật Thi đua, khen thưởng 2022 và Nghị định 98/2023/NĐ-CP (01/01/2024 – 30/06/2025)', 'Law on Emulation and Commendation 2022 with Decree 98/2023 (2024-01-01 – 2025-06-30)'),
  from: '2024-01-01',
  until: '2025-06-30',
  basis: ['Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022', 'Nghị định số 98/2023/NĐ-CP ngày 31 tháng 12 năm 2023 của Chính phủ quy định chi tiết thi hành một số điều của Luật Thi đua, khen thưởng', 'Thông tư số 01/2024/TT-BNV của Bộ Nội vụ quy định biện pháp thi hành Luật Thi đua, khen thưởng', 'Thông tư số 29/2023/TT-BGDĐT ngày 29 tháng 12 năm 2023 của Bộ Giáo dục và Đào tạo'],
  rules: RULES_2024,
};
