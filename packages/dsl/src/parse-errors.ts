/**
 * Chinese syntax-error messages. Chevrotain's defaults are English and list
 * token-type names; rules authors read labels like “}” or 标识符 instead.
 */
import {
  tokenLabel,
  type IParserErrorMessageProvider,
  type IToken,
  type TokenType,
} from 'chevrotain';

function shown(token: IToken): string {
  if (token.tokenType.name === 'EOF') return '文件结尾';
  return `“${token.image}”`;
}

function expectedList(paths: TokenType[][][] | TokenType[][]): string {
  const labels = new Set<string>();
  for (const p of paths.flat(1) as (TokenType | TokenType[])[]) {
    const first = Array.isArray(p) ? p[0] : p;
    if (first) labels.add(tokenLabel(first));
  }
  return [...labels].slice(0, 6).join('、');
}

export const chineseErrorMessages: IParserErrorMessageProvider = {
  buildMismatchTokenMessage({ expected, actual }) {
    return `语法错误：此处应为 ${tokenLabel(expected)}，实际为 ${shown(actual)}`;
  },
  buildNotAllInputParsedMessage({ firstRedundant }) {
    return `语法错误：无法理解 ${shown(firstRedundant)}，此处应开始一个新的声明（template、section、table、rule、lexicon 或 remove）`;
  },
  buildNoViableAltMessage({ expectedPathsPerAlt, actual }) {
    const first = actual[0];
    return `语法错误：此处应为 ${expectedList(expectedPathsPerAlt)}，实际为 ${first ? shown(first) : '文件结尾'}`;
  },
  buildEarlyExitMessage({ expectedIterationPaths, actual }) {
    const first = actual[0];
    return `语法错误：此处至少应有一个 ${expectedList(expectedIterationPaths)}，实际为 ${first ? shown(first) : '文件结尾'}`;
  },
};
