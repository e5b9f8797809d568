/**
 * The default, for people: problems grouped by file, `line:column`,
 * severity, the message with its arithmetic, the rule id; a summary last.
 * Colours only when the context says so (a TTY without NO_COLOR).
 */
import { totals } from '../results.js';
import { displayPath } from './paths.js';
import type { Formatter } from './types.js';

const codes = { red: 31, yellow: 33, blue: 34, green: 32, dim: 2, bold: 1, underline: 4 } as const;
type Style = keyof typeof codes;

export const stylish: Formatter = (results, { cwd, color }) => {
  const paint = (style: Style, s: string) => (color ? `\u001b[${codes[style]}m${s}\u001b[0m` : s);
  const out: string[] = [];
  let problems = 0;
  for (const r of results) {
    if (r.messages.length === 0) continue;
    out.push(paint('underline', displayPath(r.filePath, cwd)));
    const width = Math.max(...r.messages.map((m) => `${m.line}:${m.column}`.length));
    for (const m of r.messages) {
      problems++;
      const where = `${m.line}:${m.column}`.padEnd(width);
      const severity = m.info
        ? paint('blue', 'info   ')
        : m.severity === 2
          ? paint('red', 'error  ')
          : paint('yellow', 'warning');
      const rule = m.ruleId ? `  ${paint('dim', m.ruleId)}` : '';
      out.push(`  ${paint('dim', where)}  ${severity}  ${m.message}${rule}`);
    }
    out.push('');
  }
  const t = totals(results);
  if (problems === 0) return '';
  const summary =
    `✖ ${problems} problem${problems === 1 ? '' : 's'} ` +
    `(${t.errors} error${t.errors === 1 ? '' : 's'}, ${t.warnings} warning${t.warnings === 1 ? '' : 's'}` +
    (t.infos > 0 ? `, ${t.infos} info` : '') +
    ')';
  out.push(paint('bold', paint(t.errors > 0 ? 'red' : 'yellow', summary)));
  if (t.fixableErrors + t.fixableWarnings > 0) {
    out.push(
      paint(
        'dim',
        `  ${t.fixableErrors} error${t.fixableErrors === 1 ? '' : 's'} and ${t.fixableWarnings} warning${t.fixableWarnings === 1 ? '' : 's'} potentially fixable with the \`--fix\` option.`,
      ),
    );
  }
  return `${out.join('\n')}\n`;
};
