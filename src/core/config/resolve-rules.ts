/**
 * Written config → complete Config. Pure: a roster given as a path must already have been loaded
 * by the caller (src/io/load-config.ts) and is passed in as `rosterUnits`.
 */
import { DEFAULTS_2023, DEFAULT_CATEGORIES, DEFAULT_FIELDS, DEFAULT_FORMS, DEFAULT_MODES } from './defaults-2023.js';
import type { Config, RosterUnit, WrittenConfig } from './schema.js';

export function resolveRules(written: WrittenConfig, source: string, loadedRoster?: { units: RosterUnit[]; source: string }): Config {
  const roster = loadedRoster?.units ?? (Array.isArray(written.roster) ? written.roster : []);
  const rosterSource = loadedRoster?.source ?? (Array.isArray(written.roster) ? source : 'none');
  return {
    district: written.district,
    issuer: written.issuer ?? `${written.district}科学技术协会`,
    year: written.year,
    theme: written.theme,
    ...(written.notice ? { notice: written.notice } : {}),
    windows: written.windows,
    deadlines: written.deadlines,
    categories: written.categories ?? DEFAULT_CATEGORIES,
    fields: written.fields ?? DEFAULT_FIELDS,
    forms: written.forms ?? DEFAULT_FORMS,
    modes: written.modes ?? DEFAULT_MODES,
    towns: written.towns ?? [],
    places: written.places ?? [],
    namePrefixes: written.namePrefixes ?? [written.district],
    roster,
    rosterSource,
    nameMaxLength: written.nameMaxLength ?? 60,
    association: { ...written.association, name: written.association?.name ?? written.issuer ?? `${written.district}科学技术协会` },
    replyBy: written.replyBy ?? 3,
    timezone: 'Asia/Shanghai',
    source,
  };
}

/** The embedded default rules (defaults-2023.ts), used when no config file is given. */
export function defaultRules(): Config {
  return resolveRules(DEFAULTS_2023, 'embedded', { units: DEFAULTS_2023.roster as RosterUnit[], source: 'embedded' });
}
