import { Command, CommanderError, Option } from 'commander';
import { parseLang, type Lang } from './i18n/index.js';
import { EXIT, OutputError, UsageError, type Io } from './io.js';
import { VERSION } from './version.js';

/** Options every command understands (DESIGN.md "Common options"). */
export type CommonOptions = {
  asOf?: string;
  date?: string;
  ruleset?: string;
  award?: string;
  config?: string;
  fixEncoding?: boolean;
  out?: string;
  json?: boolean;
  format?: string;
  lang?: string;
  quiet?: boolean;
  color?: boolean;
  /** false with --no-cache. */
  cache?: boolean;
  confirmations?: string;
};

type Runner = (args: unknown[], opts: Record<string, unknown>, io: Io, lang: Lang) => Promise<number>;

const HELP_TITLES: Record<string, string> = {
  'Usage:': 'Cách dùng:', 'Options:': 'Tùy chọn:', 'Commands:': 'Lệnh:', 'Arguments:': 'Tham số:', 'Global Options:': 'Tùy chọn chung:',
};

/** Runs tdkt with the given arguments and returns the exit code (0 done, 1 problems found, 2 could not run). */
export async function main(argv: string[], io: Io): Promise<number> {
  const lang = langOf(argv, io.env);
  let code: number = EXIT.ok;
  const program = buildProgram(lang, io, (c) => { code = c; });
  try {
    await program.parseAsync(argv, { from: 'user' });
  } catch (e) {
    if (e instanceof CommanderError) {
      if (e.code === 'commander.helpDisplayed' || e.code === 'commander.version' || e.code === 'commander.help') return EXIT.ok;
      io.stderr.write(`${usageMessage(e, lang)}\n`);
      return EXIT.cannotRun;
    }
    return reportFailure(e, io, lang);
  }
  return code;
}

function langOf(argv: string[], env: NodeJS.ProcessEnv): Lang {
  const i = argv.findIndex((a) => a === '--lang' || a.startsWith('--lang='));
  const value = i < 0 ? undefined : argv[i].includes('=') ? argv[i].split('=')[1] : argv[i + 1];
  return parseLang(value) ?? parseLang(env.TDKT_LANG) ?? 'vi';
}

function buildProgram(lang: Lang, io: Io, setCode: (c: number) => void): Command {
  const vi = lang === 'vi';
  const program = new Command('tdkt');
  program
    .description(vi
      ? 'tdkt — công cụ thi đua, khen thưởng: đọc bảng tính của đơn vị, xét điều kiện khen thưởng theo luật, lập hồ sơ đề nghị và kiểm tra hồ sơ.'
      : 'tdkt — emulation and commendation records: read unit spreadsheets, check award eligibility under the law, write nomination dossiers, verify them.')
    .version(VERSION, '-V, --version', vi ? 'in số phiên bản' : 'print the version')
    .helpOption('-h, --help', vi ? 'xem hướng dẫn' : 'show help')
    .helpCommand(vi ? 'help [lệnh]' : 'help [command]', vi ? 'xem hướng dẫn của một lệnh' : 'show help for a command')
    .exitOverride()
    .configureOutput({
      writeOut: (s) => io.stdout.write(s),
      writeErr: (s) => io.stderr.write(s),
      outputError: () => {},
    })
    .configureHelp({ styleTitle: (s) => (vi ? HELP_TITLES[s] ?? s : s), sortSubcommands: false })
    .addHelpText('after', vi ? HELP_AFTER_VI : HELP_AFTER_EN);

  const subcommand = (parent: Command, name: string, describe: { vi: string; en: string }, examples: string[], setup: (c: Command) => void, load: () => Promise<Runner>) => {
    const cmd = parent.command(name).description(vi ? describe.vi : describe.en)
      .helpOption('-h, --help', vi ? 'xem hướng dẫn' : 'show help')
      .configureHelp({ styleTitle: (s) => (vi ? HELP_TITLES[s] ?? s : s) })
      .exitOverride()
      .configureOutput({ writeOut: (s) => io.stdout.write(s), writeErr: (s) => io.stderr.write(s), outputError: () => {} });
    setup(cmd);
    commonOptions(cmd, vi);
    cmd.addHelpText('after', `\n${vi ? 'Ví dụ:' : 'Examples:'}\n${examples.map((e) => `  $ ${e}`).join('\n')}\n`);
    cmd.action(async (...args: unknown[]) => {
      const command = args[args.length - 1] as Command;
      const run = await load();
      setCode(await run(args.slice(0, -2), command.opts(), io, parseLang(command.opts().lang as string | undefined) ?? lang));
    });
    return cmd;
  };
  const add = (name: string, describe: { vi: string; en: string }, examples: string[], setup: (c: Command) => void, load: () => Promise<Runner>) =>
    subcommand(program, name, describe, examples, setup, load);

  add('inspect <paths...>', { vi: 'Xem tdkt đã đọc được gì: bố cục, cột, dữ liệu từng người theo năm học, các lỗi', en: 'Show what was read: layouts, columns, timelines, issues' },
    ['tdkt inspect du-lieu/', 'tdkt inspect truong-kim-lien.xlsx --json > doc-duoc.json', 'tdkt inspect du-lieu/ --fix-encoding'],
    (c) => c.option('--all', vi ? 'in dữ liệu của mọi đối tượng (mặc định in 60 đối tượng đầu)' : 'print every subject (default: the first 60)'),
    async () => (await import('./commands/inspect.js')).runInspect as Runner);

  const evalOptions = (c: Command) => c
    .option('--as-of <năm học>', vi ? 'năm học xét, vd 2024-2025 (2025 cũng được); mặc định năm học mới nhất trong dữ liệu' : 'period, e.g. 2024-2025; default: the latest in the data')
    .option('--date <dd/mm/yyyy>', vi ? 'ngày đề nghị, quyết định bộ quy tắc áp dụng; mặc định 31/08 cuối năm học' : 'proposal date (picks the ruleset); default 31/08 of the period')
    .option('--ruleset <id>', vi ? 'bộ quy tắc: vn-2017, vn-2024, vn-2025 (mặc định theo ngày đề nghị)' : 'ruleset: vn-2017, vn-2024, vn-2025 (default by date)')
    .option('--award <mã,…>', vi ? 'chỉ xét các hình thức này, vd bk-tinh,bk-ttg' : 'only these awards, e.g. bk-tinh,bk-ttg')
    .option('--confirmations <tệp>', vi ? 'tệp xác nhận của Hội đồng (sheet "Xác nhận": người/tập thể, hình thức, tiêu chuẩn, đạt/không đạt, người xác nhận, căn cứ)' : 'confirmations workbook (a "Xác nhận" sheet)');

  add('check <paths...>', { vi: 'Xét điều kiện mọi danh hiệu, hình thức khen thưởng cho từng cá nhân, tập thể', en: 'Evaluate every award for every person and collective' },
    ['tdkt check du-lieu/', 'tdkt check du-lieu/ --as-of 2024-2025 --award bk-tinh,bk-ttg', 'tdkt check du-lieu/ --out bao-cao.xlsx', 'tdkt check du-lieu/ --json > ket-qua.json'],
    (c) => evalOptions(c)
      .option('--unit <tên>', vi ? 'chỉ xét đơn vị (hoặc tổ) có tên chứa chữ này' : 'only subjects of this unit')
      .option('--status <trạng thái>', vi ? 'chỉ in kết luận: eligible (đủ), review (cần xem xét), ineligible (chưa đủ); có thể ghi nhiều, cách nhau dấu phẩy' : 'only these statuses')
      .option('--out <tệp.xlsx>', vi ? 'ghi báo cáo Excel: tổng hợp, kết luận từng người, quá trình theo năm học' : 'write an XLSX report')
      .option('--force', vi ? 'ghi đè tệp báo cáo đã có' : 'overwrite the report file')
      .option('--all', vi ? 'in hết danh sách (mặc định 50 người mỗi mục)' : 'list everyone'),
    async () => (await import('./commands/check.js')).runCheck as Runner);

  add('explain <subject> <paths...>', { vi: 'Giải thích cho một người hoặc tập thể: quá trình, từng tiêu chuẩn, căn cứ, và còn thiếu gì', en: 'Explain one subject: timeline, every criterion, legal basis, what is missing' },
    ['tdkt explain "Nguyễn Thị Hương" du-lieu/', 'tdkt explain 020178123456 du-lieu/ --award bk-ttg', 'tdkt explain "Tổ Toán - Tin" du-lieu/ --json'],
    (c) => evalOptions(c),
    async () => (await import('./commands/explain.js')).runExplain as Runner);

  add('rules', { vi: 'Liệt kê bộ quy tắc, tiêu chuẩn, tham số, điều khoản và mức tin cậy', en: 'List rulesets, criteria, parameters, citations and confidence' },
    ['tdkt rules', 'tdkt rules --ruleset vn-2025 --award bk-ttg', 'tdkt rules --json'],
    (c) => c.option('--ruleset <id>', vi ? 'chỉ một bộ quy tắc' : 'one ruleset').option('--award <mã,…>', vi ? 'chỉ các hình thức này' : 'only these awards'),
    async () => (await import('./commands/rules.js')).runRules as Runner);

  add('generate [paths...]', { vi: 'Lập hồ sơ đề nghị (DOCX): tờ trình, danh sách, báo cáo thành tích, biên bản, quyết định', en: 'Write the nomination documents (DOCX)' },
    ['tdkt generate du-lieu/ --as-of 2024-2025 --award bk-tinh,bk-ttg --out ho-so', 'tdkt generate du-lieu/ --award cstdcs --include-review --out ho-so', 'tdkt generate --dossier ho-so-2025'],
    (c) => evalOptions(c)
      .option('--out <thư mục>', vi ? 'thư mục ghi hồ sơ' : 'output folder')
      .option('--include-review', vi ? 'đưa cả các trường hợp "cần xem xét" vào hồ sơ' : 'include review verdicts')
      .option('--nominees <tệp>', vi ? 'danh sách đề nghị cụ thể (YAML/JSON: award, subject, justification; hoặc CSV)' : 'explicit nominee list')
      .option('--templates <thư mục>', vi ? 'dùng mẫu văn bản đã sửa trong thư mục này (tên tệp như templates/)' : 'use edited templates from this folder')
      .option('--dossier <thư mục>', vi ? 'lập từ tệp kê khai tdkt.yaml của thư mục hồ sơ, ghi vào thư mục đó' : 'generate from a dossier folder manifest')
      .option('--force', vi ? 'ghi đè thư mục hồ sơ đã có' : 'overwrite an existing output'),
    async () => (await import('./commands/generate.js')).runGenerate as Runner);

  // `tdkt template check <file>`: a command group, so that later template commands sit beside check.
  const template = program.command('template').description(vi ? 'Làm việc với mẫu văn bản .docx (xem: tdkt template check --help)' : 'Work with .docx templates')
    .helpOption('-h, --help', vi ? 'xem hướng dẫn' : 'show help')
    .helpCommand(false)
    .configureHelp({ styleTitle: (s) => (vi ? HELP_TITLES[s] ?? s : s) })
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.stdout.write(s), writeErr: (s) => io.stderr.write(s), outputError: () => {} });
  subcommand(template, 'check <file>', { vi: 'Kiểm tra một mẫu văn bản .docx: chỗ trống lạ, thiếu, hoặc bị Word tách', en: 'Check a .docx template: unknown, missing or split placeholders' },
    ['tdkt template check mau/to-trinh.docx', 'tdkt template check mau/bao-cao-rieng.docx --document bao-cao-ca-nhan'],
    (c) => c.option('--document <mã>', vi ? 'mẫu này dùng cho văn bản nào (to-trinh, danh-sach, bao-cao-ca-nhan, bao-cao-tap-the, bien-ban, quyet-dinh)' : 'which document the template is for'),
    async () => (await import('./commands/template.js')).runTemplateCheck as Runner);

  add('verify <dossier>', { vi: 'Kiểm tra thư mục hồ sơ (dùng trong CI): dữ liệu, người được đề nghị, văn bản, tài liệu kèm theo', en: 'Check a dossier folder (for CI)' },
    ['tdkt verify ho-so-2025', 'tdkt verify ho-so-2025 --format junit --out ket-qua.xml', 'tdkt verify ho-so-2025 --format github'],
    (c) => c
      .addOption(new Option('--format <dạng>', vi ? 'dạng báo cáo: text (mặc định), json, junit, github' : 'report format').choices(['text', 'json', 'junit', 'github']))
      .option('--out <tệp>', vi ? 'ghi báo cáo vào tệp (vd JUnit cho CI)' : 'write the report to a file')
      .option('--templates <thư mục>', vi ? 'mẫu văn bản đã dùng khi lập hồ sơ' : 'templates used for the dossier')
      .option('--show-ids', vi ? 'hiện đầy đủ số CCCD/mã định danh (mặc định che trong JUnit, GitHub)' : 'show ids unmasked'),
    async () => (await import('./commands/verify.js')).runVerify as Runner);

  add('init [dir]', { vi: 'Tạo bảng tính nhập liệu mẫu (có danh sách chọn) và tệp cấu hình mẫu', en: 'Write a ready-to-fill input workbook and a sample config' },
    ['tdkt init', 'tdkt init ho-so-2025', 'tdkt init --dossier ho-so-2025'],
    (c) => c.option('--force', vi ? 'ghi đè tệp đã có' : 'overwrite existing files')
      .option('--dossier <thư mục>', vi ? 'tạo thư mục hồ sơ: tdkt.yaml có chú thích, bảng tính dữ liệu, mẫu thành tích' : 'scaffold a dossier folder'),
    async () => (await import('./commands/init.js')).runInit as Runner);

  return program;
}

function commonOptions(cmd: Command, vi: boolean): void {
  cmd
    .option('--config <file>', vi ? 'tệp cấu hình (JSON hoặc YAML); mặc định tdkt.config.yaml nếu có' : 'config file (JSON or YAML)')
    .option('--fix-encoding', vi ? 'chuyển chữ mã TCVN3 (ABC) và VNI sang Unicode khi đọc' : 'convert TCVN3 (ABC) and VNI text to Unicode')
    .option('--no-cache', vi ? 'không dùng bộ nhớ đệm các bảng tính đã đọc (đọc lại từ đầu)' : 'do not use the cache of read workbooks')
    .option('--json', vi ? 'in kết quả dạng JSON ra stdout (lệnh inspect, check, explain, rules, verify)' : 'print JSON on stdout (inspect, check, explain, rules, verify)')
    .addOption(new Option('--lang <lang>', vi ? 'ngôn ngữ: vi (mặc định) hoặc en' : 'language: vi (default) or en').choices(['vi', 'en']))
    .option('-q, --quiet', vi ? 'chỉ in kết quả, không in tiến trình và thông báo' : 'print the result only')
    .option('--no-color', vi ? 'không tô màu (biến môi trường NO_COLOR cũng vậy)' : 'no colours (NO_COLOR works too)');
}

const HELP_AFTER_VI = `
Mã thoát: 0 xong, không có vấn đề; 1 xong nhưng có vấn đề (dòng dữ liệu lỗi, tệp trong thư mục không đọc được,
kiểm tra hồ sơ không đạt); 2 không chạy được (sai cách dùng, tệp chỉ định không đọc được, cấu hình sai).

Ví dụ:
  $ tdkt init
  $ tdkt inspect du-lieu/
  $ tdkt check du-lieu/ --out bao-cao.xlsx
  $ tdkt explain "Nguyễn Thị Hương" du-lieu/
`;

const HELP_AFTER_EN = `
Exit codes: 0 done, nothing wrong; 1 done but problems found; 2 could not run.

Examples:
  $ tdkt init
  $ tdkt inspect data/
  $ tdkt check data/ --out report.xlsx
  $ tdkt explain "Nguyễn Thị Hương" data/
`;

function usageMessage(e: CommanderError, lang: Lang): string {
  const vi = lang === 'vi';
  const detail = e.message.replace(/^error:\s*/, '');
  const known: Record<string, [string, string]> = {
    'commander.unknownOption': ['Tùy chọn không có', 'Unknown option'],
    'commander.unknownCommand': ['Lệnh không có', 'Unknown command'],
    'commander.missingArgument': ['Thiếu tham số', 'Missing argument'],
    'commander.optionMissingArgument': ['Tùy chọn thiếu giá trị', 'Option needs a value'],
    'commander.excessArguments': ['Thừa tham số', 'Too many arguments'],
    'commander.invalidArgument': ['Giá trị không hợp lệ', 'Invalid value'],
  };
  const head = known[e.code]?.[vi ? 0 : 1] ?? (vi ? 'Sai cách dùng' : 'Bad usage');
  return `tdkt: ${head}: ${detail}\n${vi ? 'Xem hướng dẫn: tdkt --help' : 'See: tdkt --help'}`;
}

function reportFailure(e: unknown, io: Io, lang: Lang): number {
  if (e instanceof UsageError) {
    io.stderr.write(`tdkt: ${e.message}\n`);
    return EXIT.cannotRun;
  }
  const vi = lang === 'vi';
  if (e instanceof OutputError) {
    const why = e.code === 'ENOSPC' || e.code === 'EDQUOT' ? (vi ? 'ổ đĩa đã đầy' : 'the disk is full')
      : e.code === 'EFBIG' ? (vi ? 'tệp vượt giới hạn kích thước' : 'the file is over the size limit') : `${e.code ?? ''} ${e.message}`.trim();
    io.stderr.write(vi
      ? `tdkt: không ghi hết được kết quả ra tệp (${why}); tệp kết quả bị thiếu, không dùng được. Khắc phục (giải phóng chỗ trống hoặc ghi ra ổ đĩa khác) rồi chạy lại lệnh.\n`
      : `tdkt: could not write all of the output to its file (${why}); the output file is incomplete. Fix that (free some space, or write to another disk) and run the command again.\n`);
    return EXIT.cannotRun;
  }
  io.stderr.write(vi
    ? `tdkt gặp lỗi không mong đợi (tdkt ${VERSION}, Node ${process.version}). Xin gửi báo lỗi kèm lệnh đã chạy và nội dung dưới đây:\n`
    : `tdkt hit an unexpected error (tdkt ${VERSION}, Node ${process.version}). Please report it with the command you ran and this text:\n`);
  io.stderr.write(`${(e as Error)?.stack ?? String(e)}\n`);
  return EXIT.cannotRun;
}
