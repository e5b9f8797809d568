/**
 * The events of htmlparser2's `Parser` (open tag, text, close tag, with its
 * `startIndex` and `endIndex`), made on htmlparser2's own `Tokenizer` with
 * the Parser's tree rules: tags implied closed by the next one (`<td>` by
 * `<td>`, `<p>` by `<table>`), void elements, a stray `</p>` or `</br>`,
 * foreign content, and the tags left open at the end.
 *
 * Why not the Parser itself: it does per tag what the view never uses
 * (optional callbacks, an attribute object for every tag, a lowercased
 * copy of every name, four lookups of it), and an HTML report has a tag
 * every ten characters. Here a tag's name is lowercased only when it has
 * an upper-case letter, looked up once, and its attributes collected only
 * when asked for. html-events.test.ts checks the events against the
 * Parser's on generated pages.
 */
import { QuoteType, Tokenizer, type TokenizerCallbacks } from 'htmlparser2';
import { INLINE, P, type TagName, type TagRules, nameAt } from './html-tag-rules.js';

export interface TagHandler {
  /** `attribs` is empty unless the tag's name is in `withAttributes`. */
  onopentag(name: string, attribs: Readonly<Record<string, string>>): void;
  /**
   * Text: `source.slice(from, to)`, where `source` is the page itself for a
   * run of text (no copy of it is made) or a decoded entity.
   */
  ontext(source: string, from: number, to: number): void;
  onclosetag(name: string): void;
}

const NO_ATTRIBUTES: Readonly<Record<string, string>> = Object.freeze({});

/** Runs `html` through the tokenizer, calling `handler` as htmlparser2's Parser (HTML mode, entities decoded) would. */
export class TagEvents implements TokenizerCallbacks {
  /** Where the current event starts in the HTML, as the Parser's `startIndex`. */
  startIndex = 0;
  /** Where the current event ends (inclusive), as the Parser's `endIndex`. */
  endIndex = 0;
  private openTagStart = 0;
  private tagname = '';
  private tagRules: TagRules = INLINE;
  private attribname = '';
  private attribvalue = '';
  /** The open tag's attributes; null once it has been reported. */
  private attribs: Record<string, string> | null = null;
  /** Open elements, innermost last. */
  private readonly stack: string[] = [];
  /** Whether each nested context is foreign content, innermost last. */
  private readonly foreign: boolean[] = [false];

  constructor(
    private readonly html: string,
    private readonly handler: TagHandler,
    private readonly withAttributes: ReadonlySet<string>,
  ) {}

  run(): void {
    const tokenizer = new Tokenizer({ decodeEntities: true }, this);
    tokenizer.write(this.html);
    tokenizer.end();
  }

  ontext(start: number, endIndex: number): void {
    this.endIndex = endIndex - 1;
    this.handler.ontext(this.html, start, endIndex);
    this.startIndex = endIndex;
  }

  ontextentity(cp: number, endIndex: number): void {
    this.endIndex = endIndex - 1;
    const data = String.fromCodePoint(cp);
    this.handler.ontext(data, 0, data.length);
    this.startIndex = endIndex;
  }

  onopentagname(start: number, endIndex: number): void {
    this.endIndex = endIndex;
    this.openTag(nameAt(this.html, start, endIndex));
  }

  private openTag({ name, rules }: TagName): void {
    this.openTagStart = this.startIndex;
    this.tagname = name;
    this.tagRules = rules;
    const closes = rules.closes;
    if (closes) {
      const stack = this.stack;
      while (stack.length > 0 && closes.has(stack[stack.length - 1] as string)) {
        this.handler.onclosetag(stack.pop() as string);
      }
    }
    if (!rules.isVoid) {
      this.stack.push(name);
      if (rules.context === 1) this.foreign.push(true);
      else if (rules.context === 2) this.foreign.push(false);
    }
    this.attribs = this.withAttributes.has(name) ? {} : (NO_ATTRIBUTES as Record<string, string>);
  }

  private endOpenTag(): void {
    this.startIndex = this.openTagStart;
    if (this.attribs) {
      this.handler.onopentag(this.tagname, this.attribs);
      this.attribs = null;
    }
    if (this.tagRules.isVoid) this.handler.onclosetag(this.tagname);
    this.tagname = '';
    this.tagRules = INLINE;
  }

  onopentagend(endIndex: number): void {
    this.endIndex = endIndex;
    this.endOpenTag();
    this.startIndex = endIndex + 1;
  }

  onclosetag(start: number, endIndex: number): void {
    this.endIndex = endIndex;
    const { name, rules } = nameAt(this.html, start, endIndex);
    if (rules.context !== 0) this.foreign.pop();
    if (!rules.isVoid) {
      const stack = this.stack;
      const at = stack.lastIndexOf(name);
      if (at !== -1) {
        while (stack.length > at) this.handler.onclosetag(stack.pop() as string);
      } else if (name === 'p') {
        // A `</p>` with no `<p>` open is an empty paragraph.
        this.openTag(P);
        this.closeCurrentTag();
      }
    } else if (name === 'br') {
      // A `</br>` is a line break.
      this.handler.onopentag('br', {});
      this.handler.onclosetag('br');
    }
    this.startIndex = endIndex + 1;
  }

  onselfclosingtag(endIndex: number): void {
    this.endIndex = endIndex;
    // `<x/>` closes itself only in foreign content (`<svg><path/></svg>`).
    if (this.foreign[this.foreign.length - 1]) {
      this.closeCurrentTag();
      this.startIndex = endIndex + 1;
    } else {
      this.onopentagend(endIndex);
    }
  }

  private closeCurrentTag(): void {
    const name = this.tagname;
    this.endOpenTag();
    if (this.stack[this.stack.length - 1] === name) {
      this.handler.onclosetag(name);
      this.stack.pop();
    }
  }

  onattribname(start: number, endIndex: number): void {
    this.startIndex = start;
    if (this.attribs !== NO_ATTRIBUTES)
      this.attribname = this.html.slice(start, endIndex).toLowerCase();
  }

  onattribdata(start: number, endIndex: number): void {
    if (this.attribs !== NO_ATTRIBUTES) this.attribvalue += this.html.slice(start, endIndex);
  }

  onattribentity(cp: number): void {
    if (this.attribs !== NO_ATTRIBUTES) this.attribvalue += String.fromCodePoint(cp);
  }

  onattribend(_quote: QuoteType, endIndex: number): void {
    this.endIndex = endIndex;
    const attribs = this.attribs;
    if (attribs && attribs !== NO_ATTRIBUTES && !Object.hasOwn(attribs, this.attribname)) {
      attribs[this.attribname] = this.attribvalue;
    }
    this.attribvalue = '';
  }

  ondeclaration(_start: number, endIndex: number): void {
    this.skip(endIndex);
  }

  onprocessinginstruction(_start: number, endIndex: number): void {
    this.skip(endIndex);
  }

  oncomment(_start: number, endIndex: number): void {
    this.skip(endIndex);
  }

  /** CDATA in HTML is a comment. */
  oncdata(_start: number, endIndex: number): void {
    this.skip(endIndex);
  }

  private skip(endIndex: number): void {
    this.endIndex = endIndex;
    this.startIndex = endIndex + 1;
  }

  /** The elements still open are closed, innermost first, at the last event's start. */
  onend(): void {
    this.endIndex = this.startIndex;
    for (let i = this.stack.length - 1; i >= 0; i--)
      this.handler.onclosetag(this.stack[i] as string);
  }
}
