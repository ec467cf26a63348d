import { describe, expect, it } from 'vitest';
import { matchField } from '../../src/ingest/columns.js';
import { parseDecision, splitAwardText } from '../../src/ingest/decision.js';
import { parseCombo } from '../../src/ingest/facts.js';
import { parseDiscipline, parseHonour, parseInitiatives, parseRating } from '../../src/ingest/vocabulary.js';

describe('ratings', () => {
  it.each([
    ['Hoàn thành xuất sắc nhiệm vụ', 'HTXS'], ['HTXSNV', 'HTXS'], ['HTXS', 'HTXS'], ['Xuất sắc', 'HTXS'], ['htxsnv', 'HTXS'],
    ['Hoàn thành tốt nhiệm vụ', 'HTT'], ['HTTNV', 'HTT'], ['Hoàn thành nhiệm vụ', 'HT'], ['HTNV', 'HT'],
    ['Không hoàn thành nhiệm vụ', 'KHT'], ['KHTNV', 'KHT'], ['Hoa\u0300n tha\u0300nh to\u0302\u0301t nhie\u0323\u0302m vu\u0323', 'HTT'],
  ])('%s → %s', (text, rating) => expect(parseRating(text)).toBe(rating));
  it.each(['Tốt lắm', 'Khá', 'LĐTT', ''])('does not guess %s', (text) => expect(parseRating(text)).toBeUndefined());
});

describe('titles and award forms', () => {
  it.each([
    ['Lao động tiên tiến', 'ldtt'], ['LĐTT', 'ldtt'], ['LDTT', 'ldtt'], ['Chiến sĩ thi đua cơ sở', 'cstdcs'], ['CSTĐCS', 'cstdcs'],
    ['CSTĐ cơ sở', 'cstdcs'], ['Chiến sĩ thi đua cấp tỉnh', 'cstd-tinh'], ['Chiến sĩ thi đua toàn quốc', 'cstd-tq'],
    ['Tập thể lao động xuất sắc', 'ttldxs'], ['TTLĐXS', 'ttldxs'], ['Tập thể lao động tiên tiến', 'ttldtt'],
    ['Bằng khen của Chủ tịch UBND tỉnh', 'bk-tinh'], ['Bằng khen UBND tỉnh', 'bk-tinh'], ['Bằng khen của Bộ trưởng Bộ GD&ĐT', 'bk-tinh'],
    ['Bằng khen của Thủ tướng Chính phủ', 'bk-ttg'], ['Huân chương Lao động hạng Ba', 'hcld-3'], ['Huân chương Lao động hạng Nhì', 'hcld-2'],
    ['Huân chương Lao động hạng Nhất', 'hcld-1'], ['Cờ thi đua của UBND tỉnh', 'co-tinh'], ['Cờ thi đua của Chính phủ', 'co-cp'],
    ['Giấy khen của Giám đốc Sở GD&ĐT', 'giay-khen'], ['Kỷ niệm chương Vì sự nghiệp giáo dục', 'knc-gd'],
  ])('%s → %s', (text, award) => expect(parseHonour(text)?.award).toBe(award));
  it('reads the kind from the text', () => {
    expect(parseHonour('Bằng khen UBND tỉnh (chuyên đề)')).toEqual({ award: 'bk-tinh', kind: 'chuyen-de' });
    expect(parseHonour('Bằng khen đột xuất của Chủ tịch UBND tỉnh')).toEqual({ award: 'bk-tinh', kind: 'dot-xuat' });
  });
  it.each(['LĐXS', 'Khen', 'Bằng khen Hội Cựu chiến binh xã'])('does not guess %s', (text) => expect(parseHonour(text)).toBeUndefined());
});

describe('combined cells', () => {
  it('splits a rating and titles', () => {
    expect(parseCombo('HTXSNV; CSTĐCS')).toMatchObject({ rating: 'HTXS', titles: [{ award: 'cstdcs' }], unknown: [] });
    expect(parseCombo('HTT, LĐTT')).toMatchObject({ rating: 'HTT', titles: [{ award: 'ldtt' }] });
    expect(parseCombo('Không')).toMatchObject({ titles: [], unknown: [] });
  });
  it('keeps the decision written beside a title', () => {
    expect(parseCombo('LĐTT (QĐ 45/QĐ-THCS ngày 25/5/2021)').titles[0]).toEqual({ award: 'ldtt', kind: 'cong-trang', decision: { number: '45/QĐ-THCS', date: '2021-05-25' } });
  });
  it('reports what it cannot read', () => expect(parseCombo('HTXS, LĐXS').unknown).toEqual(['LĐXS']));
});

describe('initiatives, discipline, decisions', () => {
  it.each([
    ['1', [{ type: 'sang-kien', count: 1 }]], ['02 sáng kiến cấp cơ sở', [{ type: 'sang-kien', count: 2, level: 'co-so' }]],
    ['01 SK cấp tỉnh', [{ type: 'sang-kien', count: 1, level: 'tinh' }]], ['1 đề tài', [{ type: 'de-tai', count: 1 }]], ['x', [{ type: 'sang-kien', count: 1 }]],
    ['Không', []], ['0', []],
  ])('sáng kiến %s', (text, expected) => expect(parseInitiatives(text)).toEqual(expected));
  it('takes a long text as the title of one initiative', () => {
    expect(parseInitiatives('Một số biện pháp nâng cao chất lượng dạy học')).toEqual([{ type: 'sang-kien', count: 1, name: 'Một số biện pháp nâng cao chất lượng dạy học' }]);
  });
  it.each([['Khiển trách', 'khien-trach'], ['Cảnh cáo (QĐ 12/QĐ-UBND)', 'canh-cao'], ['Không', 'none'], ['', 'none'], ['Nhắc nhở', undefined]])(
    'kỷ luật %s', (text, level) => expect(parseDiscipline(text)).toBe(level));
  it('reads "Số, ngày quyết định" in one cell', () => {
    expect(parseDecision('1234/QĐ-UBND ngày 15/8/2019')).toEqual({ number: '1234/QĐ-UBND', date: '2019-08-15' });
    expect(parseDecision('QĐ số 12/QĐ-UBND ngày 5 tháng 6 năm 2020 của UBND tỉnh Lạng Sơn')).toEqual({ number: '12/QĐ-UBND', date: '2020-06-05', authority: 'UBND tỉnh Lạng Sơn' });
    expect(splitAwardText('Bằng khen UBND tỉnh (QĐ 123/QĐ-UBND ngày 12/5/2020)')).toEqual({ award: 'Bằng khen UBND tỉnh', decision: { number: '123/QĐ-UBND', date: '2020-05-12' } });
  });
});

describe('column headers by meaning', () => {
  it.each([
    ['Họ và tên', 'name'], ['HỌ TÊN', 'name'], ['HO VA TEN', 'name'], ['Mã định danh', 'id'], ['Số CCCD', 'id'], ['Mã CBCCVC', 'id'],
    ['Ngày sinh', 'birthDate'], ['Năm sinh', 'birthDate'], ['Giới tính', 'gender'], ['Chức vụ', 'position'], ['Chức danh', 'position'],
    ['Đơn vị', 'unit'], ['Tổ chuyên môn', 'team'], ['Tổ', 'team'], ['Ngày vào ngành', 'entryDate'], ['Năm học', 'period'],
    ['Xếp loại', 'rating'], ['Mức độ hoàn thành nhiệm vụ', 'rating'], ['Đánh giá', 'rating'], ['Danh hiệu thi đua', 'titles'],
    ['Danh hiệu', 'titles'], ['Sáng kiến', 'initiatives'], ['Số sáng kiến', 'initiatives'], ['Đề tài', 'initiatives'],
    ['Cấp công nhận sáng kiến', 'initiativeLevel'], ['Hình thức khen thưởng', 'award'], ['Khen thưởng', 'award'],
    ['Loại khen thưởng', 'awardKind'], ['Số quyết định', 'decisionNumber'], ['Số QĐ', 'decisionNumber'], ['Ngày quyết định', 'decisionDate'],
    ['Số, ngày quyết định', 'decision'], ['Cơ quan ban hành', 'authority'], ['Kỷ luật', 'discipline'], ['Ghi chú', 'note'],
    ['Mã đơn vị', 'unitCode'], ['Tên tập thể', 'collectiveName'], ['Tên đơn vị', 'collectiveName'], ['Đơn vị cấp trên', 'parent'], ['STT', 'stt'],
  ])('%s → %s', (header, field) => expect(matchField(header)).toBe(field));
});
