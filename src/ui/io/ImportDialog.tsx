import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { KIND_GEOMETRIES, LAYER_KINDS, suggestFieldMapping, type LayerKind } from '../../core/model';
import { GEOMETRY_FAMILY, splitGeometryForKind, type GeometryFamily, type GeometrySplit } from '../../core/io';
import { matchCategoryValue } from '../../core/io';
import type { ImportChoices } from '../../core/io';
import type { DetectedInfo } from '../../core/io';
import type { ReadChoice } from '../../worker/importProtocol';
import { useStore } from '../../store/useStore';
import { fmt } from '../featureText';
import { Modal } from './Modal';
import { CrsChangeButton } from './CrsChooser';
import { IssueList } from './IssueList';
import { FieldMapping } from './FieldMapping';
import { CategoryMapping, loadedCount, type CategoryState } from './CategoryMapping';
import { confirmLayer, dismissImport, rereadLayer } from '../../store/importSession';
import type { ImportPhase } from '../../store/importSlice';
import { ExistingLayerQuestion } from './ExistingLayerQuestion';
import type { LoadMode } from '../../store/importActions';

type CrsChoice = 'wgs84' | 'gcj02' | 'bd09';
const MAPPED_KINDS: readonly LayerKind[] = ['communities', 'facilities'];

/** True when the file's geometry needs no filtering or conversion for the kind (no second read). */
function fitsKind(kind: LayerKind, types: DetectedInfo['geometryTypes']): boolean {
  const present = Object.keys(types) as string[];
  if (kind === 'facilities' && present.some((t) => t === 'Polygon' || t === 'MultiPolygon')) return false;
  if (splitGeometryForKind(types, kind).rest.length > 0) return false;
  return present.every((t) => (KIND_GEOMETRIES[kind] as readonly string[]).includes(t));
}

/** Kinds that can take a family, for the "next, load as" choice of a mixed file's rest. */
function kindsFor(family: GeometryFamily): LayerKind[] {
  return LAYER_KINDS.filter((k) => KIND_GEOMETRIES[k].some((t) => GEOMETRY_FAMILY[t] === family));
}

export function formatBytes(n: number): string {
  return n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(n / 1024))} KB`;
}

/**
 * The dialog after a layer file is read: what it is (name, format, count), its layer kind and
 * coordinate system (the importer's guesses pre-selected, with reasons), every problem found, and
 * for communities and facilities the field and category mapping. A file mixing geometries loads
 * only what the chosen kind takes (splitGeometryForKind); the rest is offered as another layer
 * (the dialog opens again for it) or skipped with its count. Confirm asks first when that kind is
 * already loaded: replace it, add to it, or cancel. The file is read again in the worker when
 * kind or system change.
 */
export function ImportDialog({ phase }: { phase: Extract<ImportPhase, { type: 'layer' }> }) {
  const { t, i18n } = useTranslation();
  const rules = useStore((s) => s.rules);
  const { preview, first, busy } = phase;
  const zh = i18n.language.startsWith('zh');
  const layers = useStore((s) => s.layers);
  const [kind, setKind] = useState<LayerKind | null>(phase.initialKind ?? first.kindGuess.guess);
  const loadedFamilies = useMemo(() => phase.loadedFamilies ?? [], [phase.loadedFamilies]);
  const split: GeometrySplit | null = kind ? splitGeometryForKind(first.geometryTypes, kind) : null;
  const rest = (split?.rest ?? []).filter((r) => !loadedFamilies.includes(r.family));
  // What to do with each family of the rest: a layer kind to load it as next, or null to skip.
  const [restChoice, setRestChoice] = useState<Partial<Record<GeometryFamily, LayerKind | null>>>({});
  const restKind = (f: GeometryFamily): LayerKind | null => (f in restChoice ? restChoice[f] ?? null : rest.find((r) => r.family === f)?.kind ?? null);
  // Asked when the chosen kind is already loaded: replace, add to it, or cancel.
  const [asking, setAsking] = useState(false);
  const [crs, setCrs] = useState<CrsChoice>(first.crsSuggestion?.crs ?? 'wgs84');
  const keys = useMemo(() => first.columns.map((c) => c.key), [first.columns]);
  const [mapping, setMapping] = useState<Record<string, string | null>>(() => (kind ? suggestFieldMapping(keys, kind) : {}));
  useEffect(() => {
    if (kind) setMapping(suggestFieldMapping(keys, kind));
  }, [kind, keys]);

  const categoryColumn = mapping.category ? preview.columns.find((c) => c.key === mapping.category) : undefined;
  const [cat, setCat] = useState<CategoryState>({ mode: 'values', values: {}, all: null });
  useEffect(() => {
    const values: Record<string, string | null> = {};
    for (const d of categoryColumn?.distinct ?? []) values[d.value] = matchCategoryValue(d.value, rules.categories);
    setCat((c) => ({ mode: categoryColumn ? 'values' : 'all', values, all: c.all }));
  }, [categoryColumn, rules.categories]);

  const projected = first.crs.converted;
  const target: ReadChoice = {
    crs: projected ? first.read.crs : crs === 'wgs84' ? 'auto' : crs,
    ...(kind && !fitsKind(kind, first.geometryTypes) ? { kind } : {}),
  };
  useEffect(() => {
    if (busy === null && (target.crs !== preview.read.crs || target.kind !== preview.read.kind)) void rereadLayer(target);
    // Keyed on the read options, not the object `target` (new every render).
  }, [target.crs, target.kind, busy, preview.read]);

  const stale = target.crs !== preview.read.crs || target.kind !== preview.read.kind;
  const mapped = kind !== null && MAPPED_KINDS.includes(kind);
  const facilityCount = kind === 'facilities' ? loadedCount(cat, categoryColumn, preview.featureCount) : preview.featureCount;
  const canConfirm = preview.ok && kind !== null && busy === null && !stale && facilityCount > 0;

  const existing = kind ? layers[kind] : undefined;
  const confirm = () => {
    if (existing && existing.fc.features.length > 0) setAsking(true);
    else load('replace');
  };
  const load = (mode: LoadMode) => {
    setAsking(false);
    if (!kind) return;
    const choices: ImportChoices = {
      kind,
      ...(mapped ? { mapping } : {}),
    };
    if (kind === 'facilities') {
      choices.category = cat.mode === 'all' && cat.all ? { mode: 'all', category: cat.all } : { mode: 'values', values: cat.values };
    }
    const next = rest.find((r) => restKind(r.family));
    void confirmLayer(choices, {
      mode,
      took: split?.take ?? [],
      ...(next ? { then: restKind(next.family)! } : {}),
      leftOut: rest.filter((r) => !restKind(r.family)).map((r) => ({ count: r.count, family: r.family })),
    });
  };

  // Geometry an earlier pass already loaded from this file is not "left out".
  const warnings = preview.warnings.filter(
    (w) => !(w.code === 'other-geometry-left-out' && loadedFamilies.includes(w.params?.family as GeometryFamily)),
  );
  const geometry = Object.entries(preview.geometryTypes)
    .map(([g, n]) => `${g} ${fmt(n ?? 0)}`)
    .join(', ');
  const footer = asking && existing ? (
    <ExistingLayerQuestion existing={[existing]} added={facilityCount} onAnswer={(m) => (m ? load(m) : setAsking(false))} />
  ) : (
    <>
      {busy !== null && <progress className="io-inline-progress" max={1} value={busy} data-testid="io-dialog-busy" />}
      <button type="button" onClick={dismissImport} data-testid="io-cancel">{t('cancel')}</button>
      <button type="button" className="primary" onClick={confirm} disabled={!canConfirm} data-testid="io-confirm">
        {kind ? t('io_confirm_as', { kind: t(`layer_${kind}`) }) : t('io_confirm')}
      </button>
    </>
  );

  return (
    <Modal title={t('io_dialog_title')} onClose={dismissImport} footer={footer} testId="import-dialog" wide>
      <dl className="facts io-facts">
        <dt>{t('io_file')}</dt>
        <dd className="io-file-name" data-testid="io-file-name">{preview.name}</dd>
        <dt>{t('io_format')}</dt>
        <dd>
          {t(`io_format_${preview.format.replace(/-/g, '_')}`)}
          {preview.encoding ? ` · ${preview.encoding.toUpperCase()}` : ''} · {formatBytes(preview.bytes)}
          {preview.csvColumns && ` · ${t('io_csv_columns', { lon: preview.csvColumns.lon, lat: preview.csvColumns.lat })}`}
        </dd>
        <dt>{t('io_features')}</dt>
        <dd data-testid="io-feature-count">
          {fmt(preview.featureCount)} <span className="muted">({geometry})</span>
        </dd>
      </dl>

      <section className="io-section">
        <h3>{t('io_kind')}</h3>
        <div className="io-kinds" role="radiogroup">
          {LAYER_KINDS.map((k) => (
            <label key={k} className={k === kind ? 'active' : ''}>
              <input type="radio" name="io-kind" data-testid={`io-kind-${k}`} checked={k === kind} onChange={() => { setKind(k); setAsking(false); }} />
              {t(`layer_${k}`)}
              {k === first.kindGuess.guess && <span className="io-guess"> {t('io_guessed')}</span>}
            </label>
          ))}
        </div>
        {!kind && <p className="note small">{t('io_kind_pick')}</p>}
        {first.kindGuess.conflict && (
          <p className="io-warning small" data-testid="io-kind-conflict">{t('io_kind_conflict', { fields: first.kindGuess.conflict.fields.join(zh ? '、' : ', ') })}</p>
        )}
      </section>

      {kind && split && (rest.length > 0 || loadedFamilies.length > 0) && (
        <section className="io-section" data-testid="io-rest">
          <h3>{t('io_rest_title')}</h3>
          {loadedFamilies.length > 0 && (
            <p className="small muted" data-testid="io-rest-loaded">{t('io_rest_loaded', { families: loadedFamilies.map((f) => t(`io_family_${f}`)).join(zh ? '、' : ', ') })}</p>
          )}
          {rest.length > 0 && (
            <>
              <p className="small">{t('io_rest_intro', { kind: t(`layer_${kind}`), taken: split.take.map((f) => t(`io_family_${f}`)).join(zh ? '、' : ', ') })}</p>
              <ul className="io-rest-list">
                {rest.map((r) => (
                  <li key={r.family}>
                    <span data-testid={`io-rest-count-${r.family}`}>{t('io_rest_count', { count: fmt(r.count), family: t(`io_family_${r.family}`) })}</span>{' '}
                    <select value={restKind(r.family) ?? ''} onChange={(e) => setRestChoice((c) => ({ ...c, [r.family]: (e.target.value || null) as LayerKind | null }))} data-testid={`io-rest-${r.family}`}>
                      {kindsFor(r.family).filter((k) => k !== kind).map((k) => (
                        <option key={k} value={k}>{t('io_rest_next_as', { kind: t(`layer_${k}`) })}</option>
                      ))}
                      <option value="">{t('io_rest_skip')}</option>
                    </select>
                    {!restKind(r.family) && (
                      <span className="small io-rest-skip" data-testid={`io-rest-skip-${r.family}`}> {t('io_rest_will_skip', { count: fmt(r.count), family: t(`io_family_${r.family}`) })}</span>
                    )}
                  </li>
                ))}
              </ul>
              {rest.some((r) => restKind(r.family)) && <p className="note small">{t('io_rest_next_note')}</p>}
            </>
          )}
        </section>
      )}

      <section className="io-section">
        <h3>{t('io_crs')}</h3>
        {projected ? (
          <p className="hint small" data-testid="io-crs-projected">{t('io_crs_projected', { source: first.crs.source })} <CrsChangeButton first={first} /></p>
        ) : (
          <>
            <div className="io-radio" role="radiogroup">
              {(['wgs84', 'gcj02', 'bd09'] as const).map((c) => (
                <label key={c}>
                  <input type="radio" name="io-crs" data-testid={`io-crs-${c}`} checked={crs === c} onChange={() => setCrs(c)} />
                  {t(`io_crs_${c}`)}
                </label>
              ))}
            </div>
            {first.crsSuggestion && (
              <p className="note small" data-testid="io-crs-suggestion">
                {t('io_crs_suggested', { crs: t(`io_crs_${first.crsSuggestion.crs}`), reasons: zh ? first.crsSuggestion.reasons_zh : first.crsSuggestion.reasons_en })}
              </p>
            )}
          </>
        )}
        {first.crs.swapped && <p className="hint small">{t('io_crs_swapped')}</p>}
      </section>

      {(preview.errors.length > 0 || warnings.length > 0) && (
        <section className="io-section">
          <h3>{t('io_problems', { count: preview.errors.length + warnings.length })}</h3>
          <IssueList issues={preview.errors} testId="io-errors" />
          <IssueList issues={warnings} testId="io-warnings" />
        </section>
      )}

      {kind && mapped && preview.ok && (
        <FieldMapping kind={kind} columns={preview.columns} mapping={mapping} onChange={setMapping} personsPerHousehold={rules.persons_per_household} />
      )}
      {kind === 'facilities' && preview.ok && (
        <CategoryMapping rules={rules} column={categoryColumn} state={cat} onChange={setCat} total={preview.featureCount} />
      )}
    </Modal>
  );
}
