import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { rulesContextFor } from './rules-packs.js';
import { pathToUri } from './workspace-files.js';

describe('rulesContextFor', () => {
  const root = mkdtempSync(join(tmpdir(), 'govlint-packs-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  const file = (path: string, text = '// rules\n') => {
    mkdirSync(join(root, path, '..'), { recursive: true });
    writeFileSync(join(root, path), text);
    return join(root, path);
  };
  const a = file('rules/gov-2021/a.govlint');
  file('rules/gov-2021/b.govlint');
  const old = file('rules/gov-2019/c.govlint');
  const mine = file('mine/local.govlint');
  file('mine/notes.txt', 'not rules');
  const builtins = new Set(['gov-2021', 'gov-2019']);

  it("checks a file of the workspace's rule path with that pack, on top of the built-in packs", () => {
    const context = rulesContextFor(mine, [join(root, 'mine')], builtins, () => undefined);
    expect(context.replaceBuiltins).toBe(false);
    expect(context.packs.map((p) => [p.id, p.files.map((f) => f.uri)])).toEqual([
      ['mine', [pathToUri(mine)]],
    ]);
  });

  it('uses the open buffer in place of the file on disk', () => {
    const context = rulesContextFor(mine, [], builtins, (path) =>
      path === mine ? 'rule x {}' : undefined,
    );
    expect(context.packs[0]?.files[0]?.text).toBe('rule x {}');
  });

  it("checks a built-in pack's own folder with its siblings, in place of the built-in packs", () => {
    const context = rulesContextFor(a, [], builtins, () => undefined);
    expect(context.replaceBuiltins).toBe(true);
    expect(context.packs.map((p) => p.id)).toEqual(['gov-2019', 'gov-2021']);
    expect(context.packs[0]?.files.map((f) => f.uri)).toEqual([pathToUri(old)]);
  });
});
