import ExcelJS from 'exceljs';

// The baseline of DESIGN/perf-baseline: a bare exceljs streaming read of the same files, rows kept in memory.
const files = process.argv.slice(2);
const start = performance.now();
const rows: unknown[][] = [];
for (const file of files) {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(file, { sharedStrings: 'cache', styles: 'cache', worksheets: 'emit', hyperlinks: 'ignore' });
  for await (const ws of reader) for await (const row of ws) rows.push((row as ExcelJS.Row).values as unknown[]);
}
process.stdout.write(JSON.stringify({ ms: performance.now() - start, rows: rows.length }));
