import { describe, expect, it } from 'vitest';
import { convertLegacy, detectLegacyEncoding, toLegacy, type LegacyEncoding } from '../../src/ingest/legacy-encoding.js';

const ENCODINGS: LegacyEncoding[] = ['tcvn3', 'vni'];

// Names, units, ratings, titles and awards as they appear in school spreadsheets.
const REALISTIC = [
  'Nguyễn Văn An', 'Nguyễn Thị Hương', 'Trần Thị Thu Hà', 'Lê Văn Đức', 'Phạm Minh Tuấn', 'Hoàng Thị Ngọc Ánh',
  'Đỗ Văn Đức', 'Vũ Thị Phương Thảo', 'Bùi Quang Huy', 'Đặng Thị Mỹ Linh', 'Ngô Thanh Tùng', 'Dương Văn Khánh',
  'Huỳnh Thị Kim Oanh', 'Phan Thị Quỳnh Nga', 'Trịnh Xuân Trường', 'Lương Thị Nguyệt', 'Nghiêm Xuân Quyết',
  'Trường THCS Kim Liên', 'Trường Tiểu học Nguyễn Trãi', 'Trường THPT Chu Văn An',
  'Phòng Giáo dục và Đào tạo quận Đống Đa', 'Sở Giáo dục và Đào tạo Hà Nội', 'Ủy ban nhân dân thành phố Hà Nội',
  'Tổ Toán - Tin', 'Tổ Ngữ văn', 'Tổ Khoa học tự nhiên', 'Tổ Văn phòng', 'Công đoàn cơ sở',
  'Hoàn thành xuất sắc nhiệm vụ', 'Hoàn thành tốt nhiệm vụ', 'Hoàn thành nhiệm vụ', 'Không hoàn thành nhiệm vụ',
  'Lao động tiên tiến', 'Chiến sĩ thi đua cơ sở', 'Chiến sĩ thi đua cấp tỉnh', 'Tập thể lao động xuất sắc',
  'Giấy khen của Hiệu trưởng', 'Bằng khen của Thủ tướng Chính phủ', 'Huân chương Lao động hạng Ba',
  'Kỷ niệm chương Vì sự nghiệp giáo dục', 'Hiệu trưởng', 'Phó Hiệu trưởng', 'Giáo viên chủ nhiệm lớp 9A',
  'Tổ trưởng chuyên môn', 'Nhân viên kế toán', 'Giáo viên dạy giỏi cấp thành phố', 'Nhà giáo ưu tú',
  'Đảng viên hoàn thành xuất sắc nhiệm vụ', 'Quyết định số 123/QĐ-UBND ngày 15/5/2023', 'Xếp loại: Tốt',
  'Sáng kiến kinh nghiệm được công nhận', 'CSTĐCS', 'TRƯỜNG THCS KIM LIÊN', 'DANH SÁCH ĐỀ NGHỊ KHEN THƯỞNG',
  'HOÀN THÀNH XUẤT SẮC NHIỆM VỤ',
];

/** TCVN3 has no capitals with tone marks (they were typed with the lowercase code), except in all-capital text. */
function afterTcvn3(text: string): string {
  if (text === text.toUpperCase()) return text;
  return [...text].map((c) => (toLegacy(c, 'tcvn3') === toLegacy(c.toLowerCase(), 'tcvn3') ? c.toLowerCase() : c)).join('');
}

describe('tables, letter by letter (in the order of the UniKey and xvnkb tables)', () => {
  const lower =
    'a á à ả ã ạ â ấ ầ ẩ ẫ ậ ă ắ ằ ẳ ẵ ặ đ e é è ẻ ẽ ẹ ê ế ề ể ễ ệ i í ì ỉ ĩ ị ' +
    'o ó ò ỏ õ ọ ô ố ồ ổ ỗ ộ ơ ớ ờ ở ỡ ợ u ú ù ủ ũ ụ ư ứ ừ ử ữ ự y ý ỳ ỷ ỹ ỵ';
  const tcvn3 =
    'a ¸ µ ¶ · ¹ © Ê Ç È É Ë ¨ ¾ » ¼ ½ Æ ® e Ð Ì Î Ï Ñ ª Õ Ò Ó Ô Ö i Ý × Ø Ü Þ ' +
    'o ã ß á â ä « è å æ ç é ¬ í ê ë ì î u ó ï ñ ò ô \u00ad ø õ ö ÷ ù y ý ú û ü þ';
  const vni =
    'a aù aø aû aõ aï aâ aá aà aå aã aä aê aé aè aú aü aë ñ e eù eø eû eõ eï eâ eá eà eå eã eä i í ì æ ó ò ' +
    'o où oø oû oõ oï oâ oá oà oå oã oä ô ôù ôø ôû ôõ ôï u uù uø uû uõ uï ö öù öø öû öõ öï y yù yø yû yõ î';
  const vniCapitals =
    'A AÙ AØ AÛ AÕ AÏ AÂ AÁ AÀ AÅ AÃ AÄ AÊ AÉ AÈ AÚ AÜ AË Ñ E EÙ EØ EÛ EÕ EÏ EÂ EÁ EÀ EÅ EÃ EÄ I Í Ì Æ Ó Ò ' +
    'O OÙ OØ OÛ OÕ OÏ OÂ OÁ OÀ OÅ OÃ OÄ Ô ÔÙ ÔØ ÔÛ ÔÕ ÔÏ U UÙ UØ UÛ UÕ UÏ Ö ÖÙ ÖØ ÖÛ ÖÕ ÖÏ Y YÙ YØ YÛ YÕ Î';

  it('has 73 letters in each list', () => {
    for (const list of [lower, tcvn3, vni, vniCapitals]) expect(list.split(' ')).toHaveLength(73);
  });
  it('converts TCVN3 lowercase letters', () => {
    expect(convertLegacy(tcvn3, 'tcvn3')).toBe(lower);
    expect(toLegacy(lower, 'tcvn3')).toBe(tcvn3);
  });
  it('converts the TCVN3 capitals Ă Â Đ Ê Ô Ơ Ư', () => {
    expect(convertLegacy('¡ ¢ § £ ¤ ¥ ¦', 'tcvn3')).toBe('Ă Â Đ Ê Ô Ơ Ư');
  });
  it('converts VNI letters, lowercase and capital', () => {
    expect(convertLegacy(vni, 'vni')).toBe(lower);
    expect(convertLegacy(vniCapitals, 'vni')).toBe(lower.toUpperCase());
    expect(toLegacy(lower, 'vni')).toBe(vni);
    expect(toLegacy(lower.toUpperCase(), 'vni')).toBe(vniCapitals);
  });
});

describe('hand-written legacy text', () => {
  it.each([
    ['NguyÔn V¨n An', 'Nguyễn Văn An'],
    ['NguyÔn ThÞ H\u00ad¬ng', 'Nguyễn Thị Hương'],
    ['Tr\u00adêng THCS Kim Liªn', 'Trường THCS Kim Liên'],
    ['Hoµn thµnh xuÊt s¾c nhiÖm vô', 'Hoàn thành xuất sắc nhiệm vụ'],
    ['Lao ®éng tiªn tiÕn', 'Lao động tiên tiến'],
    ['ChiÕn sÜ thi ®ua c¬ së', 'Chiến sĩ thi đua cơ sở'],
    ['§ç V¨n §øc', 'Đỗ Văn Đức'],
    ['Tæ Ng÷ v¨n', 'Tổ Ngữ văn'],
    ['TR\u00adêNG THCS KIM LI£N', 'TRƯỜNG THCS KIM LIÊN'],
    ['Q§-UBND', 'QĐ-UBND'],
  ])('TCVN3 %s → %s', (legacy, unicode) => {
    expect(detectLegacyEncoding(legacy)).toBe('tcvn3');
    expect(convertLegacy(legacy, 'tcvn3')).toBe(unicode);
  });
  it.each([
    ['Nguyeãn Vaên An', 'Nguyễn Văn An'],
    ['Nguyeãn Thò Höông', 'Nguyễn Thị Hương'],
    ['Tröôøng THCS Kim Lieân', 'Trường THCS Kim Liên'],
    ['Hoaøn thaønh xuaát saéc nhieäm vuï', 'Hoàn thành xuất sắc nhiệm vụ'],
    ['Lao ñoäng tieân tieán', 'Lao động tiên tiến'],
    ['Chieán só thi ñua cô sôû', 'Chiến sĩ thi đua cơ sở'],
    ['Ñoã Vaên Ñöùc', 'Đỗ Văn Đức'],
    ['Toå Ngöõ vaên', 'Tổ Ngữ văn'],
    ['TRÖÔØNG THCS KIM LIEÂN', 'TRƯỜNG THCS KIM LIÊN'],
    ['LÑTT', 'LĐTT'],
  ])('VNI %s → %s', (legacy, unicode) => {
    expect(detectLegacyEncoding(legacy)).toBe('vni');
    expect(convertLegacy(legacy, 'vni')).toBe(unicode);
  });
});

describe('round trips through the legacy encodings', () => {
  it('uses at least 40 realistic strings', () => expect(REALISTIC.length).toBeGreaterThanOrEqual(40));
  it.each(REALISTIC)('TCVN3: %s', (text) => {
    const legacy = toLegacy(text, 'tcvn3');
    expect(detectLegacyEncoding(legacy)).toBe('tcvn3');
    expect(convertLegacy(legacy, 'tcvn3')).toBe(afterTcvn3(text));
  });
  it.each(REALISTIC)('VNI: %s', (text) => {
    const legacy = toLegacy(text, 'vni');
    expect(detectLegacyEncoding(legacy)).toBe('vni');
    expect(convertLegacy(legacy, 'vni')).toBe(text);
  });
  it('gives TCVN3 capitals with tone marks back in lowercase unless the text is all capitals', () => {
    expect(convertLegacy(toLegacy('Ủy ban nhân dân', 'tcvn3'), 'tcvn3')).toBe('ủy ban nhân dân');
    expect(convertLegacy('Hå ChÝ Minh', 'tcvn3')).toBe('Hồ Chí Minh');
    expect(convertLegacy('Lª Hå', 'tcvn3')).toBe('Lê Hồ');
    expect(convertLegacy('V¨N', 'tcvn3')).toBe('VĂN');
  });
});

describe('ordinary text is not legacy', () => {
  const ordinary = [
    'Nguyễn Văn An', 'Trường THCS Kim Liên', 'Hoàn thành xuất sắc nhiệm vụ', 'Lao động tiên tiến', 'Tổ Toán - Tin',
    'HTXS', 'LDTT', 'LĐTT', 'Nguyen Van A', '1234/QĐ-UBND', 'café', 'Müller', 'Zürich', 'São Paulo', 'Peña', 'Noël',
    'Straße', 'crème brûlée', 'résumé', 'naïve', 'François', 'Björk', 'Ångström', 'El Niño', 'Hélène',
    'Hoàn thành', 'Tô Hoài', 'Thái Bình', 'Lê Lý', 'Bùi Thúy', 'Võ Tú', 'HOÀN THÀNH', 'Toán', 'Khá',
    '12/05/2023', '2023-2024', '8,5', '9.25', '100%', '25°C', '± 0,5', '§ 3', '½', '“Tốt”', '', ' ', 'ESPAÑA', 'Año 2024', 'A§B',
  ];
  it.each(ordinary)('%s', (text) => expect(detectLegacyEncoding(text)).toBeUndefined());
  it.each(REALISTIC)('Unicode %s, NFC and NFD', (text) => {
    expect(detectLegacyEncoding(text)).toBeUndefined();
    expect(detectLegacyEncoding(text.normalize('NFD'))).toBeUndefined();
  });
  it('leaves single words that read both ways undecided', () => {
    expect(detectLegacyEncoding('Giái')).toBeUndefined(); // TCVN3 Giỏi, or a Unicode spelling
    expect(detectLegacyEncoding('Toát')).toBeUndefined(); // VNI Tốt, or the Unicode word toát
  });
});

describe('other characters', () => {
  it('leaves characters outside the table unchanged', () => {
    for (const encoding of ENCODINGS) {
      expect(convertLegacy('1234/QĐ-UBND, HK I: 8,5', encoding)).toBe('1234/QĐ-UBND, HK I: 8,5');
    }
    expect(convertLegacy('Tæ To¸n – Tin', 'tcvn3')).toBe('Tổ Toán – Tin');
  });
  it('reads bytes 0x80–0x9F as Windows-1252 whether they arrive as such or as C1 controls', () => {
    // Windows-1252 0x80–0x9F (0x81, 0x8D, 0x8F, 0x90, 0x9D are unassigned and stay as they are).
    const cp1252 = [
      0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152, 0x8d, 0x17d, 0x8f,
      0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122, 0x161, 0x203a, 0x153, 0x9d, 0x17e, 0x178,
    ];
    for (const encoding of ENCODINGS) {
      for (let byte = 0x80; byte < 0xa0; byte++) {
        const expected = String.fromCharCode(cp1252[byte - 0x80]!);
        expect(convertLegacy(String.fromCharCode(byte), encoding)).toBe(expected);
        expect(convertLegacy(expected, encoding)).toBe(expected);
      }
    }
    expect(convertLegacy('\u0093Lao ®éng tiªn tiÕn\u0094', 'tcvn3')).toBe('“Lao động tiên tiến”');
    expect(detectLegacyEncoding('“Lao ®éng tiªn tiÕn”')).toBe('tcvn3');
    expect(convertLegacy('Toå Toaùn \u0096 Tin', 'vni')).toBe('Tổ Toán – Tin');
  });
  it('returns NFC', () => {
    for (const encoding of ENCODINGS) {
      const converted = convertLegacy(toLegacy(REALISTIC.join(' '), encoding), encoding);
      expect(converted).toBe(converted.normalize('NFC'));
    }
  });
});
