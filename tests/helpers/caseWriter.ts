// Child process for crash and concurrency tests: accepts cases on a real SQLite file as fast
// as it can, printing each committed case number. Usage: tsx caseWriter.ts <db> <count>
import { testWorkstation, acceptCertificate } from './workstation';
import { decide } from '../../electron/services/intake';
import { DecideInput } from '../../shared/domain/case';
import { createWorkstation } from '../../electron/services/workstation';
import fs from 'node:fs';

const [dbPath, countArg] = process.argv.slice(2);
const count = Number(countArg ?? 1e9);
// The first writer sets the file up; later ones (and restarts) open it as it is.
const fresh = !fs.existsSync(dbPath);
const ws = fresh ? testWorkstation({ dbPath }) : createWorkstation({ dbPath, seedDemo: false });
ws.session.clerk = { staffNo: '1001', name: '张敏', role: 'clerk', officeCode: '210100', windowCode: '01' };
const input = DecideInput.parse(acceptCertificate());
process.stdout.write('ready\n');
for (let i = 0; i < count; i++) {
  const r = decide(ws, input);
  process.stdout.write(r.caseNumber + '\n');
}
ws.close();
