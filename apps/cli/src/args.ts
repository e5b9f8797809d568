/**
 * Command-line arguments (node:util parseArgs, no dependency). A usage
 * mistake is a `UsageError`: printed without a stack trace, exit code 2.
 */
import { parseArgs } from 'node:util';

export class UsageError extends Error {
  /** Whether pointing at `--help` helps (not for a broken rules file). */
  readonly showHelp: boolean;
  constructor(message: string, { showHelp = true }: { showHelp?: boolean } = {}) {
    super(message);
    this.showHelp = showHelp;
  }
}

export const FORMATS = ['stylish', 'json', 'sarif', 'github', 'junit'] as const;
export type Format = (typeof FORMATS)[number];

export interface CliOptions {
  readonly command: 'lint' | 'rules' | 'parse' | 'help' | 'version' | 'print-config';
  readonly targets: readonly string[];
  readonly format: Format;
  readonly outputFile?: string;
  readonly maxWarnings: number;
  readonly quiet: boolean;
  readonly info: boolean;
  readonly template?: string;
  readonly rulesDirs: readonly string[];
  readonly configFile?: string;
  readonly printConfig?: string;
  readonly stdin: boolean;
  readonly stdinFilename?: string;
  readonly fix: boolean;
  readonly fixDryRun: boolean;
  readonly json: boolean;
  readonly color?: boolean;
}

const options = {
  format: { type: 'string', short: 'f' },
  'output-file': { type: 'string', short: 'o' },
  'max-warnings': { type: 'string' },
  quiet: { type: 'boolean' },
  info: { type: 'boolean' },
  template: { type: 'string' },
  rules: { type: 'string', multiple: true },
  config: { type: 'string', short: 'c' },
  'print-config': { type: 'string' },
  stdin: { type: 'boolean' },
  'stdin-filename': { type: 'string' },
  fix: { type: 'boolean' },
  'fix-dry-run': { type: 'boolean' },
  json: { type: 'boolean' },
  color: { type: 'boolean' },
  'no-color': { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'v' },
} as const;

export function parseCliArgs(argv: readonly string[]): CliOptions {
  let parsed;
  try {
    parsed = parseArgs({ args: [...argv], options, allowPositionals: true, strict: true });
  } catch (e) {
    throw new UsageError(e instanceof Error ? e.message : String(e));
  }
  const v = parsed.values;
  let positionals = parsed.positionals;
  let command: CliOptions['command'] = 'lint';
  if (v.help) command = 'help';
  else if (v.version) command = 'version';
  else if (v['print-config'] !== undefined) command = 'print-config';
  else if (positionals[0] === 'rules' || positionals[0] === 'parse') {
    command = positionals[0];
    positionals = positionals.slice(1);
  }

  const format = (v.format ?? 'stylish') as Format;
  if (!FORMATS.includes(format)) {
    throw new UsageError(`未知的输出格式“${format}”（--format: ${FORMATS.join(', ')}）`);
  }
  let maxWarnings = -1;
  if (v['max-warnings'] !== undefined) {
    maxWarnings = Number(v['max-warnings']);
    if (!Number.isInteger(maxWarnings) || maxWarnings < -1) {
      throw new UsageError(`--max-warnings 应为非负整数（got "${v['max-warnings']}"）`);
    }
  }
  const stdin = v.stdin ?? false;
  if (command === 'lint') {
    if (stdin && positionals.length > 0) throw new UsageError('--stdin 不能与文件参数同时使用');
    if (stdin && v.fix) throw new UsageError('--fix 不能用于 --stdin，请改用 --fix-dry-run');
    if (!stdin && positionals.length === 0)
      throw new UsageError('请指定要检查的文件、文件夹或 glob');
  }
  if (v['stdin-filename'] !== undefined && !stdin) {
    throw new UsageError('--stdin-filename 只能与 --stdin 一起使用');
  }
  if (command === 'parse' && positionals.length !== 1 && !stdin) {
    throw new UsageError('用法：govlint parse --json FILE');
  }
  return {
    command,
    targets: positionals,
    format,
    ...(v['output-file'] !== undefined ? { outputFile: v['output-file'] } : {}),
    maxWarnings,
    quiet: v.quiet ?? false,
    info: v.info ?? false,
    ...(v.template !== undefined ? { template: v.template } : {}),
    rulesDirs: v.rules ?? [],
    ...(v.config !== undefined ? { configFile: v.config } : {}),
    ...(v['print-config'] !== undefined ? { printConfig: v['print-config'] } : {}),
    stdin,
    ...(v['stdin-filename'] !== undefined ? { stdinFilename: v['stdin-filename'] } : {}),
    fix: v.fix ?? false,
    fixDryRun: v['fix-dry-run'] ?? false,
    json: v.json ?? false,
    ...(v['no-color'] ? { color: false } : v.color ? { color: true } : {}),
  };
}

export const HELP = `govlint：政府信息公开工作年度报告检查工具

用法 (usage):
  govlint [options] <files | folders | globs>   检查报告（文件夹中查找 .txt .md .html .htm）
  govlint rules [--json]                        列出所有规则
  govlint parse --json FILE                     输出报告模型（JSON）

选项 (options):
  -f, --format NAME        输出格式：stylish（默认）、json、sarif、github、junit
  -o, --output-file FILE   写入文件而不是标准输出
  --max-warnings N         警告数超过 N 时以退出码 1 结束
  --quiet                  只报告错误
  --info                   同时报告提示级（info）信息
  --template ID            指定模板（如 gov-2021、gov-2019），不自动识别
  --rules DIR              加载额外的规则包目录（可重复）
  -c, --config FILE        使用此配置文件，不再查找 govlint.config.json
  --print-config FILE      打印适用于 FILE 的配置
  --stdin                  从标准输入读取报告
  --stdin-filename NAME    标准输入的文件名（用于配置与输出）
  --fix                    自动修复并写回文件
  --fix-dry-run            计算修复但不写回（json 格式输出 output）
  --color, --no-color      强制开启或关闭颜色
  -h, --help               显示帮助
  -v, --version            显示版本

退出码 (exit codes):
  0  没有错误（警告数不超过 --max-warnings）
  1  发现错误，或警告过多
  2  用法、配置错误或内部错误

文档：https://github.com/govlint/govlint/blob/main/docs/cli.md
`;
