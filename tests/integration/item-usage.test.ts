// A window's picks rank its search hits. They are counted after each case commits and
// written in the background (not in the case's fsync), and survive a restart.
import { describe, expect, it } from 'vitest';
import { testWorkstation, acceptCertificate, tempDbPath } from '../helpers/workstation';
import { decide } from '../../electron/services/intake';
import { DecideInput } from '../../shared/domain/case';
import { itemUsage } from '../../electron/store/catalogue';

describe('item usage', () => {
  it('counts each decision at once in memory, writes it on flush or close, and reads it back after a restart', () => {
    const dbPath = tempDbPath();
    const ws = testWorkstation({ dbPath });
    for (let i = 0; i < 3; i++) decide(ws, DecideInput.parse(acceptCertificate()));
    expect(ws.usage().get('T0000000001')).toBe(3);
    expect(itemUsage(ws.db, ws.windowKey()).get('T0000000001')).toBeUndefined(); // not in the case transaction
    ws.flushItemUse();
    expect(itemUsage(ws.db, ws.windowKey()).get('T0000000001')).toBe(3);
    decide(ws, DecideInput.parse(acceptCertificate()));
    ws.close(); // flushes

    const again = testWorkstation({ dbPath });
    expect(again.usage().get('T0000000001')).toBe(4);
    again.close();
  });
});
