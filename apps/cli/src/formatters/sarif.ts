/**
 * SARIF 2.1.0, for code-scanning services (GitHub, Azure DevOps): rule
 * metadata with docs links, each result with its region (UTF-16 columns,
 * like our offsets), the cells of a sum as related locations, and fixes as
 * replacements. Problems with a file itself (unreadable) are tool
 * notifications, not results.
 */
import { pathToFileURL } from 'node:url';
import type { RuleInfo } from '@govlint/core';
import type { Span } from '../results.js';
import { displayPath } from './paths.js';
import type { Formatter } from './types.js';

const SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
const level = { error: 'error', warning: 'warning', info: 'note' } as const;

const region = (s: Span) => ({
  startLine: s.line,
  startColumn: s.column,
  endLine: s.endLine,
  endColumn: s.endColumn,
});

/** A URI reference: relative (percent-encoded) inside cwd, a file URL outside. */
function artifactUri(filePath: string, cwd: string): string {
  const shown = displayPath(filePath, cwd);
  if (shown === '<stdin>') return 'stdin';
  return shown.startsWith('/') || /^[A-Za-z]:\//.test(shown)
    ? pathToFileURL(shown).href
    : shown.split('/').map(encodeURIComponent).join('/');
}

function ruleDescriptor(r: RuleInfo) {
  return {
    id: r.id,
    name: r.id,
    shortDescription: { text: r.description },
    ...(r.docs ? { fullDescription: { text: r.docs } } : {}),
    helpUri: r.docsUrl,
    defaultConfiguration: { level: level[r.severity] },
    properties: { category: r.category, fixable: r.fixable, tags: [r.category] },
  };
}

export const sarif: Formatter = (results, { cwd, rules, version }) => {
  const used = new Set(results.flatMap((r) => r.messages.map((m) => m.ruleId)));
  const descriptors = rules.filter((r) => used.has(r.id));
  const ruleIndex = new Map(descriptors.map((r, i) => [r.id, i]));
  const artifacts = results.map((r) => ({ location: { uri: artifactUri(r.filePath, cwd) } }));
  const sarifResults = [];
  const notifications = [];
  for (const [i, r] of results.entries()) {
    const artifactLocation = { uri: artifacts[i]!.location.uri, index: i };
    for (const m of r.messages) {
      if (m.fatal || m.ruleId === null) {
        notifications.push({
          level: 'error',
          message: { text: m.message },
          locations: [{ physicalLocation: { artifactLocation } }],
        });
        continue;
      }
      const index = ruleIndex.get(m.ruleId);
      sarifResults.push({
        ruleId: m.ruleId,
        ...(index !== undefined ? { ruleIndex: index } : {}),
        level: m.info ? 'note' : m.severity === 2 ? 'error' : 'warning',
        message: { text: m.message },
        locations: [{ physicalLocation: { artifactLocation, region: region(m) } }],
        ...(m.related?.length
          ? {
              relatedLocations: m.related.map((rel, id) => ({
                id,
                message: { text: rel.message },
                physicalLocation: { artifactLocation, region: region(rel) },
              })),
            }
          : {}),
        ...(m.edits?.length
          ? {
              fixes: [
                {
                  description: { text: m.fixTitle ?? 'fix' },
                  artifactChanges: [
                    {
                      artifactLocation,
                      replacements: m.edits.map((e) => ({
                        deletedRegion: region(e),
                        insertedContent: { text: e.text },
                      })),
                    },
                  ],
                },
              ],
            }
          : {}),
      });
    }
  }
  const log = {
    $schema: SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'govlint',
            version,
            informationUri: 'https://github.com/govlint/govlint',
            rules: descriptors.map(ruleDescriptor),
          },
        },
        invocations: [
          {
            executionSuccessful: true,
            ...(notifications.length ? { toolExecutionNotifications: notifications } : {}),
          },
        ],
        artifacts,
        columnKind: 'utf16CodeUnits',
        results: sarifResults,
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
};
