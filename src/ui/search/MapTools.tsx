import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from '../../store/useStore';
import { dataBounds } from '../../map/dataBounds';
import { selectionBounds } from '../../map/frameSelection';
import { activeMap } from '../../map/mapHandle';
import { flyToFeature } from '../../map/flyToFeature';
import { categoryName } from '../featureText';
import { addInitials, searchEntries, searchNames, type SearchEntry } from './nameSearch';

/** pinyin-pro is large: loaded on the first search, never at start-up. */
async function loadInitials(): Promise<(name: string) => string> {
  const { pinyin } = await import('pinyin-pro');
  return (name) => pinyin(name, { pattern: 'first', toneType: 'none', type: 'array' }).join('');
}

function fit(box: [number, number, number, number] | null | undefined): void {
  const map = activeMap();
  if (!map || !box) return;
  map.fitBounds([[box[0], box[1]], [box[2], box[3]]], { padding: 60, maxZoom: 17, duration: 500 });
}

/**
 * Find and frame, over the map's top-left corner: search communities and facilities by name (or
 * pinyin initials), zoom to the whole study area, zoom to the selection.
 */
export function MapTools() {
  const { t, i18n } = useTranslation();
  const communities = useStore((s) => s.layers.communities);
  const facilities = useStore((s) => s.layers.facilities);
  const rules = useStore((s) => s.rules);
  const hasSelection = useStore((s) => s.selectedCommunity != null);
  const [query, setQuery] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const [initialsReady, setInitialsReady] = useState(0);
  const entries = useMemo(() => searchEntries({ communities, facilities }), [communities, facilities]);
  const loading = useRef<Promise<(name: string) => string> | null>(null);

  useEffect(() => {
    if (!query || !entries.length) return;
    loading.current ??= loadInitials();
    let live = true;
    void loading.current.then((initials) => {
      if (!live) return;
      addInitials(entries, initials);
      setInitialsReady((n) => n + 1);
    });
    return () => {
      live = false;
    };
  }, [query, entries]);

  // initialsReady re-runs the search once the initials are in
  const hits = useMemo(() => searchNames(entries, query), [entries, query, initialsReady]);

  const choose = (e: SearchEntry) => {
    const s = useStore.getState();
    setOpen(false);
    if (e.kind === 'communities') {
      s.selectCommunity(e.index);
      s.setFoundFacility(null);
    } else {
      const f = s.layers.facilities?.fc.features[e.index] ?? null;
      s.setFoundFacility(f);
      flyToFeature(f);
    }
  };

  return (
    <div className="map-tools" data-testid="map-tools">
      <div className="map-search">
        <input
          type="search"
          data-testid="map-search"
          value={query}
          placeholder={t('search_placeholder')}
          aria-label={t('search_placeholder')}
          onChange={(e) => {
            setQuery(e.target.value);
            setActive(0);
            setOpen(true);
          }}
          onFocus={() => setOpen(true)}
          onBlur={() => setTimeout(() => setOpen(false), 150)}
          onKeyDown={(e) => {
            if (e.key === 'ArrowDown') setActive((a) => Math.min(a + 1, hits.length - 1));
            else if (e.key === 'ArrowUp') setActive((a) => Math.max(a - 1, 0));
            else if (e.key === 'Enter' && hits[active]) choose(hits[active]);
            else if (e.key === 'Escape') {
              setOpen(false);
              e.stopPropagation();
            }
          }}
        />
        {open && query.trim() !== '' && (
          <ul className="map-search-results" role="listbox" data-testid="map-search-results">
            {hits.length === 0 && <li className="muted">{t('search_none')}</li>}
            {hits.map((h, i) => {
              const category = h.kind === 'facilities' ? facilities?.fc.features[h.index]?.properties.category : null;
              return (
                <li
                  key={`${h.kind}:${h.index}`}
                  role="option"
                  aria-selected={i === active}
                  className={i === active ? 'active' : ''}
                  data-testid={`search-hit-${h.kind}-${h.index}`}
                  onMouseDown={(e) => {
                    e.preventDefault();
                    choose(h);
                  }}
                >
                  <span className={`search-kind ${h.kind}`}>{t(h.kind === 'communities' ? 'search_kind_community' : 'search_kind_facility')}</span>
                  <span className="search-name">{h.name}</span>
                  {category != null && <span className="muted small">{categoryName(rules, String(category), i18n.language)}</span>}
                </li>
              );
            })}
          </ul>
        )}
      </div>
      <button type="button" data-testid="zoom-full" title={t('zoom_full_title')} onClick={() => fit(dataBounds(useStore.getState().layers))}>
        {t('zoom_full')}
      </button>
      <button
        type="button"
        data-testid="zoom-selection"
        disabled={!hasSelection}
        title={t('zoom_selection_title')}
        onClick={() => fit(selectionBounds(useStore.getState())?.box)}
      >
        {t('zoom_selection')}
      </button>
    </div>
  );
}
