/**
 * Language services for rules files, shared by the language server and
 * tests: document symbols, go-to-definition, references, hover and
 * completion. Everything works on offsets (UTF-16); the server converts to
 * LSP positions with a LineIndex.
 */
import type { Range } from '@govlint/text';
import type * as A from './ast.js';
import { tokenize } from './lexer.js';
import { analyzePack, type AnalyzedPack, type SourceFile } from './pack.js';
import { buildIndex, type SymbolIndex, type SymbolInfo, type SymbolKind } from './symbols.js';
import { keywordTokens } from './tokens.js';

export interface Location {
  readonly uri: string;
  readonly range: Range;
}

export interface RulesWorkspace {
  readonly analysis: AnalyzedPack;
  readonly index: SymbolIndex;
  readonly texts: ReadonlyMap<string, string>;
}

/** Analyses a set of rules files once; every service call then reads the result. */
export function openWorkspace(sources: readonly SourceFile[]): RulesWorkspace {
  const analysis = analyzePack(sources);
  return {
    analysis,
    index: buildIndex(analysis.files, analysis.templates),
    texts: new Map(sources.map((s) => [s.uri, s.text])),
  };
}

// ---------------------------------------------------------------------------
// Document symbols (outline), from one file's AST

export interface DocumentSymbol {
  readonly name: string;
  readonly detail: string;
  readonly kind: SymbolKind;
  readonly range: Range;
  readonly selectionRange: Range;
  readonly children: readonly DocumentSymbol[];
}

export function documentSymbols(file: A.RulesFile): DocumentSymbol[] {
  const sym = (
    kind: SymbolKind,
    name: A.Name,
    detail: string,
    range: Range,
    children: DocumentSymbol[] = [],
  ): DocumentSymbol => ({
    name: name.text,
    detail,
    kind,
    range,
    selectionRange: name.range,
    children,
  });
  const items = (list: readonly A.Item[], kind: 'row' | 'column'): DocumentSymbol[] =>
    list.flatMap((it): DocumentSymbol[] => {
      if (it.kind === 'leaf') return [sym(kind, it.name, it.label.value, it.range)];
      if (it.kind === 'group') {
        const children = items(it.items, kind);
        const name = it.name ?? { text: it.label.value, range: it.label.range };
        return [sym('group', name, it.label.value, it.range, children)];
      }
      return it.kind === 'insert' ? items(it.items, kind) : [];
    });
  const out: DocumentSymbol[] = [];
  for (const d of file.declarations) {
    if (d.kind === 'remove' || !d.name.text) continue;
    switch (d.kind) {
      case 'template':
        out.push(sym('template', d.name, d.title?.value ?? '', d.range));
        break;
      case 'section':
        out.push(sym('section', d.name, d.heading.value, d.range));
        break;
      case 'table': {
        const children = [
          ...items(d.columns?.items ?? [], 'column'),
          ...items(d.rows?.items ?? [], 'row'),
          ...d.blocks.map((b) =>
            sym('block', b.name, b.anchors[0]?.value ?? '', b.range, [
              ...items(b.columns?.items ?? [], 'column'),
              ...items(b.rows?.items ?? [], 'row'),
            ]),
          ),
        ];
        out.push(sym('table', d.name, d.title?.value ?? '', d.range, children));
        break;
      }
      case 'rule': {
        const desc = d.properties.find((p) => p.key === 'description');
        out.push(sym('rule', d.name, desc?.key === 'description' ? desc.value.value : '', d.range));
        break;
      }
      case 'lexicon':
        out.push(sym('lexicon', d.name, `${d.entries.length} 条`, d.range));
        break;
    }
  }
  return out;
}

// ---------------------------------------------------------------------------
// Navigation

function symbolAt(ws: RulesWorkspace, uri: string, offset: number): SymbolInfo | undefined {
  for (const o of ws.index.occurrences) {
    if (o.uri === uri && o.range.start <= offset && offset <= o.range.end)
      return ws.index.symbols.get(o.key);
  }
  return undefined;
}

function sameDeclaration(a: SymbolInfo, b: SymbolInfo): boolean {
  return (
    a.kind === b.kind &&
    a.origin.uri === b.origin.uri &&
    a.origin.nameRange.start === b.origin.nameRange.start &&
    a.origin.nameRange.end === b.origin.nameRange.end
  );
}

export function definitionAt(
  ws: RulesWorkspace,
  uri: string,
  offset: number,
): Location | undefined {
  const s = symbolAt(ws, uri, offset);
  return s ? { uri: s.origin.uri, range: s.origin.nameRange } : undefined;
}

/** Every name that refers to the same declaration (across templates: gov-2019 inherits gov-2021's). */
export function referencesAt(
  ws: RulesWorkspace,
  uri: string,
  offset: number,
  includeDeclaration = true,
): Location[] {
  const s = symbolAt(ws, uri, offset);
  if (!s) return [];
  const seen = new Set<string>();
  const out: Location[] = [];
  for (const o of ws.index.occurrences) {
    const target = ws.index.symbols.get(o.key);
    if (!target || !sameDeclaration(target, s)) continue;
    if (!includeDeclaration && o.declaration) continue;
    const k = `${o.uri}:${o.range.start}`;
    if (seen.has(k)) continue;
    seen.add(k);
    out.push({ uri: o.uri, range: o.range });
  }
  return out.sort((a, b) =>
    a.uri < b.uri ? -1 : a.uri > b.uri ? 1 : a.range.start - b.range.start,
  );
}

const kindNames: Record<SymbolKind, string> = {
  template: '模板',
  section: '部分',
  table: '表',
  block: '块',
  row: '行',
  column: '列',
  group: '分组',
  rule: '规则',
  lexicon: '词表',
};

export interface Hover {
  readonly range: Range;
  /** Markdown. */
  readonly contents: string;
}

/** What a name resolves to, with its label, its table and its template (Markdown). */
export function hoverAt(ws: RulesWorkspace, uri: string, offset: number): Hover | undefined {
  const occ = ws.index.occurrences.find(
    (o) => o.uri === uri && o.range.start <= offset && offset <= o.range.end,
  );
  const s = occ && ws.index.symbols.get(occ.key);
  if (!occ || !s) return undefined;
  const where = s.table ? `（表 ${s.table}，模板 ${s.template}）` : `（模板 ${s.template}）`;
  const label = s.label ? `：“${s.label}”` : '';
  return { range: occ.range, contents: `**${kindNames[s.kind]} ${s.id}**${label}${where}` };
}

// ---------------------------------------------------------------------------
// Completion

export interface CompletionItem {
  readonly label: string;
  readonly kind: 'keyword' | SymbolKind;
  /** The element's label (a row's text, a table's title), shown beside the id. */
  readonly detail?: string;
}

const keywords = keywordTokens.map((t) => String(t.PATTERN).slice(1, -1)).sort();

/**
 * Candidates at an offset: inside `T3[…]` the rows (before the comma) or
 * columns (after it) of T3; after `section` the sections; after `in` or at
 * the start of a cell reference the tables; elsewhere keywords and tables.
 */
export function completionsAt(ws: RulesWorkspace, uri: string, offset: number): CompletionItem[] {
  const text = ws.texts.get(uri) ?? '';
  const tokens = tokenize(text.slice(0, offset)).tokens;
  // A token that ends at the cursor is the word being typed: complete from before it.
  const last = tokens[tokens.length - 1];
  if (
    last &&
    (last.endOffset ?? 0) + 1 === offset &&
    /^(Identifier|NumberLiteral)$/.test(last.tokenType.name)
  ) {
    tokens.pop();
  }
  const template = templateAt(ws, uri, offset);
  const symbols = [...ws.index.symbols.values()].filter((s) => s.template === template);
  const of = (
    kinds: SymbolKind[],
    table?: string,
    dimension?: 'row' | 'column',
  ): CompletionItem[] =>
    symbols
      .filter(
        (s) =>
          kinds.includes(s.kind) &&
          (table === undefined || s.table === table) &&
          (dimension === undefined || s.dimension === undefined || s.dimension === dimension),
      )
      .map((s) => ({ label: s.id, kind: s.kind, detail: s.label }));

  const prev = tokens[tokens.length - 1]?.tokenType.name;
  // Inside brackets: which table, and before or after the comma?
  let depth = 0;
  let commas = 0;
  for (let i = tokens.length - 1; i >= 0; i--) {
    const name = tokens[i]!.tokenType.name;
    if (name === 'RBracket') depth++;
    else if (name === 'LBracket') {
      if (depth === 0) {
        const table = tokens[i - 1]?.image ?? '';
        // `for each row r in T3[`: the quantifier says which dimension the brackets select.
        const quantifier = tokens[i - 2]?.tokenType.name === 'In' ? tokens[i - 4] : undefined;
        const view = ws.analysis.templates
          .find((t) => t.id === template)
          ?.tables.find((t) => t.id === table);
        const singleRow = view ? view.blocks.flatMap((b) => b.rows).length === 1 : false;
        const wantRows = quantifier
          ? quantifier.tokenType.name === 'Row'
          : commas === 0 && !singleRow;
        const dimension = wantRows ? 'row' : 'column';
        if (prev === 'Of') return of(['group'], table, dimension);
        return wantRows
          ? of(['row', 'group', 'block'], table, dimension)
          : of(['column', 'group'], table, dimension);
      }
      depth--;
    } else if (name === 'Comma' && depth === 0) commas++;
    else if (/^(LCurly|RCurly|Colon|Equal|When)$/.test(name) && depth === 0) break;
  }
  if (prev === 'Section') return of(['section']);
  if (prev === 'Rule' || prev === 'Remove') return of(['rule', 'section', 'table', 'lexicon']);
  if (prev === 'Extends') return of(['template']);
  if (prev === 'Lexicon') return of(['lexicon']);
  if (prev === 'In' || prev === 'Table') return of(['table']);
  if (prev === 'Severity')
    return ['error', 'warning', 'info', 'off'].map((label) => ({ label, kind: 'keyword' }));
  if (prev === 'Category') {
    return ['structure', 'arithmetic', 'narrative', 'date', 'text'].map((label) => ({
      label,
      kind: 'keyword',
    }));
  }
  return [
    ...keywords.map((label): CompletionItem => ({ label, kind: 'keyword' })),
    ...of(['table']),
  ];
}

/** The template whose declarations surround an offset (the file's header, or the only template). */
function templateAt(ws: RulesWorkspace, uri: string, offset: number): string | undefined {
  const file = ws.analysis.files.find((f) => f.uri === uri);
  let owner: string | undefined;
  for (const d of file?.declarations ?? []) {
    if (d.range.start > offset) break;
    owner = ws.index.owners.get(d) ?? owner;
  }
  return owner ?? ws.analysis.templates[0]?.id;
}
