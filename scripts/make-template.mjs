#!/usr/bin/env node
/**
 * Regenerate templates/附件2-活动安排表-<year>.xlsx, the blank 附件2 shipped with the package, from
 * the compiled code (run `npm run build` first). It is exactly what `kepuri template` writes
 * for the embedded default rules; test/writers/template.test.ts checks the two stay equal.
 *
 *   node scripts/make-template.mjs            # uses ./dist
 *   KEPURI_DIST=/tmp/out node scripts/make-template.mjs
 */
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dist = path.resolve(process.env.KEPURI_DIST ?? path.join(root, 'dist'));
const load = (rel) => import(pathToFileURL(path.join(dist, rel)).href);

const { defaultRules } = await load('core/config/resolve-rules.js');
const { writeTemplate, templateFileName } = await load('io/write-template.js');

const rules = defaultRules();
const out = path.join(root, 'templates', templateFileName(rules));
await writeTemplate(out, rules, {});
process.stdout.write(`wrote ${path.relative(root, out)}\n`);
