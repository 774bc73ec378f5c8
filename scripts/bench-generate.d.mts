// Types for the parts of bench-generate.mjs that tests import.
export const GENERATOR_VERSION: number;
export const HEADERS: string[];
export function generateInbox(dir: string, options: { files: number; rows: number; seed?: number; concurrency?: number }): Promise<unknown>;
export function rosterCsv(units: unknown[]): string;
