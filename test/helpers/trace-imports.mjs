// Preload (node --import) that records every module URL the program resolves, printed at exit.
import { register } from 'node:module';
import { MessageChannel, receiveMessageOnPort } from 'node:worker_threads';

const { port1, port2 } = new MessageChannel();
register('./trace-hooks.mjs', { parentURL: import.meta.url, data: { port: port2 }, transferList: [port2] });
process.on('exit', () => {
  const seen = [];
  for (let m = receiveMessageOnPort(port1); m; m = receiveMessageOnPort(port1)) seen.push(m.message);
  process.stderr.write('\nKEPURI_LOADED ' + JSON.stringify(seen) + '\n');
});
