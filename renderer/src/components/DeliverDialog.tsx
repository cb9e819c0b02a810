// 出件: the result handed over once, to a checked person: the applicant (their document checked
// against the case by the handler), for a company its legal representative's own document (never
// the credit code), an agent (document + 授权委托书), or by post (tracking number). Each document
// is checked by its type's rule (居民身份证, 港澳/台湾通行证, 永久居留证, 护照).
// After it is recorded the clerk prints 出件回执 and invites the rating.
import { useState } from 'react';
import { Alert, Button, Checkbox, Form, Input, Modal, Radio, Select } from 'antd';
import { DELIVERY_LABEL, type CaseSummary, type DeliveryMethod } from '../../../shared/domain/case';
import { ID_DOCUMENT_LABEL, ID_DOCUMENT_TYPES, validateIdDocument, type IdDocumentType } from '../../../shared/validate/idDocument';
import { normalizeIdentifier } from '../../../shared/validate/normalize';
import { invoke } from '../api';
import { ErrorAlert } from './ErrorAlert';
import { AskRatingScreen } from './AskRatingScreen';
import { focusOnOpen } from './dialogFocus';

interface Props {
  summary: CaseSummary;
  /** A unit's legal representative (null for a person): they collect with their own ID card. */
  legalRepresentative: string | null;
  onClose: () => void;
  onDelivered: (s: CaseSummary) => void;
  onPrintReceipt: () => void;
  onRate: () => void;
  /** A rating arrived from the 评价器. */
  onRated: () => void;
}

export function DeliverDialog({ summary, legalRepresentative, onClose, onDelivered, onPrintReceipt, onRate, onRated }: Props) {
  const [method, setMethod] = useState<DeliveryMethod>('applicant');
  const [idNumber, setIdNumber] = useState('');
  const [idType, setIdType] = useState<IdDocumentType>('residentId');
  const [agentName, setAgentName] = useState('');
  const [authorised, setAuthorised] = useState(false);
  const [identityChecked, setIdentityChecked] = useState(false);
  const organisation = legalRepresentative !== null;
  const [tracking, setTracking] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState<CaseSummary | null>(null);

  const idCheck = validateIdDocument(idType, idNumber);
  const who = method === 'applicant' ? (organisation ? `法定代表人（${legalRepresentative}）` : '领取人（申请人）') : '代理人';
  const idLabel = `${who}${idType === 'residentId' ? '身份证号' : `${ID_DOCUMENT_LABEL[idType]}号码`}`;
  const idError = idNumber.length >= (idType === 'residentId' ? 18 : 5) && !idCheck.ok ? idCheck.message : null;
  const ready =
    method === 'post'
      ? tracking.trim().length > 0
      : idCheck.ok && (method === 'applicant' ? !organisation || identityChecked : agentName.trim().length > 0 && authorised);

  const submit = async () => {
    setBusy(true);
    setError(null);
    try {
      const s = await invoke('case.deliver', {
        caseId: summary.id,
        method,
        ...(method === 'post' ? { trackingNumber: tracking.trim() } : { idNumber, idType }),
        ...(method === 'agent' ? { agentName: agentName.trim(), authorisationChecked: authorised } : {}),
        ...(method === 'applicant' && organisation ? { identityChecked } : {}),
      });
      setDone(s);
      onDelivered(s);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open
      width={620}
      title={`出件 · ${summary.caseNumber}`}
      onCancel={onClose}
      maskClosable={false}
      afterOpenChange={focusOnOpen('deliver-dialog', '[data-testid=deliver-id]')}
      data-testid="deliver-dialog"
      footer={
        done ? (
          <>
            <Button onClick={onClose}>关闭</Button>
            <Button onClick={onRate} data-testid="deliver-rate" disabled={summary.rated}>
              请申请人评价
            </Button>
            <Button type="primary" size="large" onClick={onPrintReceipt} data-testid="deliver-print-receipt">
              打印出件回执
            </Button>
          </>
        ) : (
          <>
            <Button onClick={onClose}>取消</Button>
            {/* No spinner: the refusal must be read next to a calm button, not a moving one. */}
            <Button type="primary" size="large" disabled={!ready || busy} onClick={submit} data-testid="deliver-confirm">
              {busy ? '正在核验…' : '确认出件'}
            </Button>
          </>
        )
      }
    >
      {done ? (
        <>
          <Alert type="success" showIcon data-testid="deliver-done" title={`已出件：${method === 'applicant' && organisation ? '法定代表人领取' : DELIVERY_LABEL[method]}`} description={`${summary.itemName} · ${summary.applicantName}`} />
          <div className="deliver-rating">
            <AskRatingScreen caseId={summary.id} rated={summary.rated} onRated={onRated} />
          </div>
        </>
      ) : (
        <Form layout="vertical" component="div" requiredMark={false}>
          <div className="deliver-what">
            {summary.itemName} · 申请人 {summary.applicantName}
          </div>
          <Form.Item label="领取方式">
            <Radio.Group
              optionType="button"
              buttonStyle="solid"
              size="large"
              value={method}
              onChange={(e) => {
                setMethod(e.target.value as DeliveryMethod);
                setError(null);
              }}
              options={[
                { value: 'applicant', label: organisation ? '法定代表人领取' : '本人领取' },
                { value: 'agent', label: '代理人领取' },
                { value: 'post', label: '邮寄送达' },
              ]}
              data-testid="deliver-method"
            />
          </Form.Item>
          {method !== 'post' && (
            <Form.Item label="证件类型">
              <Select
                aria-label="证件类型"
                value={idType}
                onChange={(v: IdDocumentType) => {
                  setIdType(v);
                  setError(null);
                }}
                options={ID_DOCUMENT_TYPES.map((t) => ({ value: t, label: ID_DOCUMENT_LABEL[t] }))}
                data-testid="deliver-id-type"
                style={{ width: 260 }}
              />
            </Form.Item>
          )}
          {method !== 'post' && (
            <Form.Item label={idLabel} validateStatus={idError ? 'error' : undefined} help={idError ?? undefined}>
              <Input size="large" autoFocus aria-label={idLabel} maxLength={24} value={idNumber} onChange={(e) => setIdNumber(normalizeIdentifier(e.target.value))} data-testid="deliver-id" />
            </Form.Item>
          )}
          {method === 'applicant' && organisation && (
            <Checkbox checked={identityChecked} onChange={(e) => setIdentityChecked(e.target.checked)} data-testid="deliver-identity-checked">
              已核对证件上的姓名为法定代表人 {legalRepresentative}
            </Checkbox>
          )}
          {method === 'agent' && (
            <>
              <Form.Item label="代理人姓名">
                <Input aria-label="代理人姓名" maxLength={300} value={agentName} onChange={(e) => setAgentName(e.target.value)} data-testid="deliver-agent-name" />
              </Form.Item>
              <Checkbox checked={authorised} onChange={(e) => setAuthorised(e.target.checked)} data-testid="deliver-authorised">
                已核验申请人的授权委托书
              </Checkbox>
            </>
          )}
          {method === 'post' && (
            <Form.Item label="邮件单号">
              <Input size="large" aria-label="邮件单号" maxLength={40} value={tracking} onChange={(e) => setTracking(e.target.value.toUpperCase())} data-testid="deliver-tracking" />
            </Form.Item>
          )}
          <ErrorAlert error={error} testId="deliver-error" title="不能出件" />
        </Form>
      )}
    </Modal>
  );
}
