// What each command accepts and how it explains itself: the options node:util parseArgs reads, and
// the Vietnamese `--help` text, from one table. Kept free of imports so that `--help` and a wrong
// option answer without loading the command's own modules.

export interface OptionSpec {
  type: 'string' | 'boolean';
  short?: string;
  multiple?: boolean;
  /** The placeholder after a string option in the help text: `--out THƯ_MỤC`. */
  value?: string;
  help: string;
}

export interface CommandSpec {
  /** One line for the command list of `kehoach --help`. */
  summary: string;
  /** The arguments after the command word, as the help shows them. */
  usage: string;
  /** Whether the command takes arguments that are not options (files, folders, revisions). */
  positionals: boolean;
  options: Record<string, OptionSpec>;
  /** Further lines of the help text, before the examples. */
  details?: string[];
  examples: string[];
}

const json = (what: string): OptionSpec => ({ type: 'boolean', help: `in kết quả dạng JSON (${what})` });

export const COMMANDS = {
  check: {
    summary: 'kiểm tra nguồn kế hoạch (mặc định: plans/)',
    usage: '[TỆP|THƯ_MỤC…] [--json]',
    positionals: true,
    options: { json: json('mỗi kế hoạch một mục: source, ok, diagnostics') },
    details: [
      'Lỗi và cảnh báo in ra dạng tệp:dòng:cột: error|warning: thông báo [quy-tắc].',
      'Mã thoát: 0 không có lỗi, 1 có lỗi, 2 sai dòng lệnh.',
    ],
    examples: ['kehoach check', 'kehoach check plans/thua-thien-hue/phu-ho'],
  },
  resolve: {
    summary: 'in kế hoạch đã kế thừa đầy đủ (YAML)',
    usage: 'TỆP',
    positionals: true,
    options: {},
    examples: ['kehoach resolve plans/thua-thien-hue/phu-ho/2024-dvctt.yaml'],
  },
  build: {
    summary: 'dựng DOCX và PDF vào out/',
    usage: '[TỆP|THƯ_MỤC…] [--out THƯ_MỤC] [--format docx,pdf] [--json] [--force] [--quiet]',
    positionals: true,
    options: {
      out: { type: 'string', value: 'THƯ_MỤC', help: 'thư mục kết quả (mặc định: out/)' },
      format: { type: 'string', value: 'docx,pdf', help: 'định dạng cần dựng, cách nhau bằng dấu phẩy (mặc định: docx,pdf)' },
      json: json('mỗi kế hoạch một dòng: source, ok, outputs, diagnostics'),
      force: { type: 'boolean', help: 'dựng lại cả kế hoạch không thay đổi từ lần dựng trước' },
      quiet: { type: 'boolean', short: 'q', help: 'chỉ in kế hoạch bị lỗi' },
    },
    details: ['Kế hoạch có lỗi được báo và bỏ qua, các kế hoạch khác vẫn được dựng; mã thoát 1 nếu có lỗi.'],
    examples: ['kehoach build', 'kehoach build plans/thua-thien-hue/phu-ho --format pdf', 'kehoach build plans --out /tmp/ban-in --force'],
  },
  print: {
    summary: 'in văn bản đã đánh số (dùng cho git diff)',
    usage: 'TỆP [--textconv]',
    positionals: true,
    options: { textconv: { type: 'boolean', help: 'chế độ textconv của git: chỉ in những gì tệp tự ghi, cùng một dòng nêu kế hoạch cha' } },
    details: ['Dùng làm textconv của git: git config diff.kehoach.textconv "npx kehoach print".'],
    examples: ['kehoach print plans/thua-thien-hue/phu-ho/2024-dvctt.yaml'],
  },
  preview: {
    summary: 'xem trước HTML, tự tải lại khi lưu',
    usage: 'TỆP [--port N]',
    positionals: true,
    options: { port: { type: 'string', value: 'N', help: 'cổng trên 127.0.0.1 (mặc định: một cổng còn trống)' } },
    details: [
      'Máy chủ chỉ trả lời 127.0.0.1. Trình soạn thảo có thể nghe luồng sự kiện /__events',
      '(text/event-stream): mỗi lần dựng lại, một sự kiện "data: N" với N là số lần dựng tăng dần;',
      'khi đó tải lại trang / để thấy bản mới (và lỗi, nếu có).',
    ],
    examples: ['kehoach preview plans/thua-thien-hue/phu-ho/2024-dvctt.yaml --port 8080'],
  },
  units: {
    summary: 'danh mục đơn vị hành chính vào một ngày; lịch sử của đơn vị MÃ; nhập danh mục chính thức',
    usage: '[--ngay YYYY-MM-DD] [--json] [MÃ…] | import DANH_MUC.csv|DANH_MUC.xlsx [--tu-ngay YYYY-MM-DD] [--can-cu VĂN_BẢN]',
    positionals: true,
    options: {
      ngay: { type: 'string', value: 'YYYY-MM-DD', help: 'danh mục như vào ngày này (mặc định: trạng thái mới nhất)' },
      json: json('id, ma, cap, ten, thuoc của mỗi đơn vị'),
      'tu-ngay': { type: 'string', value: 'YYYY-MM-DD', help: 'units import: ngày hiệu lực của các đơn vị khi danh mục không có cột "Ngày hiệu lực"' },
      'can-cu': { type: 'string', value: 'VĂN_BẢN', help: 'units import: nghị quyết sắp xếp khi danh mục không có cột "Căn cứ"' },
    },
    details: [
      'units import đọc danh mục đơn vị hành chính tải từ trang của cơ quan thống kê (cột Mã TP, Tỉnh Thành Phố, Mã PX, Phường Xã, Cấp…)',
      'và ghi data/don-vi/<tỉnh>.yaml; dòng sai được báo ở dòng:cột và không ghi tệp nào.',
    ],
    examples: [
      'kehoach units',
      'kehoach units --ngay 2026-01-01',
      'kehoach units hue --json',
      'kehoach units import danh-sach-cap-xa.xlsx --tu-ngay 2025-07-01 --can-cu "Nghị quyết 1667/NQ-UBTVQH15"',
    ],
  },
  new: {
    summary: 'tạo kế hoạch cấp dưới từ kế hoạch mẫu',
    usage: '--from CHA.yaml --unit MÃ [--unit MÃ…] [--out ĐƯỜNG_DẪN]',
    positionals: false,
    options: {
      from: { type: 'string', value: 'CHA.yaml', help: 'kế hoạch cấp trên làm mẫu' },
      unit: { type: 'string', multiple: true, value: 'MÃ', help: 'mã đơn vị (xem kehoach units); ghi nhiều lần để tạo cho nhiều đơn vị' },
      out: { type: 'string', value: 'ĐƯỜNG_DẪN', help: 'tệp cần tạo (chỉ khi tạo cho một đơn vị)' },
    },
    details: ['Không bao giờ ghi đè tệp đã có.'],
    examples: ['kehoach new --from plans/thua-thien-hue/hue/2024-dvctt.yaml --unit hue-huong-phong'],
  },
  report: {
    summary: 'tổng hợp chỉ tiêu các kế hoạch cấp dưới',
    usage: 'CHA.yaml [--out THƯ_MỤC] [--json]',
    positionals: true,
    options: {
      out: { type: 'string', value: 'THƯ_MỤC', help: 'thư mục của báo cáo (mặc định: out/<kế hoạch>/bao-cao/)' },
      json: json('chỉ tiêu của từng đơn vị'),
    },
    examples: ['kehoach report plans/thua-thien-hue/hue/2024-dvctt.yaml'],
  },
  diff: {
    summary: 'so sánh các phiên bản kế hoạch',
    usage: '[CŨ] [MỚI] [-- ĐƯỜNG_DẪN…] | --files CŨ.yaml MỚI.yaml [--json] [--redline RA.docx [--tac-gia TÊN] [--ngay NGÀY]] [--color KIỂU]',
    positionals: true,
    options: {
      files: { type: 'boolean', help: 'so sánh hai tệp, không cần git' },
      json: json('old, new, plans với các thay đổi'),
      redline: { type: 'string', value: 'RA.docx', help: 'ghi DOCX của bản mới với thay đổi được theo dõi (track changes) so với bản cũ' },
      'tac-gia': {
        type: 'string',
        value: 'TÊN',
        help: 'người sửa ghi trên các thay đổi của --redline (mặc định: tác giả của phiên bản mới; cây làm việc: git config user.name)',
      },
      ngay: {
        type: 'string',
        value: 'NGÀY',
        help: 'ngày sửa ghi trên các thay đổi, YYYY-MM-DD hoặc YYYY-MM-DDTHH:MM:SSZ (mặc định: ngày của phiên bản mới; cây làm việc: ngày ban hành của kế hoạch)',
      },
      color: { type: 'string', value: 'KIỂU', help: 'tô màu: always, never hoặc auto (mặc định: auto, chỉ trên terminal)' },
    },
    details: [
      'Không ghi phiên bản: HEAD so với thư mục làm việc; một phiên bản: phiên bản đó so với thư mục làm việc.',
      'Mã thoát: 0 không khác, 1 có khác, 2 lỗi.',
      'Trong Word hoặc LibreOffice: Chấp nhận tất cả thay đổi cho đúng bản mới, Từ chối tất cả cho đúng bản cũ.',
    ],
    examples: ['kehoach diff', 'kehoach diff HEAD~1 --redline so-sanh.docx --tac-gia "Văn phòng UBND" -- plans/thua-thien-hue/hue/2024-dvctt.yaml', 'kehoach diff HEAD~1 HEAD -- plans/thua-thien-hue/phu-ho', 'kehoach diff --files du-thao.yaml plans/thua-thien-hue/hue/2024-dvctt.yaml'],
  },
  import: {
    summary: 'nhập kế hoạch từ tệp Word (.docx) hoặc văn bản chép từ cổng thông tin (.txt)',
    usage: 'TỆP.docx|TỆP.txt [--unit MÃ] [--from CHA.yaml] [--out ĐƯỜNG_DẪN]',
    positionals: true,
    options: {
      unit: { type: 'string', value: 'MÃ', help: 'mã đơn vị ban hành (xem kehoach units); mặc định: đoán từ địa danh và người ký' },
      from: { type: 'string', value: 'CHA.yaml', help: 'kế hoạch cấp trên mà kế hoạch nhập vào thực hiện' },
      out: { type: 'string', value: 'ĐƯỜNG_DẪN', help: 'tệp nguồn cần tạo (không bao giờ ghi đè)' },
    },
    details: ['Tệp .doc cũ: mở bằng Word và lưu thành .docx trước.'],
    examples: ['kehoach import ke-hoach.docx --unit hue-huong-phong', 'kehoach import ke-hoach.txt'],
  },
} satisfies Record<string, CommandSpec>;

export type CommandName = keyof typeof COMMANDS;

export const HELP_OPTION: OptionSpec = { type: 'boolean', short: 'h', help: 'in hướng dẫn này' };

function optionLabel(name: string, o: OptionSpec): string {
  return `${o.short ? `-${o.short}, ` : '    '}--${name}${o.value ? ` ${o.value}` : ''}`;
}

/** `kehoach <name> --help`. */
export function commandHelp(name: CommandName): string {
  const spec: CommandSpec = COMMANDS[name];
  const options = [...Object.entries(spec.options), ['help', HELP_OPTION] as const];
  const width = Math.max(...options.map(([n, o]) => optionLabel(n, o).length));
  const lines = [`Cách dùng: kehoach ${name} ${spec.usage}`.trimEnd(), '', `${spec.summary[0].toUpperCase()}${spec.summary.slice(1)}.`];
  if (spec.details) lines.push('', ...spec.details);
  lines.push('', 'Tùy chọn:', ...options.map(([n, o]) => `  ${optionLabel(n, o).padEnd(width)}  ${o.help}`));
  lines.push('', 'Ví dụ:', ...spec.examples.map((e) => `  ${e}`));
  return `${lines.join('\n')}\n`;
}

/** `kehoach --help` and `kehoach` alone: every command. */
export function generalHelp(): string {
  const names = Object.keys(COMMANDS) as CommandName[];
  const width = Math.max(...names.map((n) => n.length));
  return [
    'Cách dùng: kehoach <lệnh> [tùy chọn]',
    '',
    'Biên dịch Kế hoạch, Quyết định của UBND từ YAML sang DOCX và PDF đúng thể thức Nghị định 30/2020/NĐ-CP.',
    '',
    'Lệnh:',
    ...names.map((n) => `  ${n.padEnd(width)}  ${COMMANDS[n].summary}`),
    '',
    'Hướng dẫn của từng lệnh: kehoach <lệnh> --help. Phiên bản: kehoach --version.',
    '',
  ].join('\n');
}
