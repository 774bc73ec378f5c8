/**
 * Read one file from disk into a ReadOutcome for `kepuri validate`: size cap first (never read
 * a 2 GB file whole), then the workbook readers. Never throws for bad files.
 */
import { promises as fs } from 'node:fs';
import { createFinding } from '../../core/finding.js';
import type { ReadOutcome } from '../../core/validate-files.js';
import { readWorkbook } from './read-workbook.js';
import { SIZE_CAPS } from './zip-caps.js';

export async function readInputFile(file: string): Promise<ReadOutcome> {
  let size: number;
  try {
    const st = await fs.stat(file);
    if (!st.isFile()) return { file, findings: [createFinding('file-unreadable', { file }, { reason: '不是文件' })] };
    size = st.size;
  } catch {
    return { file, findings: [createFinding('file-unreadable', { file }, { reason: '文件不存在' })] };
  }
  if (size > SIZE_CAPS.fileBytes) {
    return { file, findings: [createFinding('file-too-large', { file }, { reason: `${Math.round(size / 1048576)} MB` })] };
  }
  const bytes = await fs.readFile(file);
  const read = await readWorkbook(bytes, file);
  return read.ok ? { file, workbook: read.workbook, findings: [] } : { file, findings: read.findings };
}
