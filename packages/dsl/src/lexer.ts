/**
 * The lexer: one instance for the process (Chevrotain lexers are stateless
 * between calls). Comments are kept in a group so that services can ignore
 * them while formatting tools could still see them.
 */
import { Lexer, type ILexingResult } from 'chevrotain';
import { allTokens } from './tokens.js';

// Built on first use, like the parser (parser.ts).
let lexer: Lexer | undefined;

export function tokenize(text: string): ILexingResult {
  lexer ??= new Lexer(allTokens, { positionTracking: 'full', ensureOptimizations: false });
  return lexer.tokenize(text);
}
