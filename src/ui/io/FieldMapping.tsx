import { useTranslation } from 'react-i18next';
import { FIELD_ALIASES, type LayerKind } from '../../core/model';
import type { ColumnSummary } from '../../core/io';

/**
 * Canonical field ← source column selects for communities and facilities, pre-filled by
 * suggestFieldMapping; each shows a few example values (as text) of the chosen column.
 */
export function FieldMapping({ kind, columns, mapping, onChange, personsPerHousehold }: {
  kind: LayerKind;
  columns: readonly ColumnSummary[];
  mapping: Record<string, string | null>;
  onChange: (m: Record<string, string | null>) => void;
  personsPerHousehold: number;
}) {
  const { t } = useTranslation();
  const fields = Object.keys(FIELD_ALIASES[kind]);
  const byKey = new Map(columns.map((c) => [c.key, c]));
  const estimated = kind === 'communities' && !mapping.population && !!mapping.households;
  return (
    <section className="io-section" data-testid="io-field-mapping">
      <h3>{t('io_field_mapping')}</h3>
      <p className="hint small">{t('io_field_mapping_hint')}</p>
      <table className="io-mapping">
        <tbody>
          {fields.map((f) => {
            const col = mapping[f] ? byKey.get(mapping[f] as string) : undefined;
            return (
              <tr key={f}>
                <th>
                  {t(`io_field_${f}`)}
                  {kind === 'facilities' && f === 'category' && <span className="io-required"> *</span>}
                </th>
                <td>
                  <select
                    data-testid={`io-map-${f}`}
                    value={mapping[f] ?? ''}
                    onChange={(e) => onChange({ ...mapping, [f]: e.target.value || null })}
                  >
                    <option value="">{t('io_field_none')}</option>
                    {columns.map((c) => (
                      <option key={c.key} value={c.key}>
                        {c.key}
                      </option>
                    ))}
                  </select>
                </td>
                <td className="io-samples">
                  {f === 'population' && estimated ? (
                    <span className="io-estimated" data-testid="io-population-estimated">
                      {t('io_population_estimated', { pph: personsPerHousehold })}
                    </span>
                  ) : (
                    col && col.samples.join(' · ')
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {kind === 'communities' && mapping.population && mapping.households && (
        <p className="hint small">{t('io_population_fill', { pph: personsPerHousehold })}</p>
      )}
    </section>
  );
}
