/** Messages between the page and its engine worker (issue 14). Bytes travel as transferred buffers. */
import type { Lang } from '../core/messages.js';
import type { Report } from '../core/report.js';

export interface PageFile {
  /** the file's name, or its path inside a dropped folder ('收件箱/某单位.xlsx') */
  name: string;
  bytes: Uint8Array;
  /** File.lastModified, ms */
  lastModified?: number;
}

/** The rules the page was built with: the config file's text and the files it names (a roster). */
export interface EmbeddedRules {
  config?: { name: string; text: string; files?: { name: string; bytes: Uint8Array }[] };
}

export type EngineRequest =
  | { id: number; type: 'init'; rules: EmbeddedRules }
  | { id: number; type: 'validate'; file: PageFile; lang: Lang }
  | { id: number; type: 'template' }
  | {
      id: number;
      type: 'merge';
      files: PageFile[];
      roster?: PageFile;
      received?: PageFile;
      useLastModified: boolean;
      feedback: boolean;
      lang: Lang;
    };

export interface OutputFile {
  name: string;
  bytes: Uint8Array;
}

export type EngineReply =
  | { id: number; type: 'ready'; year: number; district: string; source: string }
  | { id: number; type: 'progress'; done: number; total: number }
  | { id: number; type: 'validated'; report: Report; text: string; outputs: OutputFile[] }
  | { id: number; type: 'merged'; report: Report; text: string; outputs: OutputFile[] }
  | { id: number; type: 'template'; outputs: OutputFile[] }
  | { id: number; type: 'error'; message: string; usage: boolean };
