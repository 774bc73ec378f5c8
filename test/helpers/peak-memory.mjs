// Preload (node --import) that prints the process's peak resident memory at exit, on standard
// error as `KEPURI_MAX_RSS <kilobytes>` (issue 13, item 15: memory measured, not guessed).
process.on('exit', () => {
  process.stderr.write(`\nKEPURI_MAX_RSS ${process.resourceUsage().maxRSS}\n`);
});
