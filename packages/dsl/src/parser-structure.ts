/**
 * The grammar of templates, sections, tables and lexicons: the declarative
 * half of the language. `parser.ts` extends it with rules and expressions;
 * Chevrotain analyses the whole grammar once, in the final class.
 */
import { CstParser } from 'chevrotain';
import * as T from './tokens.js';
import { chineseErrorMessages } from './parse-errors.js';

export class StructureParser extends CstParser {
  constructor() {
    super(T.allTokens, {
      recoveryEnabled: true,
      nodeLocationTracking: 'full',
      errorMessageProvider: chineseErrorMessages,
      maxLookahead: 4,
    });
  }

  // -- template ---------------------------------------------------------------

  templateDecl = this.RULE('templateDecl', () => {
    this.CONSUME(T.Template);
    this.CONSUME(T.Identifier, { LABEL: 'name' });
    this.OPTION(() => {
      this.CONSUME(T.Extends);
      this.CONSUME2(T.Identifier, { LABEL: 'parent' });
    });
    this.OPTION2(() => {
      this.CONSUME(T.LCurly);
      this.MANY(() => this.SUBRULE(this.templateProperty));
      this.CONSUME(T.RCurly);
    });
  });

  templateProperty = this.RULE('templateProperty', () => {
    this.OR([
      {
        ALT: () => {
          this.CONSUME(T.Title);
          this.CONSUME(T.StringLiteral);
        },
      },
      {
        ALT: () => {
          this.CONSUME(T.Document);
          this.CONSUME2(T.StringLiteral);
        },
      },
      {
        ALT: () => {
          this.CONSUME(T.Years);
          this.CONSUME(T.NumberLiteral, { LABEL: 'from' });
          this.OPTION(() => {
            this.CONSUME(T.DotDot);
            this.OPTION2(() => this.CONSUME2(T.NumberLiteral, { LABEL: 'to' }));
          });
        },
      },
      {
        ALT: () => {
          this.CONSUME(T.Markers);
          this.SUBRULE(this.stringList);
        },
      },
    ]);
  });

  stringList = this.RULE('stringList', () => {
    this.AT_LEAST_ONE_SEP({ SEP: T.Comma, DEF: () => this.CONSUME(T.StringLiteral) });
  });

  // -- sections and tables --------------------------------------------------

  sectionDecl = this.RULE('sectionDecl', () => {
    this.CONSUME(T.Section);
    this.CONSUME(T.Identifier);
    this.CONSUME(T.StringLiteral);
    this.OPTION(() => {
      this.CONSUME(T.Variants);
      this.SUBRULE(this.stringList);
    });
  });

  tableDecl = this.RULE('tableDecl', () => {
    this.OPTION(() => this.CONSUME(T.Amend));
    this.CONSUME(T.Table);
    this.CONSUME(T.Identifier, { LABEL: 'name' });
    this.OPTION2(() => this.CONSUME(T.StringLiteral, { LABEL: 'title' }));
    this.OPTION3(() => {
      this.CONSUME(T.In);
      this.CONSUME(T.Section);
      this.CONSUME2(T.Identifier, { LABEL: 'section' });
    });
    this.CONSUME(T.LCurly);
    this.MANY(() => this.SUBRULE(this.tablePart));
    this.CONSUME(T.RCurly);
  });

  tablePart = this.RULE('tablePart', () => {
    this.OR([
      {
        ALT: () => {
          this.CONSUME(T.Title);
          this.CONSUME(T.StringLiteral);
        },
      },
      { ALT: () => this.SUBRULE(this.anchorsDecl) },
      { ALT: () => this.SUBRULE(this.columnsDecl) },
      { ALT: () => this.SUBRULE(this.rowsDecl) },
      { ALT: () => this.SUBRULE(this.blockDecl) },
    ]);
  });

  anchorsDecl = this.RULE('anchorsDecl', () => {
    this.CONSUME(T.Anchors);
    this.SUBRULE(this.stringList);
  });

  blockDecl = this.RULE('blockDecl', () => {
    this.CONSUME(T.Block);
    this.CONSUME(T.Identifier);
    this.OPTION(() => this.SUBRULE(this.stringList));
    this.CONSUME(T.LCurly);
    this.MANY(() =>
      this.OR([
        { ALT: () => this.SUBRULE(this.anchorsDecl) },
        { ALT: () => this.SUBRULE(this.columnsDecl) },
        { ALT: () => this.SUBRULE(this.rowsDecl) },
      ]),
    );
    this.CONSUME(T.RCurly);
  });

  cellKind = this.RULE('cellKind', () => {
    this.OR([
      { ALT: () => this.CONSUME(T.Count) },
      { ALT: () => this.CONSUME(T.Signed) },
      {
        ALT: () => {
          this.CONSUME(T.Amount);
          this.CONSUME(T.StringLiteral, { LABEL: 'unit' });
        },
      },
    ]);
  });

  columnsDecl = this.RULE('columnsDecl', () => {
    this.CONSUME(T.Columns);
    this.OPTION(() => this.SUBRULE(this.cellKind));
    this.SUBRULE(this.itemBlock);
  });

  rowsDecl = this.RULE('rowsDecl', () => {
    this.CONSUME(T.Rows);
    this.SUBRULE(this.itemBlock);
  });

  itemBlock = this.RULE('itemBlock', () => {
    this.CONSUME(T.LCurly);
    this.MANY(() => this.SUBRULE(this.item));
    this.CONSUME(T.RCurly);
  });

  item = this.RULE('item', () => {
    this.OR([
      { ALT: () => this.SUBRULE(this.leafItem) },
      { ALT: () => this.SUBRULE(this.groupItem) },
      { ALT: () => this.SUBRULE(this.removeItem) },
      { ALT: () => this.SUBRULE(this.insertItem) },
    ]);
  });

  leafItem = this.RULE('leafItem', () => {
    this.CONSUME(T.Identifier);
    this.CONSUME(T.StringLiteral);
    this.OPTION(() => {
      this.CONSUME(T.Aliases);
      this.SUBRULE(this.stringList);
    });
    this.OPTION2(() => this.CONSUME(T.Total));
    this.OPTION3(() => this.SUBRULE(this.cellKind));
  });

  groupItem = this.RULE('groupItem', () => {
    this.CONSUME(T.Group);
    this.OPTION(() => this.CONSUME(T.Identifier));
    this.CONSUME(T.StringLiteral);
    this.SUBRULE(this.itemBlock);
  });

  removeItem = this.RULE('removeItem', () => {
    this.CONSUME(T.Remove);
    this.SUBRULE(this.nameList);
  });

  insertItem = this.RULE('insertItem', () => {
    this.CONSUME(T.Insert);
    this.OR([{ ALT: () => this.CONSUME(T.Before) }, { ALT: () => this.CONSUME(T.After) }]);
    this.CONSUME(T.Identifier);
    this.SUBRULE(this.itemBlock);
  });

  nameList = this.RULE('nameList', () => {
    this.AT_LEAST_ONE_SEP({ SEP: T.Comma, DEF: () => this.CONSUME(T.Identifier) });
  });

  removeDecl = this.RULE('removeDecl', () => {
    this.CONSUME(T.Remove);
    this.OR([
      { ALT: () => this.CONSUME(T.Section) },
      { ALT: () => this.CONSUME(T.Table) },
      { ALT: () => this.CONSUME(T.Rule) },
      { ALT: () => this.CONSUME(T.Lexicon) },
    ]);
    this.SUBRULE(this.nameList);
  });

  lexiconDecl = this.RULE('lexiconDecl', () => {
    this.CONSUME(T.Lexicon);
    this.CONSUME(T.Identifier);
    this.CONSUME(T.LCurly);
    this.MANY(() => {
      this.CONSUME(T.StringLiteral, { LABEL: 'entry' });
      this.OPTION(() => {
        this.CONSUME(T.Note);
        this.CONSUME2(T.StringLiteral, { LABEL: 'note' });
      });
      this.OPTION2(() => this.CONSUME(T.Comma));
    });
    this.CONSUME(T.RCurly);
  });
}
