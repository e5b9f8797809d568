// Generates docs/rules/<id>.md, one page per rule, from the rules files
// themselves (through the linter's catalogue), and docs/rules/README.md, the
// index. `--check` fails when a page is missing, stale or orphaned, so the
// docs cannot drift from rules/ (a test runs the check).
//
//   node scripts/rule-docs.mjs          write the pages
//   node scripts/rule-docs.mjs --check  exit 1 if they differ from rules/
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createLinter } from '@govlint/core';
import { builtinPacks } from '@govlint/rules';

const root = new URL('..', import.meta.url).pathname;
const docsDir = join(root, 'docs/rules');

const severityText = {
  error: '错误 (error)',
  warning: '警告 (warning)',
  info: '提示 (info)',
  off: '默认关闭 (off)',
};
const categoryText = {
  structure: '结构 (structure)',
  arithmetic: '勾稽关系 (arithmetic)',
  narrative: '文字与表格一致 (narrative)',
  date: '日期与年份 (date)',
  text: '文字质量 (text)',
};

/** The DSL text a rule was declared with, and the repository path of its file. */
function ruleSource(source) {
  if (!source) return null;
  const m = /^govlint-rules:\/(.+)$/.exec(source.uri);
  if (!m) return null;
  const [packId, fileName] = m[1].split('/');
  const file = builtinPacks.find((p) => p.id === packId)?.files.find((f) => f.uri === source.uri);
  if (!file) return null;
  const line = file.text.slice(0, source.start).split('\n').length;
  return {
    path: `rules/${packId}/${fileName}`,
    line,
    text: file.text.slice(source.start, source.end),
  };
}

function renderPage(rule) {
  const src = ruleSource(rule.source);
  const lines = [
    `# ${rule.id}`,
    '',
    rule.description,
    '',
    '| | |',
    '| --- | --- |',
    `| 默认严重程度 | ${severityText[rule.severity] ?? rule.severity} |`,
    `| 类别 | ${categoryText[rule.category] ?? rule.category} |`,
    `| 可自动修复 | ${rule.fixable ? '是 (`--fix`, 编辑器快速修复)' : '否'} |`,
    `| 模板 | ${rule.templates.length ? rule.templates.join(', ') : '全部（由检查引擎实现）'} |`,
    '',
    '## 说明',
    '',
    rule.docs || rule.description,
    '',
    '## 提示信息',
    '',
    '```text',
    rule.message,
    '```',
    '',
  ];
  if (src) {
    lines.push(
      '## 规则定义',
      '',
      `[${src.path}](../../${src.path}#L${src.line}):`,
      '',
      '```',
      src.text,
      '```',
      '',
    );
  }
  lines.push(
    '## 配置',
    '',
    '在 `govlint.config.json` 中调整严重程度或关闭本规则：',
    '',
    '```json',
    JSON.stringify({ rules: { [rule.id]: 'off' } }, null, 2),
    '```',
    '',
  );
  return lines.join('\n');
}

function renderIndex(rules) {
  const lines = [
    '# 规则一览 (rule catalogue)',
    '',
    '由 `node scripts/rule-docs.mjs` 从 `rules/` 中的规则文件生成，请勿手工编辑。',
    '',
    '| id | 默认 | 类别 | 说明 |',
    '| --- | --- | --- | --- |',
  ];
  for (const r of rules) {
    lines.push(
      `| [${r.id}](${r.id}.md) | ${r.severity} | ${r.category} | ${r.description.replace(/\|/g, '\\|')} |`,
    );
  }
  return lines.join('\n') + '\n';
}

/** Every page, by file name. */
export function renderRuleDocs() {
  const rules = createLinter().rules();
  const files = new Map();
  for (const rule of rules) files.set(`${rule.id}.md`, renderPage(rule));
  files.set('README.md', renderIndex(rules));
  return files;
}

/** Pages that differ from what the rules files say: [] when the docs are current. */
export function staleRuleDocs() {
  const expected = renderRuleDocs();
  const problems = [];
  for (const [name, text] of expected) {
    const path = join(docsDir, name);
    if (!existsSync(path)) problems.push(`missing: docs/rules/${name}`);
    else if (readFileSync(path, 'utf8') !== text) problems.push(`stale: docs/rules/${name}`);
  }
  if (existsSync(docsDir)) {
    for (const name of readdirSync(docsDir)) {
      if (name.endsWith('.md') && !expected.has(name))
        problems.push(`orphaned: docs/rules/${name}`);
    }
  }
  return problems;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  if (process.argv.includes('--check')) {
    const problems = staleRuleDocs();
    for (const p of problems) console.error(p);
    if (problems.length) console.error('run: node scripts/rule-docs.mjs');
    process.exit(problems.length ? 1 : 0);
  }
  mkdirSync(docsDir, { recursive: true });
  const files = renderRuleDocs();
  for (const name of readdirSync(docsDir)) {
    if (name.endsWith('.md') && !files.has(name)) rmSync(join(docsDir, name));
  }
  for (const [name, text] of files) writeFileSync(join(docsDir, name), text);
  console.log(`wrote ${files.size} pages to docs/rules/`);
}
