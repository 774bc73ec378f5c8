/** Says once, visibly, what this run leaves out and how to turn it on. */
import { CALAMINE, HAS_CORPUS, REQUIRE_CORPUS } from './corpus.js';

export default function setup(): void {
  if (!HAS_CORPUS && !REQUIRE_CORPUS) {
    console.log(`[kepuri] 未找到共享语料库 ${CALAMINE}：语料库测试已跳过（设 KEPURI_CORPUS=语料库目录 启用，KEPURI_REQUIRE_CORPUS=1 时缺失即失败）`);
  }
  if (process.env.KEPURI_FAST === '1') {
    console.log('[kepuri] test:fast：不含语料库与命令行进程测试；完整测试请运行 npm test');
  }
}
