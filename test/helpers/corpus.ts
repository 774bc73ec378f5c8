/**
 * Where the shared real-world corpus is (../shared/corpus beside the clone, or KEPURI_CORPUS), and
 * the `it`/`describe` to use for tests that read it. A user's fresh clone has no corpus: those
 * tests are skipped (test/helpers/global-setup.ts prints one line saying so). CI sets
 * KEPURI_REQUIRE_CORPUS=1, and then they run and fail loudly when the corpus is missing.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'vitest';

const REPO = path.resolve(import.meta.dirname, '../..');

export const CORPUS_DIR = path.resolve(REPO, process.env.KEPURI_CORPUS || '../shared/corpus');
export const CALAMINE = path.join(CORPUS_DIR, 'calamine');
export const HAS_CORPUS = existsSync(CALAMINE);
export const REQUIRE_CORPUS = process.env.KEPURI_REQUIRE_CORPUS === '1';

const run = HAS_CORPUS || REQUIRE_CORPUS;
/** `it` for a test that reads the corpus. */
export const itCorpus = run ? it : it.skip;
/** `describe` for a block that reads the corpus. */
export const describeCorpus = run ? describe : describe.skip;
