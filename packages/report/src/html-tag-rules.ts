/**
 * What htmlparser2's Parser knows of a tag, as one record per name: the
 * open elements it closes when it opens (`<td>` closes `<td>`, `<table>`
 * closes `<p>`), whether it is void, and whether it opens foreign content.
 * The tables are the Parser's (htmlparser2 10); html-events.test.ts checks
 * the events they give against the Parser's own.
 */

/** What the tree rules know of a tag (the Parser's tables, as one record per name). */
export interface TagRules {
  /** The open elements this tag closes when it opens. */
  readonly closes: ReadonlySet<string> | null;
  readonly isVoid: boolean;
  /** 1: it opens foreign content (`svg`, `math`); 2: it opens HTML inside it; 0: neither. */
  readonly context: 0 | 1 | 2;
}

const pTag = new Set(['p']);
const formTags = new Set([
  'input',
  'option',
  'optgroup',
  'select',
  'button',
  'datalist',
  'textarea',
]);
const tableSectionTags = new Set(['thead', 'tbody']);
const ddtTags = new Set(['dd', 'dt']);
const rtpTags = new Set(['rt', 'rp']);
const IMPLIES_CLOSE: [string, ReadonlySet<string>][] = [
  ['tr', new Set(['tr', 'th', 'td'])],
  ['th', new Set(['th'])],
  ['td', new Set(['thead', 'th', 'td'])],
  ['body', new Set(['head', 'link', 'script'])],
  ['li', new Set(['li'])],
  ...['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6'].map((t): [string, ReadonlySet<string>] => [t, pTag]),
  ...['select', 'input', 'output', 'button', 'datalist', 'textarea'].map(
    (t): [string, ReadonlySet<string>] => [t, formTags],
  ),
  ['option', new Set(['option'])],
  ['optgroup', new Set(['optgroup', 'option'])],
  ['dd', ddtTags],
  ['dt', ddtTags],
  ...[
    'address',
    'article',
    'aside',
    'blockquote',
    'details',
    'div',
    'dl',
    'fieldset',
    'figcaption',
    'figure',
    'footer',
    'form',
    'header',
    'hr',
    'main',
    'nav',
    'ol',
    'pre',
    'section',
    'table',
    'ul',
  ].map((t): [string, ReadonlySet<string>] => [t, pTag]),
  ['rt', rtpTags],
  ['rp', rtpTags],
  ['tbody', tableSectionTags],
  ['tfoot', tableSectionTags],
];
const VOID = [
  'area',
  'base',
  'basefont',
  'br',
  'col',
  'command',
  'embed',
  'frame',
  'hr',
  'img',
  'input',
  'isindex',
  'keygen',
  'link',
  'meta',
  'param',
  'source',
  'track',
  'wbr',
];
const FOREIGN = ['math', 'svg'];
const INTEGRATION = [
  'mi',
  'mo',
  'mn',
  'ms',
  'mtext',
  'annotation-xml',
  'foreignobject',
  'desc',
  'title',
];

export const INLINE: TagRules = { closes: null, isVoid: false, context: 0 };
const RULES = new Map<string, TagRules>();
for (const name of new Set([
  ...IMPLIES_CLOSE.map(([t]) => t),
  ...VOID,
  ...FOREIGN,
  ...INTEGRATION,
])) {
  RULES.set(name, {
    closes: IMPLIES_CLOSE.find(([t]) => t === name)?.[1] ?? null,
    isVoid: VOID.includes(name),
    context: FOREIGN.includes(name) ? 1 : INTEGRATION.includes(name) ? 2 : 0,
  });
}

export const P = tagName('p');

/** A tag's name (lowercased) with its rules. */
export interface TagName {
  readonly name: string;
  readonly rules: TagRules;
}

export function tagName(name: string): TagName {
  return { name, rules: RULES.get(name) ?? INLINE };
}

/**
 * Tag names as one record per name: `text[start, end)` lowercased as
 * `toLowerCase` does. A name of up to five letters, digits and `-:_` (most
 * tags) is read as a small integer (base 40, case folded) and looked up, so
 * it makes no new string and its rules are not looked up again.
 */
const NAMES = new Map<number, TagName>();
/** A hostile page may use any number of names: past this many, new ones are not kept. */
const MAX_NAMES = 4096;
/** Digit of each code unit of a name (0: not encodable). */
const NAME_DIGIT = new Uint8Array(128);
for (let c = 0; c < 26; c++) {
  NAME_DIGIT[97 + c] = c + 1;
  NAME_DIGIT[65 + c] = c + 1;
}
for (let c = 0; c < 10; c++) NAME_DIGIT[48 + c] = 27 + c;
NAME_DIGIT[45] = 37; // -
NAME_DIGIT[58] = 38; // :
NAME_DIGIT[95] = 39; // _

export function nameAt(text: string, start: number, end: number): TagName {
  // Up to 40^5 keys: small integers.
  if (end - start <= 5) {
    let key = 0;
    let i = start;
    for (; i < end; i++) {
      const c = text.charCodeAt(i);
      const digit = c < 128 ? (NAME_DIGIT[c] as number) : 0;
      if (digit === 0) break;
      key = key * 40 + digit;
    }
    if (i === end) {
      let known = NAMES.get(key);
      if (known === undefined) {
        known = tagName(text.slice(start, end).toLowerCase());
        if (NAMES.size < MAX_NAMES) NAMES.set(key, known);
      }
      return known;
    }
  }
  return tagName(text.slice(start, end).toLowerCase());
}
