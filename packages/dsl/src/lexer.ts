/**
 * The lexer: one instance for the process (Chevrotain lexers are stateless
 * between calls). Comments are kept in a group so that services can ignore
 * them while formatting tools could still see them.
 */
import { Lexer, type ILexingResult } from 'chevrotain';
import { allTokens } from './tokens.js';

const lexer = new Lexer(allTokens, {
  positionTracking: 'full',
  ensureOptimizations: false,
});

export function tokenize(text: string): ILexingResult {
  return lexer.tokenize(text);
}
