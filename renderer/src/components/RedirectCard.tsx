// Items handled at a specialist sub-centre are not taken in here: the clerk guides the
// applicant there, so the sub-centre's name, address, phone and hours come first. An item this
// office's level does not handle (本级不办理) is guided the same way to the office(s) of the
// level that does (case.terms levelRedirect).
import type { SubCenter } from '../../../shared/domain/catalogue';
import type { IntakeTerms } from '../../../shared/domain/intakeTerms';

type Place = SubCenter | NonNullable<IntakeTerms['levelRedirect']>;

export function RedirectCard({ subCenter, code }: { subCenter: Place | null; code: string | null }) {
  const places = subCenter && 'places' in subCenter ? subCenter.places : [];
  return (
    <section className="redirect-card" data-testid="redirect-card" role="region" aria-label="引导至办理地点">
      <div className="redirect-lead">
        {subCenter && 'reason' in subCenter ? `${subCenter.reason}，请引导申请人前往：` : '本事项不在本中心办理，请引导申请人前往：'}
      </div>
      {subCenter && places.length > 1 ? (
        <>
          <div className="redirect-name" data-testid="redirect-name">{subCenter.name}</div>
          <dl data-testid="redirect-places">
            {places.map((p) => (
              <div key={p.name} style={{ display: 'contents' }}>
                <dt>{p.name}</dt>
                <dd>
                  {p.address}
                  {p.phone ? `（${p.phone}）` : ''}
                </dd>
              </div>
            ))}
          </dl>
        </>
      ) : subCenter ? (
        <dl>
          <dt>{'reason' in subCenter ? '办理地点' : '分中心'}</dt>
          <dd className="redirect-name" data-testid="redirect-name">{subCenter.name}</dd>
          <dt>地址</dt>
          <dd data-testid="redirect-address">{subCenter.address}</dd>
          <dt>电话</dt>
          <dd>{subCenter.phone || '—'}</dd>
          {subCenter.hours && (
            <>
              <dt>办公时间</dt>
              <dd>{subCenter.hours}</dd>
            </>
          )}
        </dl>
      ) : (
        <div className="redirect-name">分中心（编码 {code}）信息不在本机目录中，请联系值班长。</div>
      )}
    </section>
  );
}
