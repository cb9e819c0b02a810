// `npm run verify-chain -- <yichuang.db>`: recomputes the hash chain of a workstation file and
// names every event that was altered or is missing before another (exit 1), or confirms the
// chain is whole (exit 0). Opens the file read-only: checking never changes it.
import { openReadOnly, type Db } from '../store/db';
import { schemaVersion } from '../store/migrate';
import { CHAIN_SCHEMA_VERSION, verifyChain } from '../store/caseEvents';

function main(file: string | undefined): number {
  if (!file) {
    console.error('用法：npm run verify-chain -- <窗口机数据库文件（yichuang.db）>');
    return 2;
  }
  let db: Db;
  try {
    db = openReadOnly(file);
  } catch (err) {
    console.error(`无法打开数据库文件 ${file}：${(err as Error).message}`);
    return 2;
  }
  try {
    const version = schemaVersion(db);
    if (version < CHAIN_SCHEMA_VERSION) {
      console.error(`该文件由较早版本的一窗写入（版本 ${version}），尚未建立事件链：请先用当前版本的一窗打开一次。`);
      return 2;
    }
    const report = verifyChain(db);
    if (!report.breaks.length) {
      console.log(`事件链完整：共核对 ${report.checked} 个窗口事件，未发现改动或缺失。`);
      return 0;
    }
    console.log(`发现 ${report.breaks.length} 处事件链断裂（共核对 ${report.checked} 个窗口事件）：`);
    for (const b of report.breaks) console.log(`- 办件 ${b.caseNumber ?? b.caseId} 的事件 ${b.type}（${b.eventId}）：${b.message}`);
    return 1;
  } finally {
    db.close();
  }
}

process.exitCode = main(process.argv[2]);
