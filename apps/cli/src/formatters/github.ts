/**
 * GitHub Actions workflow commands: each problem becomes an annotation on
 * the file and line in the pull request. Data is escaped (% CR LF), and so
 * are properties (also : and ,), as the runner's parser requires.
 */
import { displayPath } from './paths.js';
import type { Formatter } from './types.js';

const escapeData = (s: string) =>
  s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
const escapeProperty = (s: string) => escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');

export const github: Formatter = (results, { cwd }) => {
  const out: string[] = [];
  for (const r of results) {
    const file = escapeProperty(displayPath(r.filePath, cwd));
    for (const m of r.messages) {
      const command = m.info ? 'notice' : m.severity === 2 ? 'error' : 'warning';
      const title = escapeProperty(m.ruleId ? `govlint (${m.ruleId})` : 'govlint');
      const props = `file=${file},line=${m.line},col=${m.column},endLine=${m.endLine},endColumn=${m.endColumn},title=${title}`;
      out.push(`::${command} ${props}::${escapeData(m.message)}`);
    }
  }
  return out.length ? `${out.join('\n')}\n` : '';
};
