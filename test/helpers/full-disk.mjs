// Preload (node --import) that makes the disk full for the outputs of a run (issue 13, item 19):
// a write to a file whose path matches KEPURI_FULL_DISK (a regular expression) gets a few bytes
// through, then fails with ENOSPC, as a real full disk does. Everything else is written normally.
import fs from 'node:fs';

const pattern = process.env.KEPURI_FULL_DISK ? new RegExp(process.env.KEPURI_FULL_DISK) : undefined;
const writeFile = fs.promises.writeFile;

fs.promises.writeFile = async function fullDiskWriteFile(file, data, options) {
  if (!pattern?.test(String(file))) return writeFile.call(this, file, data, options);
  await writeFile.call(this, file, 'PK\u0003\u0004 half a file', options);
  const err = new Error(`ENOSPC: no space left on device, write '${file}'`);
  Object.assign(err, { errno: -28, code: 'ENOSPC', syscall: 'write', path: String(file) });
  throw err;
};
