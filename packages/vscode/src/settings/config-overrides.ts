import type { Profile, RapportConfig, Rules } from '@rapport/core';

/** The settings that change what core computes; the notes folder's own config is the base. */
export interface ConfigOverrides {
  /** Rules set in VS Code; a missing key keeps the notes folder's value. */
  readonly rules: Partial<Rules>;
  /** Profile fields set in VS Code; a missing or empty one keeps the notes folder's value. */
  readonly profile: Profile;
}

/** The notes folder's config with the user's VS Code settings laid over it, field by field. */
export function applyOverrides(config: RapportConfig, overrides: ConfigOverrides): RapportConfig {
  const profile: Record<string, string> = { ...config.profile };
  for (const [key, value] of Object.entries(overrides.profile)) if (typeof value === 'string' && value.trim() !== '') profile[key] = value;
  return { ...config, profile, rules: { ...config.rules, ...overrides.rules } };
}
