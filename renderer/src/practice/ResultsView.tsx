// Trainee results by person and scenario: attempts, best and latest score, the mistakes made
// most often. 导出CSV saves the workstation's CSV (UTF-8 with BOM, opens in Excel); 打印
// prints the same table on its own sheet.
import { useEffect, useState } from 'react';
import { createPortal } from 'react-dom';
import { Alert, Button, Select, Table, Tag } from 'antd';
import type { Out } from '../../../shared/contract';
import type { SessionView } from '../../../shared/practice/api';
import { invoke } from '../api';
import { downloadText } from './download';
import { describeMistakes } from '../../../shared/practice/results';

type Row = Out<'practice.results'>['rows'][number];

// The same words as the CSV's 常见失误 column.
const mistakes = (r: Row) => describeMistakes(r.commonMistakes);

export function ResultsView({ version }: { version: number }) {
  const [rows, setRows] = useState<Row[] | null>(null);
  const [sessions, setSessions] = useState<SessionView[]>([]);
  const [sessionId, setSessionId] = useState('');
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    invoke('practice.sessions', {}).then((r) => setSessions(r.sessions), () => undefined);
  }, [version]);
  useEffect(() => {
    setRows(null);
    invoke('practice.results', sessionId ? { sessionId } : {}).then(
      (r) => setRows(r.rows),
      (e: Error) => setError(e.message),
    );
  }, [sessionId, version]);

  const exportCsv = async () => {
    try {
      const r = await invoke('practice.resultsCsv', sessionId ? { sessionId } : {});
      downloadText(r.fileName, r.csv, 'text/csv;charset=utf-8');
    } catch (e) {
      setError((e as Error).message);
    }
  };
  const print = () => {
    // Only the print sheet is printed (see practice.css); print() returns when the dialog closes.
    document.body.classList.add('practice-printing');
    try {
      window.print();
    } finally {
      document.body.classList.remove('practice-printing');
    }
  };
  const session = sessions.find((s) => s.id === sessionId);

  return (
    <div className="practice-admin" data-testid="results-view">
      <div className="practice-admin-bar">
        <Select
          value={sessionId}
          onChange={setSessionId}
          aria-label="范围"
          style={{ width: 260 }}
          options={[{ value: '', label: '全部练习' }, ...sessions.map((s) => ({ value: s.id, label: `课程：${s.title}` }))]}
        />
        <span className="notice-footer-gap" />
        <Button onClick={exportCsv} disabled={!rows?.length} data-testid="results-csv">
          导出CSV
        </Button>
        <Button onClick={print} disabled={!rows?.length} data-testid="results-print">
          打印
        </Button>
      </div>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 8 }} />}
      <Table<Row>
        size="small"
        rowKey={(r) => `${r.trainee.staffNo}/${r.scenarioId}`}
        loading={!rows}
        pagination={false}
        dataSource={rows ?? []}
        locale={{ emptyText: '还没有完成的练习' }}
        data-testid="results-table"
        columns={[
          { title: '学员', width: 120, render: (_: unknown, r) => `${r.trainee.name}（${r.trainee.staffNo}）` },
          { title: '场景', dataIndex: 'scenarioTitle' },
          { title: '练习次数', dataIndex: 'attempts', width: 80, align: 'right' },
          { title: '最高分', dataIndex: 'bestScore', width: 70, align: 'right' },
          { title: '最近得分', dataIndex: 'latestScore', width: 80, align: 'right' },
          { title: '结果', width: 80, render: (_: unknown, r) => <Tag color={r.passed ? 'green' : 'red'}>{r.passed ? '通过' : '未通过'}</Tag> },
          { title: '常见失误', render: (_: unknown, r) => mistakes(r) || '—' },
        ]}
      />
      {rows &&
        createPortal(
          <div className="practice-print-sheet" data-testid="results-print-sheet">
            <h1>练习成绩{session ? ` · ${session.title}` : ''}</h1>
            <p>打印时间：{new Date().toLocaleString('zh-CN')} · 练习成绩，不具效力</p>
            <table>
              <thead>
                <tr>
                  <th>学员</th>
                  <th>工号</th>
                  <th>场景</th>
                  <th>练习次数</th>
                  <th>最高分</th>
                  <th>最近得分</th>
                  <th>结果</th>
                  <th>常见失误</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((r) => (
                  <tr key={`${r.trainee.staffNo}/${r.scenarioId}`}>
                    <td>{r.trainee.name}</td>
                    <td>{r.trainee.staffNo}</td>
                    <td>{r.scenarioTitle}</td>
                    <td>{r.attempts}</td>
                    <td>{r.bestScore}</td>
                    <td>{r.latestScore}</td>
                    <td>{r.passed ? '通过' : '未通过'}</td>
                    <td>{mistakes(r) || '—'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>,
          document.body,
        )}
    </div>
  );
}
