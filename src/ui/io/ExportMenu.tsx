import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FeatureCollection } from 'geojson';
import { exportGeoJson, type AttributeSource } from '../../core/io/export';
import { assignChoiceAttributes, communityResultAttributes } from '../../core/io/export';
import { minCounts } from '../../core/rules';
import { exportBundle, exportMapImage, exportTables } from './briefingExport';
import { MapImageDialog } from './MapImageDialog';
import { osmAttribution } from '../../store/layersSlice';
import { useBriefing } from '../briefing/briefingState';
import { selectStudyAreaResult } from '../../store/selectResult';
import { gapCommunities } from '../../core/io/export';
import { serviceAreaFeatures } from '../../core/io/export';
import { withAttribution } from '../../core/io/export';
import { useStore } from '../../store/useStore';
import { categoryName } from '../featureText';
import { downloadText, fileSafe } from '../../util/download';
import { downloadComplianceCsv } from '../workbench/complianceExport';

const GEOJSON = 'application/geo+json';

/**
 * Exports for briefings and GIS: communities with every analysis attribute (the CLI's flat
 * dist_<k>/ok_<k>), facilities, the active category's service area, the active level's gaps
 * (GeoJSON, flat properties), and the compliance table as shown (CSV with BOM, complianceExport). Optionally in GCJ-02 for Amap overlays;
 * OpenStreetMap credit is written into GeoJSON files when any layer came from OSM.
 */
export function ExportMenu() {
  const { t, i18n } = useTranslation();
  // Where the menu opens, in window pixels: a fixed position, so the left panel's scrolling box
  // cannot cut it off.
  const [open, setOpen] = useState<{ left: number; top: number } | null>(null);
  const [gcj, setGcj] = useState(false);
  const [imageDialog, setImageDialog] = useState(false);
  const layers = useStore((s) => s.layers);
  const coverage = useStore((s) => s.coverage);
  const serviceArea = useStore((s) => s.serviceArea);
  const rules = useStore((s) => s.rules);
  const activeLevel = useStore((s) => s.activeLevel);
  const communities = layers.communities?.fc;
  const analysed = !!coverage && !!communities && coverage.communityCount === communities.features.length ? coverage : null;
  // Every analysis attribute as the CLI writes it (one list: core/io/export/communityAttributes).
  const analysisAttributes = (result: NonNullable<typeof analysed>): AttributeSource | undefined => {
    const s = useStore.getState();
    const tables = selectStudyAreaResult(s);
    if (!tables || tables.coverage !== result) return undefined;
    // choice fields (n_, dist2_, access_, fca_, places_gap_) as the CLI's --choice writes them, when computed for these results
    const choice = s.choice && s.choiceFor === s.coverage ? s.choice : null;
    const minCount = minCounts(s.rules);
    return (_f: unknown, c: number) => {
      if (c >= result.communityCount) return undefined;
      const out = communityResultAttributes(tables, c);
      if (choice) assignChoiceAttributes(out, choice, c, minCount);
      return out;
    };
  };
  const attribution = osmAttribution(layers);
  const crs = gcj ? 'gcj02' : 'wgs84';
  const suffix = gcj ? '-gcj02' : '';

  const geojson = (fc: FeatureCollection, name: string, attrs?: AttributeSource) =>
    downloadText(withAttribution(exportGeoJson(fc, { crs, ...(attrs ? { attributes: attrs } : {}) }), attribution), `${name}${suffix}.geojson`, GEOJSON);

  const items: { id: string; label: string; disabled: string | null; run: () => void }[] = [
    {
      id: 'communities',
      label: analysed ? t('io_export_communities_analysis') : t('io_export_communities'),
      disabled: communities ? null : t('io_export_no_layer'),
      run: () => communities && geojson(communities, 'lifecircle-communities', analysed ? analysisAttributes(analysed) : undefined),
    },
    {
      id: 'facilities',
      label: t('io_export_facilities'),
      disabled: layers.facilities ? null : t('io_export_no_layer'),
      run: () => layers.facilities && geojson(layers.facilities.fc, 'lifecircle-facilities'),
    },
    {
      id: 'service-area',
      label: serviceArea ? t('io_export_service_area', { category: categoryName(rules, serviceArea.categoryId, i18n.language), radius: serviceArea.threshold }) : t('io_export_service_area_none'),
      disabled: serviceArea ? null : t('io_export_needs_analysis'),
      run: () => serviceArea && geojson(serviceAreaFeatures(serviceArea), `lifecircle-service-area-${fileSafe(serviceArea.categoryId)}`),
    },
    {
      id: 'gaps',
      label: t('io_export_gaps', { level: t(`level_${activeLevel}`) }),
      disabled: analysed ? null : t('io_export_needs_analysis'),
      run: () => analysed && communities && geojson(gapCommunities(communities, analysed, rules, activeLevel), `lifecircle-gaps-${fileSafe(activeLevel)}`),
    },
    {
      id: 'map-image',
      label: t('bf_map_image'),
      disabled: communities ? null : t('io_export_no_layer'),
      run: () => void exportMapImage(1).catch((e: Error) => useStore.getState().pushMessage('error', e.message)),
    },
    {
      id: 'map-image-print',
      label: t('bf_map_image_print'),
      disabled: communities ? null : t('io_export_no_layer'),
      run: () => void exportMapImage(300 / 96).catch((e: Error) => useStore.getState().pushMessage('error', e.message)),
    },
    {
      id: 'map-image-custom',
      label: t('bf_map_image_custom'),
      disabled: communities ? null : t('io_export_no_layer'),
      run: () => setImageDialog(true),
    },
    {
      id: 'briefing',
      label: t('bf_open'),
      disabled: analysed ? null : t('io_export_needs_analysis'),
      run: () => useBriefing.setState({ open: true }),
    },
    {
      id: 'tables',
      label: t('bf_tables'),
      disabled: analysed ? null : t('io_export_needs_analysis'),
      run: () => void exportTables().catch((e: Error) => useStore.getState().pushMessage('error', e.message)),
    },
    {
      id: 'bundle',
      label: t('bf_bundle'),
      disabled: analysed ? null : t('io_export_needs_analysis'),
      run: () => void exportBundle().catch((e: Error) => useStore.getState().pushMessage('error', e.message)),
    },
    {
      id: 'compliance',
      label: t('io_export_compliance'),
      disabled: analysed ? null : t('io_export_needs_analysis'),
      // The table as shown (its filters and sort), in the UI language unless its "field names" option is on.
      run: () => analysed && downloadComplianceCsv(t, i18n.language),
    },
  ];

  return (
    <div className="io-export">
      <button
        type="button"
        onClick={(e) => {
          const r = e.currentTarget.getBoundingClientRect();
          setOpen(open ? null : { left: r.left, top: r.bottom + 2 });
        }}
        aria-expanded={!!open}
        data-testid="export-menu"
      >
        {t('io_export')} ▾
      </button>
      {open && (
        <div className="io-export-menu" role="menu" style={{ left: open.left, top: open.top }}>
          {items.map((it) => (
            <button
              key={it.id}
              type="button"
              role="menuitem"
              data-testid={`export-${it.id}`}
              disabled={!!it.disabled}
              title={it.disabled ?? undefined}
              onClick={() => {
                it.run();
                setOpen(null);
              }}
            >
              {it.label}
            </button>
          ))}
          <label className="io-export-crs">
            <input type="checkbox" checked={gcj} onChange={(e) => setGcj(e.target.checked)} data-testid="export-gcj02" />
            {t('io_export_gcj02')}
          </label>
          {attribution && <p className="small muted">{t('io_export_attribution')}</p>}
        </div>
      )}
      {imageDialog && <MapImageDialog onClose={() => setImageDialog(false)} />}
    </div>
  );
}
