// Child process for the draft crash test: autosaves an intake as a clerk types the applicant's
// name one character at a time, through the real dispatcher on a real SQLite file, printing
// each name once its save returned. Usage: tsx draftWriter.ts <db> <startedAt>
import { testWorkstation } from './workstation';

const [dbPath, startedAt] = process.argv.slice(2);
const ws = testWorkstation({ dbPath });
const NAME = '阿依古丽·买买提艾力·吐尔逊托合提'.repeat(3);

const content = (name: string) => ({
  answers: { who: 'self' },
  marks: { form: { mark: 'verified' }, id: { mark: 'missing', note: '未带身份证原件' } },
  applicant: { kind: '自然人', person: { name, idNumber: '11010519491231', phone: '' }, org: { name: '', creditCode: '', legalRep: '', phone: '' }, agent: { name: '', idNumber: '', phone: '' } },
  decisionForm: { open: 'notifyMissing', reasons: '', applyTo: '', commitment: null, supplementDeadline: null },
});

process.stdout.write('ready\n');
for (let i = 1; ; i = (i % NAME.length) + 1) {
  const name = NAME.slice(0, i);
  const r = await ws.dispatch('draft.save', { itemCode: 'T0000000001', startedAt, content: content(name) });
  if (!r.ok) throw new Error(r.error.message);
  process.stdout.write(`${name}\n`);
}
