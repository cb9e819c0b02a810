// Items handled at a specialist sub-centre are not taken in here: the clerk guides the
// applicant there, so the sub-centre's name, address, phone and hours come first.
import type { SubCenter } from '../../../shared/domain/catalogue';

export function RedirectCard({ subCenter, code }: { subCenter: SubCenter | null; code: string | null }) {
  return (
    <section className="redirect-card" data-testid="redirect-card" role="region" aria-label="引导至分中心">
      <div className="redirect-lead">本事项不在本中心办理，请引导申请人前往：</div>
      {subCenter ? (
        <dl>
          <dt>分中心</dt>
          <dd className="redirect-name" data-testid="redirect-name">{subCenter.name}</dd>
          <dt>地址</dt>
          <dd data-testid="redirect-address">{subCenter.address}</dd>
          <dt>电话</dt>
          <dd>{subCenter.phone || '—'}</dd>
          <dt>办公时间</dt>
          <dd>{subCenter.hours}</dd>
        </dl>
      ) : (
        <div className="redirect-name">分中心（编码 {code}）信息不在本机目录中，请联系值班长。</div>
      )}
    </section>
  );
}
