// The layering rules of docs/architecture.md §2 are a lint rule; this proves the rule bites for each layer
// (and stays quiet for allowed imports), so a broken layer fails `npm test`.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ESLint } from 'eslint';
import ts from 'typescript';

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

// docs/architecture.md §2: a service names the parts of the workstation it uses (a Pick of it);
// only the composition root, which builds the workstation and wires its handlers, holds it whole.
const COMPOSITION_ROOT = new Set(['electron/services/workstation.ts']);

function takesWhole(type: ts.TypeNode): boolean {
  if (ts.isParenthesizedTypeNode(type)) return takesWhole(type.type);
  if (ts.isUnionTypeNode(type) || ts.isIntersectionTypeNode(type)) return type.types.some(takesWhole);
  return ts.isTypeReferenceNode(type) && !type.typeArguments && type.typeName.getText() === 'Workstation';
}

/** Parameters typed as the whole Workstation, as `line:name`. */
function wholeWorkstationParams(file: string, code: string): string[] {
  const source = ts.createSourceFile(file, code, ts.ScriptTarget.Latest, true);
  const found: string[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isParameter(node) && node.type && takesWhole(node.type)) {
      found.push(`${source.getLineAndCharacterOfPosition(node.getStart()).line + 1}:${node.name.getText()}`);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

describe('services take narrowed workstation deps', () => {
  it('no service outside the composition root takes the Workstation whole', () => {
    const dir = path.join(process.cwd(), 'electron/services');
    const offenders = (fs.readdirSync(dir, { recursive: true }) as string[])
      .map((f) => path.posix.join('electron/services', f.split(path.sep).join('/')))
      .filter((f) => f.endsWith('.ts') && !COMPOSITION_ROOT.has(f))
      .flatMap((f) => wholeWorkstationParams(f, fs.readFileSync(path.join(process.cwd(), f), 'utf8')).map((at) => `${f}:${at}`));
    expect(offenders, 'declare a Pick<Workstation, ...> of what the function uses').toEqual([]);
  });

  it.each([
    ['export function f(ws: Workstation): void {}', 1],
    ['export const f = (w: Workstation | null) => w;', 1],
    ["export function f(ws: Pick<Workstation, 'db' | 'now'>): void {}", 0],
    ["type Deps = Pick<Workstation, 'db'>;\nexport function f(ws: Deps, n: number): void {}", 0],
    ['let ws: Workstation;', 0],
  ])('the check sees %s', (code, hits) => {
    expect(wholeWorkstationParams('electron/services/x.ts', code)).toHaveLength(hits);
  });
});
