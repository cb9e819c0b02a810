// `npm start` runs the central server beside the app: the launcher starts the server CLI as
// its own process with the demo directory, gets its URL and a one-time code for this window.
import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startEmbeddedServer } from '../../electron/services/embeddedServer';
import { StaffClient } from '../helpers/staffClient';
import { DEMO_STAFF } from '../../server/demo';

describe('embedded central server', () => {
  it('starts with the demo catalogue and an enrolment code, and restarts on the same data', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'yc-embedded-'));
    const opts = { command: [process.execPath, '--import', 'tsx', 'server/cli.ts'], dataDir, officeCode: '210100', windowCode: '01' };
    const first = await startEmbeddedServer(opts);
    try {
      expect(first.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      const doc = (await (await fetch(`${first.url}/openapi.json`)).json()) as { openapi: string };
      expect(doc.openapi).toMatch(/^3\./);
      const enrol = await fetch(`${first.url}/sync/v1/enrol`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ code: first.enrolCode, deviceName: '测试窗口' }),
      });
      expect(enrol.status).toBe(200);
      const { deviceToken } = (await enrol.json()) as { deviceToken: string };
      const cat = (await (await fetch(`${first.url}/sync/v1/catalogue/version`, { headers: { authorization: `Bearer ${deviceToken}` } })).json()) as { version: number };
      expect(cat.version).toBe(1);
      // The README's demo back-office accounts: reviewers of two departments, heads, an admin.
      expect(DEMO_STAFF.map((s) => s.role).sort()).toEqual(['admin', 'head', 'head', 'reviewer', 'reviewer', 'reviewer']);
      expect(new Set(DEMO_STAFF.filter((s) => s.role === 'reviewer').flatMap((s) => s.departmentCodes)).size).toBe(2);
      const reviewer = new StaffClient(first.url);
      expect((await reviewer.signIn('3011', '12345678')).json.staff).toMatchObject({ name: '刘审批', role: 'reviewer', departmentCodes: ['GAJ'], mustChangePassword: false });
      expect((await reviewer.get('/queues')).status).toBe(200);
    } finally {
      await first.stop();
    }
    const second = await startEmbeddedServer(opts);
    try {
      // Same data folder: still one catalogue version, and a fresh code for a re-install.
      const r = await fetch(`${second.url}/sync/v1/enrol`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ code: second.enrolCode, deviceName: '测试窗口' }),
      });
      expect(r.status).toBe(200);
    } finally {
      await second.stop();
    }
  }, 120_000);
});
