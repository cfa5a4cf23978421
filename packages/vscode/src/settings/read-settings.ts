import * as vscode from 'vscode';
import { defaultRules, isCalendarDate, type Profile, type Rules } from '@rapport/core';
import type { ConfigOverrides } from './config-overrides.js';

export type GroupBy = 'stage' | 'organization' | 'tag' | 'due';
export const GROUP_BY: readonly GroupBy[] = ['stage', 'organization', 'tag', 'due'];

/** Every `rapport.*` setting, read and checked. */
export interface ExtensionSettings {
  /** Notes folder relative to the workspace folder, `/`-separated; `''` is the workspace folder. */
  readonly notesFolder: string;
  readonly groupBy: GroupBy;
  /** A pinned "today", or `undefined` for the real date. */
  readonly today: string | undefined;
  readonly overrides: ConfigOverrides;
}

const PROFILE_KEYS = ['name', 'background', 'field', 'email', 'phone', 'location'] as const;

/** The rules that are a number of days, each a `rapport.rules.*` setting. */
type DelayRule = Exclude<keyof Rules, 'holidays'>;

export function readSettings(): ExtensionSettings {
  const settings = vscode.workspace.getConfiguration('rapport');
  const folder = settings.get<string>('notesFolder', '').replace(/\\/g, '/').replace(/^\.?\/+|\/+$/g, '');
  const groupBy = settings.get<string>('contacts.groupBy', 'stage');
  const today = settings.get<string>('today', '').trim();
  const rules: Partial<Record<DelayRule, number>> = {};
  // The delays, in days; days off are set in the folder's config.
  for (const key of Object.keys(defaultRules).filter((rule): rule is DelayRule => typeof defaultRules[rule as keyof Rules] === 'number')) {
    const value = settings.get<number | null>(`rules.${key}`, null);
    if (typeof value === 'number' && Number.isInteger(value) && value >= 0) rules[key] = value;
  }
  const rawProfile = settings.get<Record<string, unknown>>('profile', {});
  const profile: Record<string, string> = {};
  for (const key of PROFILE_KEYS) {
    const value = rawProfile?.[key];
    if (typeof value === 'string') profile[key] = value;
  }
  return {
    notesFolder: folder.split('/').includes('..') ? '' : folder,
    groupBy: (GROUP_BY as readonly string[]).includes(groupBy) ? (groupBy as GroupBy) : 'stage',
    today: isCalendarDate(today) ? today : undefined,
    overrides: { rules, profile: profile as Profile },
  };
}

/** Fires when any `rapport.*` setting changes. */
export function onDidChangeSettings(listener: (settings: ExtensionSettings) => void): vscode.Disposable {
  return vscode.workspace.onDidChangeConfiguration((event) => {
    if (event.affectsConfiguration('rapport')) listener(readSettings());
  });
}
