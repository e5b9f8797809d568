/**
 * The client's settings (`govlint.*` in VS Code, `settings.govlint` in
 * Neovim), read from initializationOptions and, when the client supports
 * it, from workspace/configuration. Anything malformed falls back to the
 * default: a bad setting must not stop linting.
 */
export interface Settings {
  /** Lint reports at all. */
  readonly enable: boolean;
  /** Force a template id (e.g. `gov-2019`) instead of detecting it. */
  readonly template: string | null;
  /** Folders or files of workspace rules packs (`*.govlint`), relative to the workspace. */
  readonly rulePaths: readonly string[];
  /** Language ids of documents that may be reports. */
  readonly languages: readonly string[];
  /** Quiet time after an edit before linting, in ms (≤ 50 keeps typing responsive). */
  readonly debounceMs: number;
}

export const DEFAULT_SETTINGS: Settings = {
  enable: true,
  template: null,
  rulePaths: [],
  // `text` is what Neovim and other editors call plain text.
  languages: ['plaintext', 'text', 'markdown', 'html'],
  debounceMs: 30,
};

const MAX_DEBOUNCE_MS = 50;

function stringList(value: unknown): string[] | undefined {
  return Array.isArray(value) && value.every((v) => typeof v === 'string') ? value : undefined;
}

/** Accepts `{govlint: {...}}` or the section itself. */
export function parseSettings(raw: unknown, base: Settings = DEFAULT_SETTINGS): Settings {
  if (!raw || typeof raw !== 'object') return base;
  const record = raw as Record<string, unknown>;
  const section = (
    record.govlint && typeof record.govlint === 'object' ? record.govlint : record
  ) as Record<string, unknown>;
  const debounce = section.debounceMs;
  return {
    enable: typeof section.enable === 'boolean' ? section.enable : base.enable,
    template:
      typeof section.template === 'string' && section.template.trim()
        ? section.template.trim()
        : section.template === null || section.template === ''
          ? null
          : base.template,
    rulePaths: stringList(section.rulePaths) ?? base.rulePaths,
    languages: stringList(section.languages) ?? base.languages,
    debounceMs:
      typeof debounce === 'number' && Number.isFinite(debounce) && debounce >= 0
        ? Math.min(debounce, MAX_DEBOUNCE_MS)
        : base.debounceMs,
  };
}
