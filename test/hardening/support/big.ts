import { escapeXml, SHEET_CLOSE, SHEET_OPEN, workbook } from './xlsx.js';

const NAMES = ['Nguyễn Văn An', 'Trần Thị Bình', 'Lê Văn Cường', 'Phạm Thị Dung', 'Hoàng Văn Em', 'Vũ Thị Giang', 'Đặng Văn Hùng', 'Bùi Thị Lan'];

/**
 * A canonical sheet of `rows` data rows (STT, Họ và tên, Ngày sinh, Năm học, Xếp loại, Danh hiệu: six cells a
 * row), its XML generated and deflated chunk by chunk: a million rows never exist as one string.
 */
export async function bigWorkbook(rows: number, title = 'LĐTT'): Promise<Buffer> {
  const strings = ['STT', 'Họ và tên', 'Ngày sinh', 'Năm học', 'Xếp loại', 'Danh hiệu thi đua', '2023-2024', 'HTXSNV', title, ...NAMES];
  const sst = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" ' +
    `count="${strings.length}" uniqueCount="${strings.length}">${strings.map((s) => `<si><t>${escapeXml(s)}</t></si>`).join('')}</sst>`;
  const s = (i: number) => `t="s"><v>${i}</v></c>`;
  // Plain concatenation with the constant pieces made once: a template per row costs seconds at this size.
  const names = NAMES.map((_, i) => `" ${s(9 + i)}<c r="C`);
  const [d, e, f] = [`" ${s(6)}<c r="E`, `" ${s(7)}<c r="F`, `" ${s(8)}</row>`];
  function* chunks(): Generator<string> {
    yield `${SHEET_OPEN}<row r="1">${[0, 1, 2, 3, 4, 5].map((i) => `<c r="${'ABCDEF'[i]}1" ${s(i)}`).join('')}</row>`;
    let chunk = '';
    for (let n = 1; n <= rows; n++) {
      const r = String(n + 1);
      chunk += '<row r="' + r + '"><c r="A' + r + '"><v>' + n + '</v></c><c r="B' + r + names[n % NAMES.length] + r + '"><v>' +
        (25000 + (n % 9000)) + '</v></c><c r="D' + r + d + r + e + r + f;
      if (n % 20_000 === 0) {
        yield chunk;
        chunk = '';
      }
    }
    yield chunk + SHEET_CLOSE;
  }
  return workbook({ sheets: [{ name: 'Cá nhân', xml: chunks() }], sharedStrings: sst });
}
