// The 证照 a 准予 issues: name, number and validity (printed on the window's 出件回执).
import { Checkbox, DatePicker, Form, Input } from 'antd';
import dayjs from 'dayjs';

export interface ResultValues { licenceName?: string; licenceNumber?: string; validFrom?: dayjs.Dayjs; validUntil?: dayjs.Dayjs; unlimited?: boolean }

export const resultBody = (r: ResultValues | undefined) => r && {
  licenceName: r.licenceName ?? '', licenceNumber: r.licenceNumber ?? '', validFrom: r.validFrom?.format('YYYY-MM-DD') ?? '',
  validUntil: r.unlimited ? null : (r.validUntil?.format('YYYY-MM-DD') ?? ''),
};

export function ResultFields({ prefix = 'result' }: { prefix?: string }) {
  const unlimited = Form.useWatch([prefix, 'unlimited']);
  return (
    <div className="result-fields" data-testid="result-fields">
      <Form.Item name={[prefix, 'licenceName']} label="证照名称" rules={[{ required: true, message: '请填写证照名称' }]}>
        <Input maxLength={100} placeholder="如：食品经营许可证" data-testid="result-name" />
      </Form.Item>
      <Form.Item name={[prefix, 'licenceNumber']} label="证照编号" rules={[{ required: true, message: '请填写证照编号' }]}>
        <Input maxLength={60} data-testid="result-number" />
      </Form.Item>
      <div className="result-validity">
        <Form.Item name={[prefix, 'validFrom']} label="有效期自" rules={[{ required: true, message: '请选择起始日期' }]}>
          <DatePicker data-testid="result-from" />
        </Form.Item>
        <Form.Item name={[prefix, 'validUntil']} label="至" rules={[{ required: !unlimited, message: '请选择截止日期或勾选长期有效' }]}>
          <DatePicker disabled={!!unlimited} data-testid="result-until" />
        </Form.Item>
        <Form.Item name={[prefix, 'unlimited']} valuePropName="checked" label=" " colon={false}>
          <Checkbox data-testid="result-unlimited">长期有效</Checkbox>
        </Form.Item>
      </div>
    </div>
  );
}
