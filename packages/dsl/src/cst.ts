/**
 * Reading Chevrotain CST nodes defensively: after error recovery any token
 * may be missing (or inserted with no position), so every accessor may
 * return undefined and ranges fall back to a nearby offset.
 */
import type { CstElement, CstNode, IToken } from 'chevrotain';
import type { Range } from '@govlint/text';
import type * as A from './ast.js';

type Children = Record<string, CstElement[] | undefined>;

export function isToken(e: CstElement): e is IToken {
  return (e as IToken).image !== undefined;
}

const none: readonly CstElement[] = [];

function children(node: CstNode | undefined, key: string): readonly CstElement[] {
  return (node?.children as Children | undefined)?.[key] ?? none;
}

/** A token that was really read (not inserted by recovery, so it has a position). */
function isRealToken(e: CstElement): e is IToken {
  return isToken(e) && !e.isInsertedInRecovery && Number.isFinite(e.startOffset);
}

export function tokens(node: CstNode | undefined, key: string): IToken[] {
  return children(node, key).filter(isRealToken);
}

/** The `index`-th real token under `key`, without building the list (this runs for every token). */
export function tok(node: CstNode | undefined, key: string, index = 0): IToken | undefined {
  let seen = 0;
  for (const e of children(node, key)) {
    if (isRealToken(e) && seen++ === index) return e;
  }
  return undefined;
}

export function nodes(node: CstNode | undefined, key: string): CstNode[] {
  return children(node, key).filter((e): e is CstNode => !isToken(e));
}

export function sub(node: CstNode | undefined, key: string, index = 0): CstNode | undefined {
  let seen = 0;
  for (const e of children(node, key)) {
    if (!isToken(e) && seen++ === index) return e;
  }
  return undefined;
}

export function tokenRange(t: IToken): Range {
  return { start: t.startOffset, end: (t.endOffset ?? t.startOffset) + 1 };
}

/** A node's range; a recovered node may lack one, then its first real token's offset is used. */
export function rangeOf(node: CstNode | undefined, fallback = 0): Range {
  const loc = node?.location;
  if (loc && Number.isFinite(loc.startOffset)) {
    const end = Number.isFinite(loc.endOffset)
      ? (loc.endOffset as number) + 1
      : loc.startOffset + 1;
    return { start: loc.startOffset, end: Math.max(end, loc.startOffset) };
  }
  return { start: fallback, end: fallback };
}

export function nameOf(t: IToken | undefined, at: Range): A.Name {
  return t
    ? { text: t.image, range: tokenRange(t) }
    : { text: '', range: { start: at.start, end: at.start } };
}

export function unquote(image: string): string {
  const inner = image.slice(1, -1);
  if (!inner.includes('\\')) return inner;
  return inner.replace(/\\(.)/g, (_m, c: string) => (c === 'n' ? '\n' : c === 't' ? '\t' : c));
}

export function str(t: IToken | undefined, at: Range): A.Str {
  return t
    ? { value: unquote(t.image), raw: t.image.slice(1, -1), range: tokenRange(t) }
    : { value: '', raw: '', range: { start: at.start, end: at.start } };
}

export function strList(node: CstNode | undefined): A.Str[] {
  return tokens(node, 'StringLiteral').map((t) => str(t, tokenRange(t)));
}

export function nameList(node: CstNode | undefined): A.Name[] {
  return tokens(node, 'Identifier').map((t) => nameOf(t, tokenRange(t)));
}

export function numberOf(t: IToken | undefined): number | undefined {
  return t ? Number(t.image) : undefined;
}
