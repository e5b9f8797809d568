/**
 * What the extension tells the language client, as plain data computed from
 * the `govlint.*` settings, so it can be tested without VS Code.
 */
export const RULES_LANGUAGE = 'govlint-rules';
export const CONFIG_FILE_PATTERN = '**/govlint.config.json';
export const DEFAULT_LANGUAGES = ['plaintext', 'markdown', 'html'];
/** Where the built-in rules files live (inside the server), and how the client asks for one. */
export const BUILTIN_RULES_SCHEME = 'govlint-rules';
export const RULES_FILE_REQUEST = 'govlint/rulesFile';

export interface ExtensionSettings {
  readonly enable: boolean;
  readonly template: string | null;
  readonly rulePaths: readonly string[];
  readonly languages: readonly string[];
}

/** A filter names a language, or a scheme and a file pattern (vscode's DocumentFilter). */
export type DocumentFilter =
  | { readonly language: string; readonly scheme?: string }
  | { readonly scheme: string; readonly pattern: string };

/**
 * Reports in the configured languages (saved or not), rules files, and the
 * config file, whose unsaved edits also change how reports are linted.
 */
export function documentSelector(settings: ExtensionSettings): DocumentFilter[] {
  const reports = settings.languages.flatMap((language) => [
    { scheme: 'file', language },
    { scheme: 'untitled', language },
  ]);
  return [
    ...reports,
    // Not the built-in rules opened from the server (scheme govlint-rules): they are read-only.
    { scheme: 'file', language: RULES_LANGUAGE },
    { scheme: 'untitled', language: RULES_LANGUAGE },
    { scheme: 'file', pattern: CONFIG_FILE_PATTERN },
  ];
}

/** The settings as the server reads them (its initializationOptions and workspace/configuration). */
export function serverSettings(settings: ExtensionSettings): Record<string, unknown> {
  return {
    enable: settings.enable,
    template: settings.template,
    rulePaths: [...settings.rulePaths],
    languages: [...settings.languages],
  };
}

export function readSettings(get: <T>(key: string, fallback: T) => T): ExtensionSettings {
  const template = get<string | null>('template', null);
  return {
    enable: get('enable', true),
    template: typeof template === 'string' && template.trim() ? template.trim() : null,
    rulePaths: get<string[]>('rulePaths', []),
    languages: get<string[]>('languages', DEFAULT_LANGUAGES),
  };
}
