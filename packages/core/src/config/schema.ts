/**
 * `govlint.config.json`, validated with zod (docs/config.md documents every
 * field). Unknown keys are errors: a misspelt option silently ignored is the
 * worst kind of config bug.
 */
import { z } from 'zod';

export const SeveritySettingSchema = z.enum(['off', 'info', 'warning', 'error']);

const RuleId = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'rule ids are kebab-case');

export const RulesSettingSchema = z.record(RuleId, SeveritySettingSchema);

/** `MM-DD`, the day by which the report must be published. */
const Deadline = z.string().regex(/^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, 'expected MM-DD');

export const DeadlinesSchema = z
  .object({
    /** 县级以上人民政府部门 (条例 第四十九条). */
    department: Deadline.optional(),
    /** 县级以上地方人民政府 (本级 report). */
    government: Deadline.optional(),
    /** 乡镇、街道: set by local notices. */
    township: Deadline.optional(),
  })
  .strict();

const Globs = z.union([z.string().min(1), z.array(z.string().min(1)).min(1)]);

export const OverrideSchema = z
  .object({
    files: Globs,
    excludedFiles: Globs.optional(),
    template: z.string().min(1).optional(),
    rules: RulesSettingSchema.optional(),
    deadlines: DeadlinesSchema.optional(),
  })
  .strict();

export const ConfigSchema = z
  .object({
    $schema: z.string().optional(),
    /** Stop looking for config files in parent folders. */
    root: z.boolean().optional(),
    template: z.string().min(1).optional(),
    rules: RulesSettingSchema.optional(),
    /** Folders of extra rule packs, relative to the config file. */
    rulePaths: z.array(z.string().min(1)).optional(),
    /** Files not to lint, globs relative to the config file. */
    ignore: z.array(z.string().min(1)).optional(),
    overrides: z.array(OverrideSchema).optional(),
    deadlines: DeadlinesSchema.optional(),
    /**
     * Other names of an agency, for the cross-year rules: the name a report
     * writes → the name its years are grouped by (改名、简称).
     */
    agencies: z.record(z.string().min(1), z.string().min(1)).optional(),
  })
  .strict();

export type GovlintConfig = z.infer<typeof ConfigSchema>;
export type ConfigOverride = z.infer<typeof OverrideSchema>;
