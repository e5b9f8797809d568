/** Every docs/rules page, by file name, rendered from the rules files. */
export declare function renderRuleDocs(): Map<string, string>;
/** Pages that differ from what the rules files say: [] when the docs are current. */
export declare function staleRuleDocs(): string[];
