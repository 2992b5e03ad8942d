// Command-line entry: parses the command word and dispatches to one module per command.
// Exit codes: 0 success, 1 a source has errors (or, for diff, revisions differ), 2 wrong command line.
import { UsageError } from './usage-error.ts';

type Command = (args: string[]) => Promise<number>;

const commands: Record<string, () => Promise<Command>> = {
  check: async () => (await import('./check.ts')).runCheck,
  resolve: async () => (await import('./resolve.ts')).runResolve,
  build: async () => (await import('./build.ts')).runBuild,
  print: async () => (await import('./print.ts')).runPrint,
  units: async () => (await import('./units.ts')).runUnits,
  new: async () => (await import('./new.ts')).runNew,
  report: async () => (await import('./report.ts')).runReport,
  diff: async () => (await import('./diff.ts')).runDiff,
  preview: async () => (await import('./preview.ts')).runPreview,
  import: async () => (await import('./import.ts')).runImport,
};

export const USAGE = `Cách dùng: kehoach <lệnh> [tùy chọn]

Lệnh:
  check [TỆP|THƯ MỤC…]          kiểm tra nguồn (mặc định: plans/)
  resolve TỆP                   in kế hoạch đã kế thừa đầy đủ (YAML)
  build [TỆP|THƯ MỤC…]          dựng DOCX và PDF vào out/
        [--out THƯ_MỤC] [--format docx,pdf] [--json] [--force] [--quiet]
  print TỆP                     in văn bản đã đánh số (dùng cho git diff)
  preview TỆP [--port N]        xem trước HTML, tự tải lại khi lưu
  units [--json]                liệt kê danh mục đơn vị hành chính
  new --from CHA.yaml --unit MÃ [--unit MÃ…] [--out ĐƯỜNG_DẪN]
                                tạo kế hoạch cấp dưới từ kế hoạch mẫu
  report CHA.yaml [--out THƯ_MỤC] [--json]
                                tổng hợp chỉ tiêu các kế hoạch cấp dưới
  diff [CŨ] [MỚI] [-- ĐƯỜNG_DẪN…] | --files A.yaml B.yaml [--json] [--redline OUT.docx]
                                so sánh các phiên bản kế hoạch
  import TỆP.docx|TỆP.txt [--unit MÃ] [--from CHA.yaml] [--out ĐƯỜNG_DẪN]
                                nhập kế hoạch từ tệp Word hoặc văn bản chép từ cổng thông tin
`;

export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write(USAGE);
    return name ? 0 : 2;
  }
  if (name === '--version') {
    process.stdout.write('kehoach 0.1.0\n');
    return 0;
  }
  const load = commands[name];
  if (!load) {
    process.stderr.write(`kehoach: lệnh không hợp lệ '${name}'\n\n${USAGE}`);
    return 2;
  }
  try {
    const run = await load();
    return await run(rest);
  } catch (err) {
    if (err instanceof UsageError) {
      process.stderr.write(`kehoach ${name}: ${err.message}\n`);
      return 2;
    }
    // An internal fault, not a problem in the user's sources: say so plainly, keep the detail.
    process.stderr.write(`kehoach ${name}: lỗi nội bộ của công cụ (không phải lỗi trong nguồn): ${(err as Error)?.message ?? err}\n`);
    if (process.env.KEHOACH_DEBUG) process.stderr.write(`${(err as Error)?.stack}\n`);
    return 3;
  }
}
