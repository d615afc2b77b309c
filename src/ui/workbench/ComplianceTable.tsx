import { memo, useEffect, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { ComplianceRows } from '../../core/analysis/compliance';
import type { CoverageResult } from '../../core/analysis/coverage';
import { effectiveRadius, type RuleSet } from '../../core/rules';
import { useStore } from '../../store/useStore';
import { selectComplianceRows } from '../../store/selectCompliance';
import { flyToFeature } from '../../map/flyToFeature';
import { missingBinIndex, missingBins, rgbaCss, type MissingBin } from '../../map/palette';
import { categoryName, fmt, metres } from '../featureText';
import { cellStatus } from '../../core/analysis/compliance';
import { complianceOrder } from '../../store/complianceOrder';
import { complianceColumns, type ComplianceColumn } from './complianceColumns';
import { ComplianceToolbar } from './ComplianceToolbar';
import './compliance.css';

const ROW_HEIGHT = 24;


/**
 * The 达标/缺项 table: one row per community with, per life-circle level, each mandatory category's
 * walking distance and ✓/✗ (grey 未提供数据 when the data hold no facility of the category), and
 * the number of mandatory categories missing (no-data ones only when the policy counts them). Sorted and filtered
 * with plain memoised code over the typed arrays; only the visible rows are rendered
 * (@tanstack/react-virtual), so 20,000 rows scroll smoothly. A row click selects the community
 * and flies the map there; a selection made on the map scrolls to its row.
 */
export function ComplianceTable() {
  const { t } = useTranslation();
  const rows = useStore(selectComplianceRows);
  const coverage = useStore((s) => s.coverage);
  const hasCommunities = useStore((s) => !!s.layers.communities);
  const status = useStore((s) => s.analysisStatus);
  if (!hasCommunities) return <p className="cp-empty">{t('wb_no_communities')}</p>;
  if (!rows || !coverage) return <p className="cp-empty">{status === 'running' ? t('wb_running') : t('wb_no_analysis')}</p>;
  return <ComplianceGrid rows={rows} coverage={coverage} />;
}

function ComplianceGrid({ rows, coverage }: { rows: ComplianceRows; coverage: CoverageResult }) {
  const { t, i18n } = useTranslation();
  const rules = useStore((s) => s.rules);
  const selected = useStore((s) => s.selectedCommunity);
  const select = useStore((s) => s.selectCommunity);
  const sort = useStore((s) => s.complianceSort);
  const setSort = useStore((s) => s.setComplianceSort);
  const filter = useStore((s) => s.complianceFilter);
  const scroller = useRef<HTMLDivElement>(null);

  const order = useMemo(() => complianceOrder(rows, coverage, sort, filter), [rows, coverage, sort, filter]);
  const { columns, groups } = useMemo(() => complianceColumns(rows, filter.level), [rows, filter.level]);
  const width = columns.reduce((a, c) => a + c.width, 0);
  const badgeBins = useMemo(() => ({ total: missingBins(rows.mandatoryCount), levels: rows.levels.map((l) => missingBins(l.countedCount)) }), [rows]);
  // One unit style per language (i18n key `metres`): "240 米" / "240 m"; "—" when nothing is reachable.
  const distanceText = useMemo(() => (d: number) => (Number.isFinite(d) ? metres(t, d) : '—'), [t]);

  const virtualizer = useVirtualizer({
    count: order.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 10,
  });

  // A selection made elsewhere (the map) brings its row into view; 'auto' leaves a visible row alone.
  useEffect(() => {
    if (selected == null) return;
    const pos = order.indexOf(selected);
    if (pos >= 0) virtualizer.scrollToIndex(pos, { align: 'auto' });
  }, [selected, order, virtualizer]);

  // A new selection is framed by the map with its route (map/frameSelection); the same row again
  // flies back to the community.
  const onRow = (c: number) => {
    if (useStore.getState().selectedCommunity === c) flyToFeature(useStore.getState().layers.communities?.fc.features[c]);
    else select(c);
  };
  const onHeader = (col: ComplianceColumn) => {
    if (sort?.key === col.key) setSort({ key: col.key, dir: sort.dir === 'asc' ? 'desc' : 'asc' });
    else setSort({ key: col.key, dir: col.firstDir });
  };

  return (
    <div className="cp-view" data-testid="compliance-table">
      <ComplianceToolbar rows={rows} shown={order.length} />
      <div className="cp-scroll" ref={scroller} role="grid" aria-rowcount={order.length + 1} aria-colcount={columns.length}>
        <div className="cp-head" style={{ width }}>
          <div className="cp-groups">
            <div className="cp-group cp-sticky" style={{ width: columns[0].width }} />
            {groups.map((g) => (
              <div key={g.level ?? 'fixed'} className="cp-group" style={{ width: g.level ? g.width : g.width - columns[0].width }}>
                {g.level ? <span className="cp-group-label">{t('wb_level_group', { level: t(`level_${g.level}`, { defaultValue: g.level }), n: g.mandatory })}</span> : ''}
              </div>
            ))}
          </div>
          <div className="cp-row cp-header-row" role="row">
            {columns.map((col) => {
              const sorted = sort?.key === col.key ? sort.dir : null;
              const label = headerLabel(t, rules, i18n.language, col);
              return (
                <div
                  key={col.key}
                  role="columnheader"
                  aria-sort={sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : 'none'}
                  data-testid={`compliance-header-${col.key}`}
                  className={`cp-cell cp-th cp-${col.kind}${sorted ? ' sorted' : ''}${col.kind === 'name' ? ' cp-sticky' : ''}`}
                  style={{ width: col.width }}
                  title={headerTitle(t, rules, i18n.language, col)}
                  onClick={() => onHeader(col)}
                >
                  <span className="cp-th-label">{label}</span>
                  {sorted && <span className="cp-arrow">{sorted === 'asc' ? '▲' : '▼'}</span>}
                </div>
              );
            })}
          </div>
        </div>
        <div className="cp-body" style={{ height: virtualizer.getTotalSize(), width }}>
          {virtualizer.getVirtualItems().map((v) => {
            const c = order[v.index];
            return (
              <ComplianceRow
                key={c}
                c={c}
                top={v.start}
                rowIndex={v.index}
                rows={rows}
                coverage={coverage}
                columns={columns}
                selected={c === selected}
                onSelect={onRow}
                badgeBins={badgeBins}
                yes={t('yes')}
                unreachableText={t('wb_unreachable')}
                noDataText={t('nd_no_data')}
                distanceText={distanceText}
                estimatedText={t('population_estimated')}
              />
            );
          })}
        </div>
        {order.length === 0 && <p className="cp-empty">{t('wb_no_rows')}</p>}
      </div>
    </div>
  );
}

interface RowProps {
  c: number;
  top: number;
  rowIndex: number;
  rows: ComplianceRows;
  coverage: CoverageResult;
  columns: ComplianceColumn[];
  selected: boolean;
  onSelect: (c: number) => void;
  badgeBins: { total: MissingBin[]; levels: MissingBin[][] };
  yes: string;
  unreachableText: string;
  noDataText: string;
  distanceText: (d: number) => string;
  estimatedText: string;
}

/** One community's row; memoised so scrolling re-renders only rows that enter the view. */
const ComplianceRow = memo(function ComplianceRow({ c, top, rowIndex, rows, coverage, columns, selected, onSelect, badgeBins, yes, unreachableText, noDataText, distanceText, estimatedText }: RowProps) {
  const C = rows.communityCount;
  return (
    <div
      role="row"
      aria-rowindex={rowIndex + 2}
      aria-selected={selected}
      tabIndex={0}
      data-testid={`compliance-row-${c}`}
      data-index={c}
      data-missing={rows.total[c]}
      className={`cp-row cp-data-row${selected ? ' selected' : ''}${rowIndex % 2 ? ' odd' : ''}`}
      style={{ transform: `translateY(${top}px)`, height: ROW_HEIGHT }}
      onClick={() => onSelect(c)}
      onKeyDown={(e) => {
        if (e.key === 'Enter' || e.key === ' ') {
          e.preventDefault();
          onSelect(c);
        }
      }}
    >
      {columns.map((col) => {
        const cls = `cp-cell cp-${col.kind}${col.kind === 'name' ? ' cp-sticky' : ''}`;
        const style = { width: col.width };
        switch (col.kind) {
          case 'name':
            return (
              <div key={col.key} className={cls} style={style} title={rows.names[c]}>
                {rows.names[c]}
                {rows.unreachable[c] ? <span className="cp-unreachable" title={unreachableText}> ⚠</span> : null}
              </div>
            );
          case 'missing':
          case 'level-missing': {
            const n = col.kind === 'missing' ? rows.total[c] : rows.perLevel[col.li! * C + c];
            const bins = col.kind === 'missing' ? badgeBins.total : badgeBins.levels[col.li!];
            const color = bins[missingBinIndex(bins, n)].color;
            return (
              <div key={col.key} className={cls} style={style}>
                <span className="cp-badge" style={{ background: rgbaCss(color), color: isDark(color) ? '#fff' : '#212529' }}>{n}</span>
              </div>
            );
          }
          case 'year':
            return <div key={col.key} className={cls} style={style}>{Number.isFinite(rows.builtYear[c]) ? rows.builtYear[c] : '—'}</div>;
          case 'old':
            return <div key={col.key} className={cls} style={style}>{rows.isOld[c] ? yes : ''}</div>;
          case 'number': {
            const v = col.key === 'households' ? rows.households[c] : rows.population[c];
            const est = col.key === 'population' && rows.populationEstimated[c];
            return <div key={col.key} className={cls} style={style} title={est ? estimatedText : undefined}>{fmt(v)}{est ? '*' : ''}</div>;
          }
          case 'category': {
            const status = cellStatus(coverage, col.k!, c);
            const ok = status === 'ok';
            if (status === 'no_data') {
              return (
                <div key={col.key} className={`${cls} nodata`} style={style} data-ok={0} data-status={status}>
                  {noDataText}
                </div>
              );
            }
            return (
              <div key={col.key} className={`${cls} ${ok ? 'ok' : 'bad'}`} style={style} data-ok={ok ? 1 : 0} data-status={status}>
                {ok ? '✓' : '✗'} {distanceText(coverage.distance[col.k! * C + c])}
              </div>
            );
          }
        }
        return null;
      })}
    </div>
  );
});

/** Whether white text reads better than dark on this colour (relative luminance). */
function isDark(c: readonly number[]): boolean {
  return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2] < 140;
}

function headerLabel(t: TFunction, rules: RuleSet, lang: string, col: ComplianceColumn): string {
  switch (col.kind) {
    case 'category':
      return categoryName(rules, col.category!, lang);
    case 'level-missing':
      return t('wb_col_level_missing');
    case 'missing':
      return t('wb_col_missing');
    case 'year':
      return t('built_year');
    case 'old':
      return t('wb_col_old');
    default:
      return t(col.key === 'name' ? 'wb_col_name' : col.key);
  }
}

function headerTitle(t: TFunction, rules: RuleSet, lang: string, col: ComplianceColumn): string {
  const sortHint = t('wb_sort_hint');
  if (col.kind === 'category') {
    const cat = rules.categories.find((x) => x.id === col.category);
    const radius = cat ? effectiveRadius(cat, rules) : '?';
    return `${categoryName(rules, col.category!, lang)} · ${t('wb_radius', { radius })} · ${sortHint}`;
  }
  if (col.kind === 'level-missing') return `${t('wb_col_level_missing_title', { level: t(`level_${col.level}`, { defaultValue: col.level }) })} · ${sortHint}`;
  if (col.kind === 'missing') return `${t('wb_col_missing_title')} · ${sortHint}`;
  return `${headerLabel(t, rules, lang, col)} · ${sortHint}`;
}
