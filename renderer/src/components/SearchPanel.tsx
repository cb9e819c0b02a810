// The one search box: Chinese substrings, pinyin initials, full pinyin, 实施编码. Searches as
// the clerk types, but never in the middle of an input-method composition (typing "gaoling"
// on a pinyin IME must not search for "gaol"); arrows move through the hits, Enter opens one.
// Enter pressed before the hits of what is typed arrived (within the debounce) searches at
// once and opens the first hit of that query: it is never ignored, nor applied to stale hits.
import { useEffect, useId, useRef, useState, type KeyboardEvent, type Ref } from 'react';
import { Empty, Input, Tag, Typography, type InputRef } from 'antd';
import type { ItemSummary } from '../../../shared/contract';
import type { Level } from '../../../shared/domain/catalogue';
import { invoke } from '../api';
import { MATCHED_BY_LABEL } from '../labels';
import { TierTag } from './TierTag';
import { holdKeys, releaseKeys } from '../intake/typeAhead';

const DEBOUNCE_MS = 120;

export function SearchPanel({ officeLevel, inputRef, onPick }: { officeLevel: Level; inputRef: Ref<InputRef>; onPick: (code: string) => void }) {
  const [query, setQuery] = useState('');
  const [hits, setHits] = useState<ItemSummary[]>([]);
  const [searched, setSearched] = useState('');
  const [active, setActive] = useState(0);
  const [error, setError] = useState<string | null>(null);
  const composing = useRef(false);
  const timer = useRef<number | undefined>(undefined);
  const seq = useRef(0);
  /** The query the shown hits belong to (what Enter may pick from). */
  const shownFor = useRef('');
  const enterPending = useRef(false);
  const listId = useId();

  const run = (q: string, delay = DEBOUNCE_MS) => {
    window.clearTimeout(timer.current);
    timer.current = window.setTimeout(() => {
      const mine = ++seq.current;
      const trimmed = q.trim();
      if (!trimmed) {
        setHits([]);
        setSearched('');
        shownFor.current = '';
        enterPending.current = false;
        return;
      }
      invoke('catalogue.search', { query: trimmed.slice(0, 60), limit: 30 }).then(
        (r) => {
          if (mine !== seq.current) return; // a later keystroke already asked again
          setHits(r.hits);
          setSearched(trimmed);
          setActive(0);
          setError(null);
          shownFor.current = trimmed;
          if (enterPending.current) {
            enterPending.current = false;
            // No hit: what was typed after Enter goes back into the box.
            if (r.hits[0]) pick(r.hits[0]);
            else releaseKeys(true);
          }
        },
        (e: Error) => {
          if (mine !== seq.current) return;
          if (enterPending.current) {
            enterPending.current = false;
            releaseKeys(true);
          }
          setError(e.message);
        },
      );
    }, delay);
  };
  useEffect(() => () => window.clearTimeout(timer.current), []);

  const pick = (hit: ItemSummary | undefined) => hit && onPick(hit.code);

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (composing.current || e.nativeEvent.isComposing) return; // arrows/Enter belong to the IME
    if (e.key === 'ArrowDown') {
      e.preventDefault();
      setActive((i) => Math.min(i + 1, hits.length - 1));
    } else if (e.key === 'ArrowUp') {
      e.preventDefault();
      setActive((i) => Math.max(i - 1, 0));
    } else if (e.key === 'Enter') {
      e.preventDefault();
      const q = e.currentTarget.value.trim();
      if (q && q !== shownFor.current) {
        // Typed faster than the debounce: search now, open the first hit when it arrives; what
        // is typed meanwhile is meant for that item, not for this box.
        enterPending.current = true;
        holdKeys();
        run(q, 0);
      } else pick(hits[active]);
    } else if (e.key === 'Escape') {
      setQuery('');
      run('');
    }
  };

  useEffect(() => {
    document.getElementById(`${listId}-${active}`)?.scrollIntoView({ block: 'nearest' });
  }, [active, listId]);

  return (
    <div className="search-panel">
      <Input
        ref={inputRef}
        size="large"
        allowClear
        placeholder="事项名称 / 拼音首字母 / 实施编码"
        aria-label="搜索事项"
        role="combobox"
        aria-expanded={hits.length > 0}
        aria-controls={listId}
        aria-activedescendant={hits.length ? `${listId}-${active}` : undefined}
        data-testid="search-input"
        value={query}
        onChange={(e) => {
          setQuery(e.target.value);
          enterPending.current = false;
          if (!composing.current && !(e.nativeEvent as InputEvent).isComposing) run(e.target.value);
        }}
        onCompositionStart={() => {
          composing.current = true;
          window.clearTimeout(timer.current);
        }}
        onCompositionEnd={(e) => {
          composing.current = false;
          run(e.currentTarget.value);
        }}
        onKeyDown={onKeyDown}
      />
      <Typography.Text type="secondary" className="key-hint">
        F2 回到搜索 · ↑↓ 选择 · Enter 打开
      </Typography.Text>
      {error && <Typography.Text type="danger" role="alert">{error}</Typography.Text>}
      <div id={listId} role="listbox" aria-label="搜索结果" className="search-hits" data-testid="search-hits">
        {hits.map((h, i) => (
          <div
            key={h.code}
            id={`${listId}-${i}`}
            role="option"
            aria-selected={i === active}
            className={i === active ? 'search-hit active' : 'search-hit'}
            data-code={h.code}
            onMouseDown={(e) => e.preventDefault()}
            onClick={() => pick(h)}
          >
            <div className="search-hit-name">{h.name}</div>
            <div className="search-hit-meta">
              <TierTag tier={h.immediateTier} />
              {h.subCenterCode && <Tag color="orange">分中心办理</Tag>}
              {!h.levels.includes(officeLevel) && <Tag>本级不办理</Tag>}
              <span className="search-hit-dept">{h.departmentName}</span>
              <span className="search-hit-how">{MATCHED_BY_LABEL[h.matchedBy]}</span>
            </div>
          </div>
        ))}
        {searched && hits.length === 0 && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={`没有找到“${searched}”相关事项`} />}
      </div>
    </div>
  );
}
