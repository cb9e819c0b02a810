// What a 办事指南 says about the item, compact enough for a side column.
import { memo } from 'react';
import { Descriptions, Typography } from 'antd';
import type { ItemDetail } from '../../../shared/contract';
import { workingDays } from '../labels';

export const ItemFacts = memo(function ItemFacts({ detail }: { detail: ItemDetail }) {
  const { item, department } = detail;
  return (
    <section className="panel facts" aria-label="事项信息">
      <Descriptions
        size="small"
        column={1}
        styles={{ label: { width: 76 } }}
        items={[
          { key: 'code', label: '实施编码', children: <span data-testid="item-code">{item.code}</span> },
          { key: 'dept', label: '实施部门', children: department.name },
          { key: 'type', label: '事项类型', children: item.type },
          { key: 'targets', label: '服务对象', children: item.serveTargets.join('、') },
          { key: 'legal', label: '法定时限', children: workingDays(item.legalDays) },
          { key: 'promised', label: '承诺时限', children: workingDays(item.promisedDays) },
          { key: 'fee', label: '收费', children: item.fee || '不收费' },
          { key: 'location', label: '办理地点', children: item.location || '—' },
          {
            key: 'conditions',
            label: '受理条件',
            children: (
              <Typography.Paragraph ellipsis={{ rows: 4, expandable: 'collapsible', symbol: (open) => (open ? '收起' : '展开') }} style={{ margin: 0 }}>
                {item.conditions || '—'}
              </Typography.Paragraph>
            ),
          },
        ]}
      />
    </section>
  );
});
