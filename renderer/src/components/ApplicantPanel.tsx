// 申请人 details: 自然人 or 法人 (as the item serves), plus 代理人 when a 情形 answer says an
// agent applies. Validated live with the shared validators; full-width characters and stray
// spaces are normalised into the field as the clerk types, never rejected. Names follow
// shared/validate/name.ts (the decision's schema uses the same checks): real lengths shown as a
// message rather than cut, emoji refused, a pasted line break dropped (not turned into a space).
// For an item handled at a sub-centre the only decision is 引导, which takes no ID card: the
// panel then asks for a 称呼 and a phone, both optional (they fill the draft's person fields).
// Speed on an old PC (bench:ui): a field sends an update applied to the applicant as it then is
// (`onUpdate`), so its callbacks never go stale and each field is memoised on what it shows —
// a key re-renders the field being typed in, not the panel, nor the rest of the screen.
import { memo, useCallback, useState } from 'react';
import { Form, Input, Segmented, Select } from 'antd';
import type { ServeTarget } from '../../../shared/domain/catalogue';
import { ID_DOCUMENT_LABEL, ID_DOCUMENT_TYPES, validateIdDocument, type IdDocumentType } from '../../../shared/validate/idDocument';
import { validateCreditCode } from '../../../shared/validate/creditCode';
import { validateContactPhone } from '../../../shared/validate/phone';
import { normalizeIdentifier, normalizeInput } from '../../../shared/validate/normalize';
import { normalizeName, ORG_NAME_MAX, PERSON_NAME_MAX, stripLineBreaks, validateOptionalName, validateOrgName, validatePersonName } from '../../../shared/validate/name';
import type { ApplicantDraft, PersonFields } from '../intake/draft';
import { VISITOR_LABEL } from '../../../shared/domain/applicant';

type Check = (v: string) => { ok: true } | { ok: false; message: string };

// Room past the limit, so an over-long name shows the message instead of being cut short.
const PERSON_INPUT_MAX = PERSON_NAME_MAX * 3;
const ORG_INPUT_MAX = ORG_NAME_MAX * 2;
const personName = (what: string): Check => (v) => validatePersonName(v, what);
const phoneChars = (v: string) => normalizeInput(v).replace(/\s/g, '');

interface FieldProps {
  label: string;
  testId: string;
  value: string;
  onChange: (v: string) => void;
  check: Check;
  /** Applied on every keystroke outside an IME composition. */
  normalize?: (v: string) => string;
  /** Applied when the field is left (default: full-width forms and spaces). */
  settle?: (v: string) => string;
  /** Length at which the message shows before the field is left. */
  fullLength?: number;
  maxLength: number;
}

// The function props of a field are fixed by its label and place (the ID field is remounted
// per document type): compare what it shows.
const sameField = (a: FieldProps, b: FieldProps) =>
  a.label === b.label && a.testId === b.testId && a.value === b.value && a.fullLength === b.fullLength && a.maxLength === b.maxLength && a.settle === b.settle;

const Field = memo(function Field({ label, testId, value, onChange, check, normalize, settle = normalizeInput, fullLength, maxLength }: FieldProps) {
  const [touched, setTouched] = useState(false);
  const result = check(value);
  // A name's problem (emoji, too long) is said at once, not only once the field is left.
  const show = !result.ok && (touched || (fullLength !== undefined && value.length >= fullLength) || (settle === normalizeName && value.trim() !== ''));
  return (
    <Form.Item label={label} validateStatus={show ? 'error' : undefined} help={show ? <span data-testid={`${testId}-error`}>{result.ok ? '' : result.message}</span> : undefined}>
      <Input
        aria-label={label}
        data-testid={testId}
        value={value}
        maxLength={maxLength}
        aria-invalid={show}
        onChange={(e) => {
          const composing = (e.nativeEvent as InputEvent).isComposing;
          onChange(normalize && !composing ? normalize(e.target.value) : e.target.value);
        }}
        onPaste={(e) => {
          // A line break pasted into one line becomes nothing (the browser would make it a space).
          const pasted = e.clipboardData.getData('text');
          if (!/[\r\n\u2028\u2029]/.test(pasted)) return;
          e.preventDefault();
          const el = e.currentTarget;
          const start = el.selectionStart ?? el.value.length;
          const end = el.selectionEnd ?? start;
          const next = el.value.slice(0, start) + stripLineBreaks(pasted) + el.value.slice(end);
          onChange(normalize ? normalize(next) : next);
        }}
        onBlur={() => {
          setTouched(true);
          const settled = normalize ? normalize(value) : settle(value);
          if (settled !== value) onChange(settled);
        }}
      />
    </Form.Item>
  );
}, sameField);

const DOCUMENT_OPTIONS = ID_DOCUMENT_TYPES.map((t) => ({ value: t, label: ID_DOCUMENT_LABEL[t] }));

type Update<T> = (f: (v: T) => T) => void;

/** The document type picker, memoised apart: typing a name does not re-render the select. */
const DocumentType = memo(function DocumentType({ who, prefix, idType, update }: { who: string; prefix: string; idType: IdDocumentType; update: Update<PersonFields> }) {
  return (
    <Form.Item label={`${who}证件类型`} style={{ marginBottom: 4 }}>
      <Select<IdDocumentType>
        size="small"
        aria-label={`${who}证件类型`}
        data-testid={`${prefix}-id-type`}
        value={idType}
        options={DOCUMENT_OPTIONS}
        onChange={(t) => update((p) => ({ ...p, idType: t }))}
        popupMatchSelectWidth={false}
      />
    </Form.Item>
  );
});

const PersonForm = memo(function PersonForm({ prefix, who, value, update }: { prefix: string; who: string; value: PersonFields; update: Update<PersonFields> }) {
  const idType: IdDocumentType = value.idType ?? 'residentId';
  const resident = idType === 'residentId';
  return (
    <>
      <Field
        label={`${who}姓名`}
        testId={`${prefix}-name`}
        value={value.name}
        maxLength={PERSON_INPUT_MAX}
        settle={normalizeName}
        check={personName(`${who}姓名`)}
        onChange={(name) => update((p) => ({ ...p, name }))}
      />
      <Field
        key={idType}
        label={resident ? `${who}身份证号` : `${who}${ID_DOCUMENT_LABEL[idType]}号码`}
        testId={`${prefix}-id`}
        value={value.idNumber}
        maxLength={24}
        fullLength={resident ? 18 : undefined}
        normalize={normalizeIdentifier}
        check={(v) => validateIdDocument(idType, v)}
        onChange={(idNumber) => update((p) => ({ ...p, idNumber }))}
      />
      <Field
        label={`${who}手机号`}
        testId={`${prefix}-phone`}
        value={value.phone}
        maxLength={24}
        fullLength={11}
        normalize={phoneChars}
        check={(v) => validateContactPhone(v)}
        onChange={(phone) => update((p) => ({ ...p, phone }))}
      />
      {/* Applicants without a mainland ID card: 港澳/台湾 permits, 外国人永久居留身份证, passports.
          Last, so the usual 身份证 flow (name → ID → phone) takes no extra key. */}
      <DocumentType who={who} prefix={prefix} idType={idType} update={update} />
    </>
  );
});

const optionalName: Check = (v) => validateOptionalName(v);
const optionalPhone: Check = (v) => (normalizeInput(v) === '' ? { ok: true } : validateContactPhone(v));

/** 引导 only: who is being sent to the sub-centre, as far as the clerk cares to write it down. */
function VisitorForm({ value, update }: { value: PersonFields; update: Update<PersonFields> }) {
  return (
    <>
      <div className="muted-hint" data-testid="visitor-hint">
        引导至分中心无需查验身份证件，称呼和联系电话均可不填（不填记为“{VISITOR_LABEL}”）。
      </div>
      <Field label="称呼（可不填）" testId="applicant-name" value={value.name} maxLength={PERSON_INPUT_MAX} settle={normalizeName} check={optionalName} onChange={(name) => update((p) => ({ ...p, name }))} />
      <Field
        label="联系电话（可不填）"
        testId="applicant-phone"
        value={value.phone}
        maxLength={24}
        fullLength={11}
        normalize={phoneChars}
        check={optionalPhone}
        onChange={(phone) => update((p) => ({ ...p, phone }))}
      />
    </>
  );
}

interface PanelProps {
  serveTargets: readonly ServeTarget[];
  agent: boolean;
  /** The item is handled at a sub-centre: only 引导, so only a visitor's name and phone. */
  redirect?: boolean;
  value: ApplicantDraft;
  /** Applies a change to the applicant as it is at that moment (stable for the panel's life). */
  onUpdate: Update<ApplicantDraft>;
}

export const ApplicantPanel = memo(function ApplicantPanel({ serveTargets, agent, redirect = false, value, onUpdate }: PanelProps) {
  const person = useCallback<Update<PersonFields>>((f) => onUpdate((a) => ({ ...a, person: f(a.person) })), [onUpdate]);
  const agentUpdate = useCallback<Update<PersonFields>>((f) => onUpdate((a) => ({ ...a, agent: f(a.agent) })), [onUpdate]);
  const org = useCallback((patch: Partial<ApplicantDraft['org']>) => onUpdate((a) => ({ ...a, org: { ...a.org, ...patch } })), [onUpdate]);
  if (redirect) {
    return (
      <section className="panel applicant" aria-label="来访人" data-testid="applicant-panel" data-mode="visitor">
        <h3 className="panel-title">来访人</h3>
        <Form layout="vertical" size="small" component="div" requiredMark={false}>
          <VisitorForm value={value.person} update={person} />
        </Form>
      </section>
    );
  }
  return (
    <section className="panel applicant" aria-label="申请人" data-testid="applicant-panel">
      <h3 className="panel-title">申请人</h3>
      <Form layout="vertical" size="small" component="div" requiredMark={false}>
        {serveTargets.length > 1 && (
          <Segmented<ServeTarget> aria-label="申请人类型" options={[...serveTargets]} value={value.kind} onChange={(kind) => onUpdate((a) => ({ ...a, kind }))} style={{ marginBottom: 8 }} />
        )}
        {value.kind === '自然人' ? (
          <PersonForm prefix="applicant" who="申请人" value={value.person} update={person} />
        ) : (
          <>
            <Field label="单位名称" testId="org-name" value={value.org.name} maxLength={ORG_INPUT_MAX} settle={normalizeName} check={(v) => validateOrgName(v)} onChange={(name) => org({ name })} />
            <Field
              label="统一社会信用代码"
              testId="org-credit-code"
              value={value.org.creditCode}
              maxLength={24}
              fullLength={18}
              normalize={normalizeIdentifier}
              check={(v) => validateCreditCode(v)}
              onChange={(creditCode) => org({ creditCode })}
            />
            <Field label="法定代表人" testId="org-legal-rep" value={value.org.legalRep} maxLength={PERSON_INPUT_MAX} settle={normalizeName} check={personName('法定代表人姓名')} onChange={(legalRep) => org({ legalRep })} />
            <Field
              label="联系电话"
              testId="org-phone"
              value={value.org.phone}
              maxLength={24}
              fullLength={11}
              normalize={phoneChars}
              check={(v) => validateContactPhone(v)}
              onChange={(phone) => org({ phone })}
            />
          </>
        )}
        {agent && (
          <div className="agent" data-testid="agent-section">
            <h4 className="panel-subtitle">代理人</h4>
            <PersonForm prefix="agent" who="代理人" value={value.agent} update={agentUpdate} />
          </div>
        )}
      </Form>
    </section>
  );
});
