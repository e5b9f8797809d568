/**
 * JUnit XML, as CI servers (Jenkins, GitLab, Azure) read it: one test suite
 * per file, one failing test case per problem, one passing case for a clean
 * file. Characters XML 1.0 forbids are dropped; the rest is escaped.
 */
import { displayPath } from './paths.js';
import type { Formatter } from './types.js';

const escapeXml = (s: string) =>
  s
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');

export const junit: Formatter = (results, { cwd }) => {
  const suites: string[] = [];
  let tests = 0;
  let failures = 0;
  for (const r of results) {
    const file = escapeXml(displayPath(r.filePath, cwd));
    const cases: string[] = [];
    for (const m of r.messages) {
      const kind = m.info ? 'Info' : m.severity === 2 ? 'Error' : 'Warning';
      const rule = m.ruleId ?? 'fatal';
      const detail = `line ${m.line}, col ${m.column}, ${kind} - ${m.message} (${rule})`;
      cases.push(
        `    <testcase time="0" name="govlint.${escapeXml(rule)}" classname="${file}">` +
          `<failure message="${escapeXml(m.message)}" type="${kind.toLowerCase()}">${escapeXml(detail)}</failure></testcase>`,
      );
    }
    if (cases.length === 0)
      cases.push(`    <testcase time="0" name="govlint" classname="${file}" />`);
    tests += cases.length;
    failures += r.messages.length;
    suites.push(
      `  <testsuite package="govlint" time="0" tests="${cases.length}" errors="0" failures="${r.messages.length}" name="${file}">\n${cases.join('\n')}\n  </testsuite>`,
    );
  }
  return (
    `<?xml version="1.0" encoding="utf-8"?>\n` +
    `<testsuites name="govlint" tests="${tests}" failures="${failures}" errors="0">\n` +
    (suites.length ? `${suites.join('\n')}\n` : '') +
    `</testsuites>\n`
  );
};
