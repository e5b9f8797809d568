/**
 * Completion, hover, go to definition, references and outline in rules
 * files: the DSL's services on offsets, converted to LSP positions here.
 */
import {
  completionsAt,
  definitionAt,
  documentSymbols as rulesSymbols,
  hoverAt as rulesHoverAt,
  referencesAt,
  type CompletionItem as DslCompletion,
  type DocumentSymbol as DslSymbol,
  type Location as DslLocation,
  type RulesWorkspace,
  type SymbolKind as DslKind,
} from '@govlint/dsl';
import { LineIndex } from '@govlint/text';
import {
  CompletionItemKind,
  MarkupKind,
  SymbolKind,
  type CompletionItem,
  type DocumentSymbol,
  type Hover,
  type Location,
} from 'vscode-languageserver';

const completionKinds: Record<DslCompletion['kind'], CompletionItemKind> = {
  keyword: CompletionItemKind.Keyword,
  template: CompletionItemKind.Module,
  section: CompletionItemKind.Module,
  table: CompletionItemKind.Struct,
  block: CompletionItemKind.Struct,
  row: CompletionItemKind.Field,
  column: CompletionItemKind.Field,
  group: CompletionItemKind.Folder,
  rule: CompletionItemKind.Function,
  lexicon: CompletionItemKind.Enum,
};

const symbolKinds: Record<DslKind, SymbolKind> = {
  template: SymbolKind.Module,
  section: SymbolKind.Namespace,
  table: SymbolKind.Struct,
  block: SymbolKind.Struct,
  row: SymbolKind.Field,
  column: SymbolKind.Field,
  group: SymbolKind.Array,
  rule: SymbolKind.Function,
  lexicon: SymbolKind.Enum,
};

/** LineIndexes of the workspace's files, built on demand. */
function indexes(ws: RulesWorkspace): (uri: string) => LineIndex {
  const cache = new Map<string, LineIndex>();
  return (uri) => {
    let index = cache.get(uri);
    if (!index) cache.set(uri, (index = new LineIndex(ws.texts.get(uri) ?? '')));
    return index;
  };
}

function toLocation(ws: RulesWorkspace, location: DslLocation, indexOf = indexes(ws)): Location {
  return { uri: location.uri, range: indexOf(location.uri).rangeToPositions(location.range) };
}

export function rulesCompletions(
  ws: RulesWorkspace,
  uri: string,
  offset: number,
): CompletionItem[] {
  return completionsAt(ws, uri, offset).map((item) => ({
    label: item.label,
    kind: completionKinds[item.kind],
    ...(item.detail && { detail: item.detail }),
  }));
}

export function rulesHover(ws: RulesWorkspace, uri: string, offset: number): Hover | null {
  const hover = rulesHoverAt(ws, uri, offset);
  if (!hover) return null;
  return {
    contents: { kind: MarkupKind.Markdown, value: hover.contents },
    range: indexes(ws)(uri).rangeToPositions(hover.range),
  };
}

export function rulesDefinition(ws: RulesWorkspace, uri: string, offset: number): Location | null {
  const found = definitionAt(ws, uri, offset);
  return found ? toLocation(ws, found) : null;
}

export function rulesReferences(
  ws: RulesWorkspace,
  uri: string,
  offset: number,
  includeDeclaration: boolean,
): Location[] {
  const indexOf = indexes(ws);
  return referencesAt(ws, uri, offset, includeDeclaration).map((l) => toLocation(ws, l, indexOf));
}

export function rulesDocumentSymbols(ws: RulesWorkspace, uri: string): DocumentSymbol[] {
  const file = ws.analysis.files.find((f) => f.uri === uri);
  if (!file) return [];
  const index = indexes(ws)(uri);
  const convert = (s: DslSymbol): DocumentSymbol => ({
    name: s.name || '？',
    detail: s.detail,
    kind: symbolKinds[s.kind],
    range: index.rangeToPositions(s.range),
    selectionRange: index.rangeToPositions(s.selectionRange),
    children: s.children.map(convert),
  });
  return rulesSymbols(file).map(convert);
}
