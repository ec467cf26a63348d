import type { Issue } from '../../model/issue.js';

type D = Issue['data'];
const at = (d: D) => (d.header ? ` (column "${d.header}")` : '');

export const issuesEn: Record<string, (d: D) => string> = {
  E_NOT_FOUND: () => 'File or folder not found. Check the path.',
  E_XLS: () => 'A .xls (Excel 97-2003) file cannot be read. Open it in Excel and save it as .xlsx.',
  E_ODS: () => 'A .ods (LibreOffice) file cannot be read. Open it and save it as .xlsx.',
  E_ENCRYPTED: () => 'The file is password-protected. Remove the password in Excel and save it again.',
  E_EMPTY_FILE: () => 'The file is empty (0 bytes). Get the original file from the unit.',
  E_CORRUPT_FILE: () => 'The file is damaged or not an .xlsx workbook. Try opening it in Excel and saving a new copy.',
  E_ZIP_BOMB: () => 'The file declares an excessive uncompressed size (possible zip bomb) and was refused.',
  E_TOO_LARGE: (d) => `The file has too many cells (over ${d.cells}). Split it into smaller files.`,
  E_READER_PLACEHOLDER: () => 'The Excel reader returned unresolved shared strings (a known exceljs bug). Run again; if it persists, re-save the file in Excel.',
  E_CSV_ENCODING: () => 'The CSV file is not UTF-8. In Excel use Save As › "CSV UTF-8 (Comma delimited)".',
  E_UNSUPPORTED_FILE: (d) => `Cannot read "${d.ext}" files. tdkt reads .xlsx and .csv.`,
  E_NO_DATA: () => 'No data table found in the file (a header row with "Họ và tên" or "Tên tập thể" is needed).',
  W_NO_HEADER: () => 'No recognisable header row in this sheet; the sheet was skipped.',
  W_DUPLICATE_COLUMN: (d) => `Column "${d.header}" repeats an earlier column's meaning; only the first is read.`,
  I_UNKNOWN_COLUMN: (d) => `Columns not used: ${d.columns}.`,
  I_HIDDEN_SHEET: () => 'The sheet is hidden; it was read anyway.',
  I_HIDDEN_ROWS: (d) => `${d.count} hidden rows (rows ${d.rows}); read anyway.`,
  I_ID_PADDED: (d) => `An id stored as a number lost its leading zero; read as ${d.value}. Format the column as Text.`,
  W_LEGACY_ENCODING: (d) => `${d.count} cells hold legacy ${d.encoding} text (cells ${d.cells}). Run again with --fix-encoding to convert them.`,
  I_LEGACY_ENCODING_FIXED: (d) => `Converted ${d.count} cells from ${d.encoding} to Unicode (cells ${d.cells}).`,
  W_FORMULA_NO_RESULT: (d) => `${d.count} formula cells have no cached result and were read as empty. Open and save the file in Excel.`,
  W_TOO_MANY_COLUMNS: (d) => `The sheet has ${d.columns} columns; only the first ${d.max} are read.`,
  E_NO_PERIOD: () => 'Cannot tell the school year of this sheet: add a "Năm học" column, or put the year in the title, sheet name or file name.',
  E_MISSING_PERIOD: () => 'The school year is missing on this row. Write it as 2023-2024.',
  E_BAD_PERIOD: (d) => `Cannot read the school year "${d.value}". Write it as 2023-2024.`,
  E_MISSING_NAME: (d) => `Row ${d.row} has data but no name; the row was skipped.`,
  E_UNKNOWN_RATING: (d) => `Unknown rating "${d.value}"${at(d)}. Use HTXSNV, HTTNV, HTNV or KHTNV.`,
  E_UNKNOWN_TITLE: (d) => `Unknown title "${d.value}"${at(d)}. Use LĐTT, CSTĐCS, CSTĐ cấp tỉnh, TTLĐTT or TTLĐXS.`,
  E_UNKNOWN_AWARD: (d) => `Unknown award "${d.value}"${at(d)}, e.g. "Bằng khen của Chủ tịch UBND tỉnh", "Bằng khen của Thủ tướng Chính phủ".`,
  E_UNKNOWN_AWARD_KIND: (d) => `Unknown award kind "${d.value}". Use công trạng, chuyên đề, đột xuất, cống hiến or niên hạn.`,
  E_UNKNOWN_INITIATIVE: (d) => `Cannot read the initiative cell "${d.value}". Write a count ("1", "02 sáng kiến cấp cơ sở") or the initiative's title.`,
  E_UNKNOWN_INITIATIVE_LEVEL: (d) => `Unknown recognition level "${d.value}". Use cơ sở, tỉnh or toàn quốc.`,
  E_UNKNOWN_DISCIPLINE: (d) => `Unknown discipline "${d.value}". Use khiển trách, cảnh cáo, hạ bậc lương, giáng chức, cách chức or buộc thôi việc.`,
  E_UNKNOWN_LEAVE: (d) => `Unknown leave "${d.value}". Use thai sản, ốm dài ngày or đi học.`,
  E_UNKNOWN_GENDER: (d) => `Unknown gender "${d.value}". Use Nam or Nữ.`,
  E_BAD_DATE: (d) => `Cannot read the date "${d.value}"${at(d)}. Write day/month/year, e.g. 05/09/1985.`,
  E_FORMULA_ERROR: (d) => `The cell holds the formula error ${d.value}${at(d)}; treated as missing.`,
  E_CONFLICT: (d) => `Conflicting ${d.field} for ${d.period}: this cell says "${d.value}", ${d.other} says "${d.otherValue}". Correct one of them.`,
  E_AMBIGUOUS_PERSON: (d) => `Cannot tell who "${d.name}" is: ${d.count} people share the name (${d.candidates}). Add an id or a birth date.`,
  W_BIRTHDATE_MISMATCH: (d) => `${d.name}'s birth date reads ${d.value} here and ${d.otherValue} elsewhere.`,
  E_CONFIG: (d) => `Invalid configuration: ${d.detail}`,
  W_RECORDED_TITLE_UNSUPPORTED: (d) => `${d.subject} (${d.id}) is recorded ${d.title} in ${d.period}, but the data does not support it: ${d.reason}.`,
  W_CAP_EXCEEDED: (d) => `${d.unit}: ${d.eligible} eligible for ${d.award} but the cap is ${d.cap} (${d.share} of ${d.base} LĐTT); the council must choose.`,  E_LEGACY_SHEET_UNREAD: (d) => `The sheet is typed in the legacy ${d.encoding} encoding, so its data was not read. Run again with --fix-encoding.`,
  I_NO_TABLE: () => 'The sheet holds no data table (a guide, notes or a list of values); skipped.',
  E_BAD_CONFIRMATION: (d) => (d.reason === 'answer'
    ? `Cannot read the confirmation answer "${d.value}"${at(d)}. Write Đạt (or Có, x) or Không đạt (or Không); the row was not counted.`
    : d.reason === 'who'
      ? `Who confirmed is missing${at(d)}. Write the name and position of the person (or council); the row was not counted.`
      : `The criterion to confirm is missing${at(d)}. Write its id (e.g. leads-cluster, selected) or its text; the row was not counted.`),
  E_UNKNOWN_SUBJECT: (d) => `A confirmation names "${d.name}", but no person or collective in the data matches. Check the name, id or collective name.`,
  E_AMBIGUOUS_COLLECTIVE: (d) => `Cannot tell which collective "${d.name}" is: ${d.count} share the name (${d.candidates}). Add a unit code or a parent unit column.`,
};
