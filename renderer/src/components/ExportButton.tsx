// 导出 Excel for a window table: the workstation builds the workbook (export.xlsx, from the same
// results the screen shows) and the browser saves it (the shell's save dialog in the app).
import { useState } from 'react';
import { Button } from 'antd';
import type { WindowExport, WindowPeriod } from '../../../shared/stats/window';
import { invoke } from '../api';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export function ExportButton({ table, period, onError, testId }: { table: WindowExport; period?: WindowPeriod; onError: (e: unknown) => void; testId: string }) {
  const [busy, setBusy] = useState(false);
  const save = async () => {
    setBusy(true);
    try {
      const r = await invoke('export.xlsx', { table, ...(period ? { period } : {}) });
      const bytes = Uint8Array.from(atob(r.dataBase64), (c) => c.charCodeAt(0));
      const url = URL.createObjectURL(new Blob([bytes], { type: XLSX }));
      const a = document.createElement('a');
      a.href = url;
      a.download = r.fileName;
      document.body.append(a);
      a.click();
      a.remove();
      window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
    } catch (e) {
      onError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Button loading={busy} onClick={() => void save()} data-testid={testId}>
      导出 Excel
    </Button>
  );
}
