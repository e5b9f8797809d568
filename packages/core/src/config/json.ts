/**
 * A small JSON parser that remembers where every value is, so that a config
 * error can point at the offending line and column (JSON.parse only knows
 * that something is wrong). It accepts `//` and `/* *\/` comments, as most
 * editors do for config files; everything else is strict JSON.
 */
import type { Range } from '@govlint/text';

export type JsonValue =
  null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

export interface JsonNode {
  readonly range: Range;
  /** For object members: the key's range. */
  readonly keyRange?: Range;
  readonly children?: ReadonlyMap<string | number, JsonNode>;
}

export type JsonParse =
  | { readonly ok: true; readonly value: JsonValue; readonly root: JsonNode }
  | { readonly ok: false; readonly message: string; readonly offset: number };

class JsonSyntaxError extends Error {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(message);
  }
}

export function parseJson(text: string): JsonParse {
  const p = new Parser(text);
  try {
    p.skip();
    const [value, root] = p.value();
    p.skip();
    if (p.at < text.length) p.fail('多余的内容（unexpected content after the JSON value）');
    return { ok: true, value, root };
  } catch (e) {
    if (e instanceof JsonSyntaxError) return { ok: false, message: e.message, offset: e.offset };
    throw e;
  }
}

/** The node at a path, or the deepest ancestor that exists. */
export function nodeAt(root: JsonNode, path: readonly (string | number)[]): JsonNode {
  let node = root;
  for (const key of path) {
    const child = node.children?.get(key);
    if (!child) break;
    node = child;
  }
  return node;
}

class Parser {
  at = 0;
  constructor(private readonly text: string) {}

  fail(message: string, offset = this.at): never {
    throw new JsonSyntaxError(message, offset);
  }

  skip(): void {
    const t = this.text;
    for (;;) {
      const c = t[this.at];
      if (c === ' ' || c === '\t' || c === '\n' || c === '\r' || c === '\ufeff') this.at++;
      else if (c === '/' && t[this.at + 1] === '/') {
        while (this.at < t.length && t[this.at] !== '\n') this.at++;
      } else if (c === '/' && t[this.at + 1] === '*') {
        const end = t.indexOf('*/', this.at + 2);
        if (end < 0) this.fail('注释未结束（unterminated comment）');
        this.at = end + 2;
      } else return;
    }
  }

  private depth = 0;

  value(): [JsonValue, JsonNode] {
    const start = this.at;
    const c = this.text[this.at];
    if ((c === '{' || c === '[') && ++this.depth > 64) this.fail('嵌套过深（nested too deeply）');
    if (c === '{') return this.nested(() => this.object());
    if (c === '[') return this.nested(() => this.array());
    if (c === '"') {
      const s = this.string();
      return [s, { range: { start, end: this.at } }];
    }
    const literal = /^(?:true|false|null|-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?)/.exec(
      this.text.slice(this.at, this.at + 64),
    );
    if (!literal) {
      this.fail(
        c === undefined
          ? 'JSON 不完整（unexpected end of input）'
          : `意外的字符“${c}”（unexpected character）`,
      );
    }
    this.at += literal[0].length;
    const word = literal[0];
    const v =
      word === 'true' ? true : word === 'false' ? false : word === 'null' ? null : Number(word);
    return [v, { range: { start, end: this.at } }];
  }

  private nested(parse: () => [JsonValue, JsonNode]): [JsonValue, JsonNode] {
    const result = parse();
    this.depth--;
    return result;
  }

  string(): string {
    const start = this.at;
    this.at++; // opening quote
    let out = '';
    for (;;) {
      const c = this.text[this.at];
      if (c === undefined || c === '\n') this.fail('字符串未结束（unterminated string）', start);
      if (c === '"') break;
      if (c === '\\') {
        const e = this.text[this.at + 1];
        const simple: Record<string, string> = {
          '"': '"',
          '\\': '\\',
          '/': '/',
          b: '\b',
          f: '\f',
          n: '\n',
          r: '\r',
          t: '\t',
        };
        if (e !== undefined && e in simple) {
          out += simple[e];
          this.at += 2;
        } else if (
          e === 'u' &&
          /^[0-9a-fA-F]{4}$/.test(this.text.slice(this.at + 2, this.at + 6))
        ) {
          out += String.fromCharCode(parseInt(this.text.slice(this.at + 2, this.at + 6), 16));
          this.at += 6;
        } else this.fail('无效的转义（invalid escape）');
        continue;
      }
      out += c;
      this.at++;
    }
    this.at++; // closing quote
    return out;
  }

  object(): [JsonValue, JsonNode] {
    const start = this.at++;
    const value: { [key: string]: JsonValue } = {};
    const children = new Map<string | number, JsonNode>();
    this.skip();
    if (this.text[this.at] === '}') {
      this.at++;
      return [value, { range: { start, end: this.at }, children }];
    }
    for (;;) {
      this.skip();
      if (this.text[this.at] !== '"') this.fail('应为用双引号括起的键名（expected a "key"）');
      const keyStart = this.at;
      const key = this.string();
      const keyRange = { start: keyStart, end: this.at };
      this.skip();
      if (this.text[this.at] !== ':') this.fail('键名后应为冒号（expected ":"）');
      this.at++;
      this.skip();
      const [v, node] = this.value();
      value[key] = v;
      children.set(key, { ...node, keyRange });
      this.skip();
      const c = this.text[this.at];
      if (c === ',') {
        this.at++;
        continue;
      }
      if (c === '}') {
        this.at++;
        return [value, { range: { start, end: this.at }, children }];
      }
      this.fail('应为逗号或“}”（expected "," or "}"）');
    }
  }

  array(): [JsonValue, JsonNode] {
    const start = this.at++;
    const value: JsonValue[] = [];
    const children = new Map<string | number, JsonNode>();
    this.skip();
    if (this.text[this.at] === ']') {
      this.at++;
      return [value, { range: { start, end: this.at }, children }];
    }
    for (;;) {
      this.skip();
      const [v, node] = this.value();
      children.set(value.length, node);
      value.push(v);
      this.skip();
      const c = this.text[this.at];
      if (c === ',') {
        this.at++;
        continue;
      }
      if (c === ']') {
        this.at++;
        return [value, { range: { start, end: this.at }, children }];
      }
      this.fail('应为逗号或“]”（expected "," or "]"）');
    }
  }
}
