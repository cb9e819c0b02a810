// The layering rules of docs/architecture.md §2 are a lint rule; this proves the rule bites for each layer
// (and stays quiet for allowed imports), so a broken layer fails `npm test`.
import { describe, expect, it } from 'vitest';
import { ESLint } from 'eslint';

const eslint = new ESLint({ cwd: process.cwd() });
async function violations(file: string, code: string): Promise<number> {
  const [result] = await eslint.lintText(code, { filePath: file });
  return result.messages.filter((m) => m.ruleId === 'no-restricted-imports' || m.ruleId === 'no-restricted-globals').length;
}

describe('layering lint', () => {
  it.each([
    ['shared/x.ts', "import fs from 'node:fs';"],
    ['shared/x.ts', "import { app } from 'electron';"],
    ['shared/x.ts', "import Database from 'better-sqlite3';"],
    ['shared/x.ts', "import { openDatabase } from '../electron/store/db';"],
    ['shared/x.ts', 'export const w = window.innerWidth;'],
    ['renderer/src/x.ts', "import { ipcRenderer } from 'electron';"],
    ['renderer/src/x.ts', "import fs from 'node:fs';"],
    ['renderer/src/x.ts', "import { openDatabase } from '../../electron/store/db';"],
    ['electron/store/x.ts', "import { app } from 'electron';"],
    ['electron/services/x.ts', "import { App } from '../../renderer/src/App';"],
    ['electron/preload/x.ts', "import fs from 'node:fs';"],
    ['electron/preload/x.ts', "import { openDatabase } from '../store/db';"],
    ['server/x.ts', "import { openDatabase } from '../electron/store/db';"],
    ['server/x.ts', "import { app } from 'electron';"],
    ['server/console/src/x.ts', "import fs from 'node:fs';"],
    ['server/console/src/x.ts', "import { openDb } from '../../db/db';"],
  ])('%s may not: %s', async (file, code) => {
    expect(await violations(file, code)).toBeGreaterThan(0);
  });

  it.each([
    ['shared/x.ts', "import { z } from 'zod';"],
    ['renderer/src/x.ts', "import { contract } from '../../shared/contract';"],
    ['electron/store/x.ts', "import fs from 'node:fs';"],
    ['electron/main/x.ts', "import { app } from 'electron';"],
    ['electron/preload/x.ts', "import { contextBridge } from 'electron';"],
    ['server/x.ts', "import { Catalogue } from '../shared/domain/catalogue';"],
    ['server/console/src/x.ts', "import { maskIdNumber } from '../../../shared/validate/idcard';"],
  ])('%s may: %s', async (file, code) => {
    expect(await violations(file, code)).toBe(0);
  });
});
