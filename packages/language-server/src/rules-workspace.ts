/**
 * The DSL's language services need every file a rules file is compiled
 * with: its pack (see rules-packs.ts) and, unless that pack stands in for
 * them, the built-in packs, so `extends gov-2021` and `T3[…]` resolve. The
 * analysed workspace is cached per document version and dropped whenever
 * any rules file changes.
 */
import { openWorkspace, type RulesWorkspace, type SourceFile } from '@govlint/dsl';
import { builtinPacks } from '@govlint/rules';
import { rulesContextFor } from './rules-packs.js';
import { uriToPath } from './workspace-files.js';

export interface RulesDocument {
  readonly uri: string;
  readonly version: number;
  getText(): string;
}

export interface RulesWorkspaceInputs {
  readonly rulePaths: readonly string[];
  readonly builtinIds: ReadonlySet<string>;
  /** An open buffer for a path: its URI as the client spells it and its text. */
  readonly openDocument: (
    path: string,
  ) => { readonly uri: string; readonly text: string } | undefined;
}

const builtinSources: SourceFile[] = builtinPacks.flatMap((p) => p.files);

/** The text of a built-in rules file (`govlint-rules:/gov-2021/tables.govlint`), for go to definition. */
export function builtinRulesText(uri: string): string | undefined {
  return builtinSources.find((f) => f.uri === uri)?.text;
}

export function rulesSources(doc: RulesDocument, inputs: RulesWorkspaceInputs): SourceFile[] {
  const path = uriToPath(doc.uri);
  if (builtinRulesText(doc.uri) !== undefined) return builtinSources;
  if (!path) return [...builtinSources, { uri: doc.uri, text: doc.getText() }];
  const context = rulesContextFor(
    path,
    inputs.rulePaths,
    inputs.builtinIds,
    (p) => inputs.openDocument(p)?.text,
  );
  // Open files go by the client's URI, so that locations match its documents.
  const own = context.packs.flatMap((pack) =>
    pack.files.map((file) => {
      const filePath = uriToPath(file.uri);
      const open =
        filePath === path ? { uri: doc.uri } : filePath ? inputs.openDocument(filePath) : undefined;
      return { uri: open?.uri ?? file.uri, text: file.text };
    }),
  );
  return context.replaceBuiltins ? own : [...builtinSources, ...own];
}

export class RulesWorkspaces {
  private readonly cache = new Map<string, { version: number; workspace: RulesWorkspace }>();

  constructor(private readonly inputs: () => RulesWorkspaceInputs) {}

  for(doc: RulesDocument): RulesWorkspace {
    const cached = this.cache.get(doc.uri);
    if (cached?.version === doc.version) return cached.workspace;
    const workspace = openWorkspace(rulesSources(doc, this.inputs()));
    this.cache.set(doc.uri, { version: doc.version, workspace });
    return workspace;
  }

  /** A rules file changed: every analysis may depend on it. */
  invalidate(): void {
    this.cache.clear();
  }
}
