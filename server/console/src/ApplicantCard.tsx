// The applicant (and agent) of a case in the reviewer's scope, in full: reviewers need the
// ID and phone to review. The server records every view of a case in the audit log.
import { Alert, Card, Descriptions } from 'antd';
import { ApplicantRecord, AgentRecord, applicantDisplayName } from '../../../shared/domain/applicant';
import type { CaseDetailResponse } from '../../../shared/sync/backoffice';

export function ApplicantCard({ state }: { state: CaseDetailResponse['state'] }) {
  const applicant = ApplicantRecord.safeParse(state?.applicant);
  const agent = AgentRecord.safeParse(state?.agent);
  return (
    <Card title="申请人">
      <Alert type="info" showIcon className="personal-note" title="含个人信息：本次查看已记入审计日志，仅限审批使用。" style={{ marginBottom: 12 }} />
      {applicant.success ? (
        <Descriptions column={2} size="small" bordered data-testid="applicant" items={
          applicant.data.kind === 'visitor'
            ? [
              { key: 'n', label: '称呼', children: applicantDisplayName(applicant.data) },
              { key: 'p', label: '联系电话', children: applicant.data.phone || '未登记' },
              { key: 'id', label: '证件', span: 2, children: <span data-testid="applicant-id">引导至分中心，未登记证件</span> },
            ]
            : applicant.data.kind === 'person'
            ? [
              { key: 'n', label: '姓名', children: applicant.data.name },
              { key: 'id', label: '身份证号', children: <span data-testid="applicant-id">{applicant.data.idNumber}</span> },
              { key: 'p', label: '联系电话', children: <span data-testid="applicant-phone">{applicant.data.phone}</span> },
            ]
            : [
              { key: 'n', label: '名称', children: applicant.data.name },
              { key: 'id', label: '统一社会信用代码', children: <span data-testid="applicant-id">{applicant.data.creditCode}</span> },
              { key: 'l', label: '法定代表人', children: applicant.data.legalRepresentative },
              { key: 'p', label: '联系电话', children: <span data-testid="applicant-phone">{applicant.data.phone}</span> },
            ]
        } />
      ) : <span className="muted">窗口未上传申请人信息</span>}
      {agent.success && (
        <Descriptions style={{ marginTop: 12 }} column={2} size="small" bordered title="代理人" items={[
          { key: 'n', label: '姓名', children: agent.data.name },
          { key: 'id', label: '身份证号', children: agent.data.idNumber },
          { key: 'p', label: '联系电话', children: agent.data.phone },
        ]} />
      )}
    </Card>
  );
}
