/**
 * The grammar, as a Chevrotain CstParser. One instance serves every parse
 * (reset through `parser.input`). Recovery is on, so a file with several
 * mistakes still yields a CST for the rest of the file; `to-ast.ts` turns it
 * into the typed AST.
 */
import type { CstNode, IRecognitionException, IToken } from 'chevrotain';
import * as T from './tokens.js';
import { StructureParser } from './parser-structure.js';

class RulesParser extends StructureParser {
  constructor() {
    super();
    this.performSelfAnalysis();
  }

  file = this.RULE('file', () => {
    this.MANY(() => this.SUBRULE(this.declaration));
  });

  declaration = this.RULE('declaration', () => {
    this.OR([
      { ALT: () => this.SUBRULE(this.templateDecl) },
      { ALT: () => this.SUBRULE(this.sectionDecl) },
      { ALT: () => this.SUBRULE(this.tableDecl) },
      { ALT: () => this.SUBRULE(this.ruleDecl) },
      { ALT: () => this.SUBRULE(this.lexiconDecl) },
      { ALT: () => this.SUBRULE(this.removeDecl) },
    ]);
  });

  // -- rules ------------------------------------------------------------------

  ruleDecl = this.RULE('ruleDecl', () => {
    this.CONSUME(T.Rule);
    this.CONSUME(T.Identifier);
    this.CONSUME(T.LCurly);
    this.MANY(() =>
      this.OR([
        { ALT: () => this.SUBRULE(this.ruleProperty) },
        { ALT: () => this.SUBRULE(this.textCheck) },
        { ALT: () => this.SUBRULE(this.assertion) },
      ]),
    );
    this.CONSUME(T.RCurly);
  });

  ruleProperty = this.RULE('ruleProperty', () => {
    this.OR([
      {
        ALT: () => {
          this.CONSUME(T.Severity);
          this.CONSUME(T.Identifier);
        },
      },
      {
        ALT: () => {
          this.CONSUME(T.Category);
          // `text` is also the keyword that starts a text check.
          this.OR2([
            { ALT: () => this.CONSUME2(T.Identifier) },
            { ALT: () => this.CONSUME(T.Text, { LABEL: 'Identifier' }) },
          ]);
        },
      },
      {
        ALT: () => {
          this.OR3([
            { ALT: () => this.CONSUME(T.Description) },
            { ALT: () => this.CONSUME(T.Message) },
            { ALT: () => this.CONSUME(T.Docs) },
          ]);
          this.CONSUME(T.StringLiteral);
        },
      },
      {
        ALT: () => {
          this.CONSUME(T.Tolerance);
          this.CONSUME(T.NumberLiteral);
        },
      },
      { ALT: () => this.CONSUME(T.Builtin) },
    ]);
  });

  assertion = this.RULE('assertion', () => {
    this.OPTION(() => this.CONSUME(T.Assert));
    this.OPTION2(() => {
      this.AT_LEAST_ONE(() => this.SUBRULE(this.quantifier));
      this.CONSUME(T.Colon);
    });
    this.SUBRULE(this.comparison);
    this.OPTION3(() => {
      this.CONSUME(T.When);
      this.SUBRULE(this.condition);
    });
  });

  quantifier = this.RULE('quantifier', () => {
    this.CONSUME(T.For);
    this.CONSUME(T.Each);
    this.OR([{ ALT: () => this.CONSUME(T.Row) }, { ALT: () => this.CONSUME(T.Column) }]);
    this.CONSUME(T.Identifier, { LABEL: 'variable' });
    this.CONSUME(T.In);
    this.CONSUME2(T.Identifier, { LABEL: 'table' });
    this.OPTION(() => {
      this.CONSUME(T.LBracket);
      this.SUBRULE(this.selector);
      this.CONSUME(T.RBracket);
    });
    this.OPTION2(() => this.CONSUME(T.Comma));
  });

  comparison = this.RULE('comparison', () => {
    this.SUBRULE(this.linear, { LABEL: 'left' });
    this.OR([
      { ALT: () => this.CONSUME(T.Equal) },
      { ALT: () => this.CONSUME(T.NotEqual) },
      { ALT: () => this.CONSUME(T.LessEqual) },
      { ALT: () => this.CONSUME(T.GreaterEqual) },
      { ALT: () => this.CONSUME(T.Less) },
      { ALT: () => this.CONSUME(T.Greater) },
    ]);
    this.SUBRULE2(this.linear, { LABEL: 'right' });
  });

  linear = this.RULE('linear', () => {
    this.SUBRULE(this.term);
    this.MANY(() => {
      this.OR([{ ALT: () => this.CONSUME(T.Plus) }, { ALT: () => this.CONSUME(T.Minus) }]);
      this.SUBRULE2(this.term);
    });
  });

  term = this.RULE('term', () => {
    this.OPTION(() => this.CONSUME(T.Minus));
    this.OR([
      {
        ALT: () => {
          this.CONSUME(T.NumberLiteral);
          this.OPTION2(() => {
            this.CONSUME(T.Star);
            this.SUBRULE(this.atom);
          });
        },
      },
      { ALT: () => this.SUBRULE2(this.atom) },
    ]);
  });

  atom = this.RULE('atom', () => {
    // `previous T3[四, c]`: the cell in the same agency's report of the year before.
    this.OPTION(() => this.CONSUME(T.Previous));
    this.OR([
      {
        ALT: () => {
          this.CONSUME(T.Sum);
          this.CONSUME(T.LParen);
          this.SUBRULE(this.cellRef);
          this.CONSUME(T.RParen);
        },
      },
      { ALT: () => this.SUBRULE2(this.cellRef) },
    ]);
  });

  /** `T3[r, TOT]`, `T4[RV.总计]`, or a bare capture name (in text checks). */
  cellRef = this.RULE('cellRef', () => {
    this.CONSUME(T.Identifier);
    this.OPTION(() => {
      this.CONSUME(T.LBracket);
      this.SUBRULE(this.selector);
      this.OPTION2(() => {
        this.CONSUME(T.Comma);
        this.SUBRULE2(this.selector);
      });
      this.CONSUME(T.RBracket);
    });
  });

  selector = this.RULE('selector', () => {
    this.OR([
      {
        ALT: () => {
          this.CONSUME(T.Leaves);
          this.CONSUME(T.Of);
          this.CONSUME(T.Identifier, { LABEL: 'group' });
        },
      },
      {
        ALT: () => {
          this.CONSUME(T.LParen);
          this.SUBRULE(this.nameList);
          this.CONSUME(T.RParen);
        },
      },
      {
        ALT: () => {
          this.CONSUME2(T.Identifier, { LABEL: 'from' });
          this.OPTION(() => {
            this.CONSUME(T.DotDot);
            this.CONSUME3(T.Identifier, { LABEL: 'to' });
          });
        },
      },
    ]);
  });

  condition = this.RULE('condition', () => {
    this.SUBRULE(this.conjunction);
    this.MANY(() => {
      this.CONSUME(T.Or);
      this.SUBRULE2(this.conjunction);
    });
  });

  conjunction = this.RULE('conjunction', () => {
    this.SUBRULE(this.negation);
    this.MANY(() => {
      this.CONSUME(T.And);
      this.SUBRULE2(this.negation);
    });
  });

  negation = this.RULE('negation', () => {
    this.OR([
      {
        ALT: () => {
          this.CONSUME(T.Not);
          this.SUBRULE(this.negation);
        },
      },
      {
        ALT: () => {
          this.CONSUME(T.LParen);
          this.SUBRULE(this.condition);
          this.CONSUME(T.RParen);
        },
      },
      { ALT: () => this.SUBRULE(this.comparison) },
    ]);
  });

  // -- narrative checks ------------------------------------------------------

  textCheck = this.RULE('textCheck', () => {
    this.CONSUME(T.Text);
    this.OPTION(() => {
      this.CONSUME(T.In);
      this.OR3([
        {
          ALT: () => {
            this.CONSUME(T.Section);
            this.CONSUME(T.Identifier, { LABEL: 'section' });
          },
        },
        { ALT: () => this.CONSUME(T.Title, { LABEL: 'inTitle' }) },
      ]);
    });
    this.OPTION2(() => {
      this.CONSUME(T.By);
      this.OR([
        { ALT: () => this.CONSUME(T.Sentence) },
        { ALT: () => this.CONSUME(T.Paragraph) },
        { ALT: () => this.CONSUME2(T.Section, { LABEL: 'unitSection' }) },
      ]);
    });
    this.OR2([
      { ALT: () => this.AT_LEAST_ONE(() => this.SUBRULE(this.textClause)) },
      {
        ALT: () => {
          this.CONSUME(T.Require);
          this.SUBRULE(this.patternAlternatives, { LABEL: 'required' });
        },
      },
    ]);
    this.OPTION3(() => {
      this.CONSUME(T.Unless);
      this.SUBRULE2(this.patternAlternatives, { LABEL: 'unless' });
    });
    this.OPTION4(() => {
      this.CONSUME(T.When);
      this.SUBRULE(this.condition);
    });
  });

  /** `match <pattern> (or <pattern>)* [expect <condition>]`: one clause of a text check. */
  textClause = this.RULE('textClause', () => {
    this.CONSUME(T.Match);
    this.SUBRULE(this.patternAlternatives);
    this.OPTION(() => {
      this.CONSUME(T.Expect);
      this.SUBRULE(this.condition);
    });
  });

  patternAlternatives = this.RULE('patternAlternatives', () => {
    this.SUBRULE(this.patternSeq);
    this.MANY(() => {
      this.CONSUME(T.Or);
      this.SUBRULE2(this.patternSeq);
    });
  });

  patternSeq = this.RULE('patternSeq', () => {
    this.AT_LEAST_ONE(() => this.SUBRULE(this.patternElement));
  });

  patternElement = this.RULE('patternElement', () => {
    this.OR([
      { ALT: () => this.CONSUME(T.StringLiteral) },
      {
        ALT: () => {
          this.CONSUME(T.LParen);
          this.SUBRULE(this.patternSeq);
          this.MANY(() => {
            this.CONSUME(T.Pipe);
            this.SUBRULE2(this.patternSeq);
          });
          this.CONSUME(T.RParen);
        },
      },
      {
        ALT: () => {
          this.CONSUME(T.Optional);
          this.CONSUME2(T.LParen);
          this.SUBRULE3(this.patternSeq);
          // `optional("共" | "共计")`: alternatives without extra parentheses.
          this.MANY2(() => {
            this.CONSUME2(T.Pipe);
            this.SUBRULE4(this.patternSeq);
          });
          this.CONSUME2(T.RParen);
        },
      },
      {
        ALT: () => {
          this.CONSUME(T.Gap);
          this.CONSUME(T.NumberLiteral, { LABEL: 'min' });
          this.CONSUME(T.DotDot);
          this.CONSUME2(T.NumberLiteral, { LABEL: 'max' });
        },
      },
      {
        ALT: () => {
          this.CONSUME(T.NumberCapture);
          this.CONSUME(T.Identifier);
        },
      },
      {
        ALT: () => {
          this.CONSUME(T.Lexicon);
          this.CONSUME2(T.Identifier);
        },
      },
    ]);
  });
}

/**
 * The one parser instance (Chevrotain parsers are built once and reset per
 * input), built on first use: its self-analysis costs tens of milliseconds
 * that a program linting with precompiled packs never needs to pay.
 */
let parser: RulesParser | undefined;

export interface ParseOutput {
  readonly cst: CstNode;
  readonly errors: readonly IRecognitionException[];
}

export function parseTokens(tokens: IToken[]): ParseOutput {
  parser ??= new RulesParser();
  parser.input = tokens;
  const cst = parser.file();
  return { cst, errors: parser.errors };
}
