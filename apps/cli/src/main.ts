/**
 * `govlint`: files, globs, configuration, output and exit codes around the
 * linter. Exit codes: 0 no errors (warnings within --max-warnings), 1 errors
 * or too many warnings, 2 a usage, configuration or internal failure.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { HELP, type CliOptions, UsageError, parseCliArgs } from './args.js';
import { ConfigFailure } from './config-files.js';
import { decode } from '@govlint/report';
import { expandTargets } from './files.js';
import { formatters } from './formatters/index.js';
import { withCrossYear } from './cross-year.js';
import { lintInWorkers, workerCount } from './pool.js';
import { totals, type FileResult } from './results.js';
import { type RunOptions, Runner } from './runner.js';

export interface Io {
  readonly cwd: string;
  readonly stdout: NodeJS.WritableStream & { isTTY?: boolean };
  readonly stderr: NodeJS.WritableStream & { isTTY?: boolean };
  readonly stdin: NodeJS.ReadableStream;
  readonly env: NodeJS.ProcessEnv;
}

const processIo = (): Io => ({
  cwd: process.cwd(),
  stdout: process.stdout,
  stderr: process.stderr,
  stdin: process.stdin,
  env: process.env,
});

export async function main(argv: readonly string[], io: Io = processIo()): Promise<number> {
  try {
    const options = parseCliArgs(argv);
    switch (options.command) {
      case 'help':
        io.stdout.write(HELP);
        return 0;
      case 'version':
        io.stdout.write(`${version()}\n`);
        return 0;
      case 'rules':
        return await printRules(options, io);
      case 'parse':
        return await printModel(options, io);
      case 'print-config':
        return await printConfig(options, io);
      case 'lint':
        return await lint(options, io);
    }
  } catch (e) {
    if (e instanceof UsageError) {
      io.stderr.write(
        `govlint: ${e.message}\n${e.showHelp ? '运行 govlint --help 查看用法。\n' : ''}`,
      );
      return 2;
    }
    if (e instanceof ConfigFailure) {
      for (const err of e.errors) {
        io.stderr.write(`${err.file}:${err.line}:${err.column}: 配置错误：${err.message}\n`);
      }
      return 2;
    }
    const detail = io.env.GOVLINT_DEBUG && e instanceof Error ? `\n${e.stack}` : '';
    io.stderr.write(
      `govlint: 内部错误（internal error）：${e instanceof Error ? e.message : String(e)}${detail}\n`,
    );
    return 2;
  }
}

function version(): string {
  const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
  return String(pkg.version);
}

function runOptions(options: CliOptions): RunOptions {
  return {
    ...(options.configFile ? { configFile: options.configFile } : {}),
    rulesDirs: options.rulesDirs,
    ...(options.template ? { template: options.template } : {}),
    fix: options.fix,
    fixDryRun: options.fixDryRun,
    info: options.info,
    quiet: options.quiet,
  };
}

async function lint(options: CliOptions, io: Io): Promise<number> {
  const run = runOptions(options);
  const runner = await Runner.create(run);
  checkTemplate(runner, options.template);
  let results: FileResult[];
  if (options.stdin) {
    const bytes = await readAll(io.stdin);
    const name = options.stdinFilename ? resolve(io.cwd, options.stdinFilename) : '<stdin>';
    const configPath = options.stdinFilename ? name : resolve(io.cwd, 'stdin.txt');
    await runner.prepare([configPath]);
    const result = runner.lint(configPath, { bytes, named: true, displayPath: name });
    results = result ? [result] : [];
  } else {
    const files = await expandTargets(options.targets, io.cwd);
    await runner.prepare(files);
    const named = new Set(options.targets.map((t) => resolve(io.cwd, t)));
    const jobs = files.map((file) => ({ file, named: named.has(file) }));
    const progress = progressLine(io, files.length);
    const workers = workerCount(files.length, io.env.GOVLINT_WORKERS);
    const all =
      workers > 0
        ? await lintInWorkers(jobs, run, workers, progress.update, (job) =>
            runner.lint(job.file, { named: job.named }),
          )
        : jobs.map((job, i) => {
            const r = runner.lint(job.file, { named: job.named });
            progress.update(i + 1);
            return r;
          });
    progress.done();
    results = withCrossYear(
      all.filter((r): r is FileResult => r !== null),
      runner,
      run,
    );
  }

  const formatter = formatters[options.format]!;
  const useColor =
    !options.outputFile &&
    (options.color ??
      (Boolean(io.stdout.isTTY) && !('NO_COLOR' in io.env) && io.env.TERM !== 'dumb'));
  const text = formatter(results, {
    cwd: io.cwd,
    color: useColor,
    rules: runner.baseLinter().rules(),
    version: version(),
  });
  writeOutput(text, options, io);

  const t = totals(results);
  if (t.errors > 0) return 1;
  if (options.maxWarnings >= 0 && t.warnings > options.maxWarnings) {
    io.stderr.write(`govlint: 警告过多（${t.warnings} 个，上限 ${options.maxWarnings}）。\n`);
    return 1;
  }
  return 0;
}

function checkTemplate(runner: Runner, template: string | undefined): void {
  if (!template) return;
  const ids = runner
    .baseLinter()
    .templates()
    .map((t) => t.id);
  if (!ids.includes(template)) {
    throw new UsageError(
      `未知的模板“${template}”（--template: ${ids.join(', ') || '无可用模板'}）`,
    );
  }
}

function writeOutput(text: string, options: CliOptions, io: Io): void {
  if (!options.outputFile) {
    io.stdout.write(text);
    return;
  }
  const path = resolve(io.cwd, options.outputFile);
  try {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, text);
  } catch (e) {
    throw new UsageError(
      `无法写入输出文件 ${options.outputFile}（${(e as NodeJS.ErrnoException).code ?? e}）`,
    );
  }
}

async function printRules(options: CliOptions, io: Io): Promise<number> {
  const runner = await Runner.create(runOptions(options));
  const rules = runner.baseLinter().rules();
  if (options.json || options.format === 'json') {
    writeOutput(`${JSON.stringify(rules, null, 2)}\n`, options, io);
    return 0;
  }
  const idWidth = Math.max(...rules.map((r) => r.id.length), 4);
  const lines = rules.map(
    (r) =>
      `${r.id.padEnd(idWidth)}  ${r.severity.padEnd(7)}  ${r.category.padEnd(10)}  ${r.fixable ? 'fix' : '   '}  ${r.description}`,
  );
  writeOutput(`${lines.join('\n')}\n`, options, io);
  return 0;
}

async function printModel(options: CliOptions, io: Io): Promise<number> {
  const runner = await Runner.create(runOptions(options));
  checkTemplate(runner, options.template);
  const file = options.stdin
    ? resolve(io.cwd, options.stdinFilename ?? 'stdin.txt')
    : resolve(io.cwd, options.targets[0]!);
  await runner.prepare([file]);
  let bytes: Uint8Array;
  try {
    bytes = options.stdin ? await readAll(io.stdin) : readFileSync(file);
  } catch (e) {
    throw new UsageError(
      `无法读取文件 ${options.targets[0]}（${(e as NodeJS.ErrnoException).code ?? e}）`,
    );
  }
  const decoded = decode(bytes);
  if (decoded.encoding === 'binary') {
    throw new UsageError(`${options.targets[0] ?? '<stdin>'} 不是文本文件`);
  }
  const text = decoded.text;
  const config = runner.configFor(file);
  const model = runner.linterFor(config).parse(text, {
    uri: file,
    ...(options.template ? { template: options.template } : {}),
    config,
  });
  writeOutput(`${JSON.stringify(model, null, 2)}\n`, options, io);
  return 0;
}

async function printConfig(options: CliOptions, io: Io): Promise<number> {
  const runner = await Runner.create(runOptions(options));
  const file = resolve(io.cwd, options.printConfig!);
  await runner.prepare([file]);
  const config = runner.configFor(file);
  const shown = { ...config, ...(options.template ? { template: options.template } : {}) };
  writeOutput(`${JSON.stringify(shown, null, 2)}\n`, options, io);
  return 0;
}

async function readAll(stream: NodeJS.ReadableStream): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream)
    chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
  return Buffer.concat(chunks);
}

/** `govlint: 120/1000` on stderr, rewritten in place; only on a terminal. */
function progressLine(io: Io, total: number) {
  const active = Boolean(io.stderr.isTTY) && total > 1;
  let last = 0;
  return {
    update(done: number) {
      const now = Date.now();
      if (!active || now - last < 100) return;
      last = now;
      io.stderr.write(`\rgovlint: ${done}/${total}`);
    },
    done() {
      if (active && last > 0) io.stderr.write('\r\u001b[K');
    },
  };
}
