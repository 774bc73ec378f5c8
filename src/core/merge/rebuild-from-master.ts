/**
 * `kepuri summary`: a master table the clerk edited by hand, read back through the same pipeline,
 * becomes submissions again — one per 来源文件 — so the summary is assembled by the same
 * `assembleMerge` as the merge's own (every source file kept: the master holds no superseded rows).
 */
import type { AnalyzedFile } from '../analyze-workbook.js';
import type { Submission } from './assemble-merge.js';

const SOURCE_HEADER = '来源文件';
const RECEIVED_HEADER = '报送时间';

/** 'YYYY-MM-DDTHH:mm' (a date cell) or 'YYYY-MM-DD HH:mm' (text) → ISO with the Shanghai offset. */
export function receivedFromCell(text: string | undefined): string | undefined {
  if (!text) return undefined;
  const m = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})/.exec(text.trim());
  if (!m) return undefined;
  return `${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:00+08:00`;
}

export function submissionsFromMaster(master: AnalyzedFile): Submission[] {
  const groups = new Map<string, AnalyzedFile['rows']>();
  for (const row of master.rows) {
    const source = row.activity.extras.find((e) => e.header === SOURCE_HEADER)?.value || row.activity.unitFromColumn || master.file;
    const list = groups.get(source);
    if (list) list.push(row);
    else groups.set(source, [row]);
  }
  const subs: Submission[] = [];
  for (const [source, rows] of groups) {
    const received = receivedFromCell(rows[0].activity.extras.find((e) => e.header === RECEIVED_HEADER)?.value);
    subs.push({
      path: source,
      name: source.split(/[#/\\]/).pop() ?? source,
      ...(received ? { receivedAt: received } : {}),
      analyzed: {
        ...master,
        rowsRead: rows.length,
        rows,
        skipped: [],
        // column-unknown for the provenance columns is the master's own layout, not a problem
        findings: [],
      },
      readFindings: [],
    });
  }
  return subs;
}
