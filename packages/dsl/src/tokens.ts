/**
 * Token types of the rules language. Keywords are English (they are the
 * grammar); identifiers may be Chinese (`三.四.1`, `一`) or ASCII (`NP`,
 * `t3-row-total`), and labels are quoted strings. Full-width `，：（）` are
 * accepted beside their ASCII forms, since rules are typed with a Chinese IME.
 *
 * Chevrotain ignores the regex `u` flag, so CJK is written as explicit UTF-16
 * ranges, with surrogate pairs for the supplementary planes (Extension B+).
 */
import { Lexer, createToken, type TokenType } from 'chevrotain';

/** One CJK ideograph: BMP ranges (Ext. A, URO, compatibility, 〇) or a surrogate pair (Ext. B+). */
const CJK =
  '(?:[\\u3007\\u3400-\\u4DBF\\u4E00-\\u9FFF\\uF900-\\uFAFF]|[\\uD840-\\uD87F][\\uDC00-\\uDFFF])';
const WORD_CHAR = `(?:[A-Za-z0-9_]|${CJK})`;
const FIRST_CHAR = `(?:[A-Za-z_]|${CJK})`;
/** Inside a segment a hyphen joins words (`t3-row-total`, `gov-2021`), never ends one. */
const SEGMENT_REST = `(?:${WORD_CHAR}|-(?=${WORD_CHAR}))*`;
/** Dot-separated segments (a row id like 三.四.1); `NP..OT` stops before `..`. */
const IDENTIFIER = new RegExp(`${FIRST_CHAR}${SEGMENT_REST}(?:\\.${WORD_CHAR}${SEGMENT_REST})*`);

export const WhiteSpace = createToken({
  name: 'WhiteSpace',
  pattern: /[ \t\r\n\u3000\ufeff\u00a0]+/,
  group: Lexer.SKIPPED,
  line_breaks: true,
});
export const LineComment = createToken({
  name: 'LineComment',
  pattern: /\/\/[^\r\n]*/,
  group: 'comments',
});
export const BlockComment = createToken({
  name: 'BlockComment',
  pattern: /\/\*[^*]*\*+(?:[^/*][^*]*\*+)*\//,
  group: 'comments',
  line_breaks: true,
});

export const Identifier = createToken({
  name: 'Identifier',
  pattern: IDENTIFIER,
  label: '标识符',
  // The pattern starts with a letter, `_` or a CJK ideograph; listing the
  // ASCII ones and the common CJK lead units keeps Chevrotain's
  // first-character optimisation without enumerating every ideograph.
  start_chars_hint: identifierStartHints(),
});

function identifierStartHints(): number[] {
  const codes: number[] = [];
  for (let c = 65; c <= 90; c++) codes.push(c, c + 32);
  codes.push(95, 0x3007);
  // Chevrotain buckets code units above 255 by blocks of 255, so one code
  // unit per block covers every ideograph of the ranges.
  for (const [from, to] of [
    [0x3400, 0x4dbf],
    [0x4e00, 0x9fff],
    [0xf900, 0xfaff],
    [0xd840, 0xd87f],
  ] as const) {
    for (let c = from; c <= to; c += 255) codes.push(c);
    codes.push(to);
  }
  return codes;
}

const keywords: TokenType[] = [];
function keyword(word: string): TokenType {
  const t = createToken({
    name: word[0]!.toUpperCase() + word.slice(1),
    pattern: new RegExp(word),
    longer_alt: Identifier,
    label: `“${word}”`,
  });
  keywords.push(t);
  return t;
}

export const Template = keyword('template');
export const Extends = keyword('extends');
export const Title = keyword('title');
export const Document = keyword('document');
export const Years = keyword('years');
export const Markers = keyword('markers');
export const Section = keyword('section');
export const Variants = keyword('variants');
export const Table = keyword('table');
export const Amend = keyword('amend');
export const In = keyword('in');
export const Anchors = keyword('anchors');
export const Block = keyword('block');
export const Columns = keyword('columns');
export const Rows = keyword('rows');
export const Group = keyword('group');
export const Aliases = keyword('aliases');
export const Total = keyword('total');
export const Count = keyword('count');
export const Signed = keyword('signed');
export const Amount = keyword('amount');
export const Remove = keyword('remove');
export const Insert = keyword('insert');
export const Before = keyword('before');
export const After = keyword('after');
export const Rule = keyword('rule');
export const Severity = keyword('severity');
export const Category = keyword('category');
export const Description = keyword('description');
export const Message = keyword('message');
export const Docs = keyword('docs');
export const Tolerance = keyword('tolerance');
export const Builtin = keyword('builtin');
export const Assert = keyword('assert');
export const For = keyword('for');
export const Each = keyword('each');
export const Row = keyword('row');
export const Column = keyword('column');
export const Sum = keyword('sum');
export const Leaves = keyword('leaves');
export const Of = keyword('of');
export const When = keyword('when');
export const And = keyword('and');
export const Or = keyword('or');
export const Not = keyword('not');
export const Lexicon = keyword('lexicon');
export const Text = keyword('text');
export const By = keyword('by');
export const Sentence = keyword('sentence');
export const Paragraph = keyword('paragraph');
export const Match = keyword('match');
export const Expect = keyword('expect');
export const Require = keyword('require');
export const Unless = keyword('unless');
export const Previous = keyword('previous');
export const Optional = keyword('optional');
export const Gap = keyword('gap');
export const NumberCapture = keyword('number');
export const Note = keyword('note');

export const StringLiteral = createToken({
  name: 'StringLiteral',
  pattern: /"(?:[^"\\\r\n]|\\.)*"/,
  label: '带引号的文字',
});
export const NumberLiteral = createToken({
  name: 'NumberLiteral',
  pattern: /\d+(?:\.\d+)?/,
  label: '数字',
});

function punct(name: string, pattern: RegExp, label: string): TokenType {
  return createToken({ name, pattern, label });
}
export const LCurly = punct('LCurly', /\{/, '“{”');
export const RCurly = punct('RCurly', /\}/, '“}”');
export const LBracket = punct('LBracket', /\[/, '“[”');
export const RBracket = punct('RBracket', /\]/, '“]”');
export const LParen = punct('LParen', /[(（]/, '“(”');
export const RParen = punct('RParen', /[)）]/, '“)”');
export const Comma = punct('Comma', /[,，、]/, '“,”');
export const Colon = punct('Colon', /[:：]/, '“:”');
export const DotDot = punct('DotDot', /\.\./, '“..”');
export const Plus = punct('Plus', /\+/, '“+”');
export const Minus = punct('Minus', /[-\u2212]/, '“-”');
export const Star = punct('Star', /[*×]/, '“*”');
export const Pipe = punct('Pipe', /\|/, '“|”');
export const NotEqual = punct('NotEqual', /≠|!=/, '“≠”');
export const LessEqual = punct('LessEqual', /≤|<=/, '“≤”');
export const GreaterEqual = punct('GreaterEqual', /≥|>=/, '“≥”');
export const Less = punct('Less', /</, '“<”');
export const Greater = punct('Greater', />/, '“>”');
export const Equal = punct('Equal', /=/, '“=”');

/** Order matters: comments before operators, keywords before identifiers, longer operators first. */
export const allTokens: TokenType[] = [
  WhiteSpace,
  LineComment,
  BlockComment,
  StringLiteral,
  NumberLiteral,
  // Longest first, so that `in` does not shadow `insert`.
  ...[...keywords].sort((a, b) => String(b.PATTERN).length - String(a.PATTERN).length),
  Identifier,
  LCurly,
  RCurly,
  LBracket,
  RBracket,
  LParen,
  RParen,
  Comma,
  Colon,
  DotDot,
  Plus,
  Minus,
  Star,
  Pipe,
  NotEqual,
  LessEqual,
  GreaterEqual,
  Less,
  Greater,
  Equal,
];

/** Keywords, for completion and for the grammar's documentation. */
export const keywordTokens: readonly TokenType[] = keywords;
