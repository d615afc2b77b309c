import { useTranslation } from 'react-i18next';
import type { Verification, VerificationInfo } from '../../core/rules';

/** The flag of one value: the entry's own flag, or its per-field flag (`radius`, `mandatory`, `walk_m`…). */
export function flagOf(v: VerificationInfo, field: string): Verification | null {
  if (typeof v === 'string') return v;
  return v[field] ?? null;
}

/**
 * Marks a value whose source was not checked against the standard's text: 待核实 / unverified,
 * with the reason (secondary source, recalled, app convention) in the tooltip. Verified values
 * get a small tick.
 */
export function VerificationBadge({ flag, what }: { flag: Verification | null; what?: string }) {
  const { t } = useTranslation();
  if (!flag) return null;
  const title = `${what ? what + ': ' : ''}${t(`pl_flag_${flag.replace(/-/g, '_')}`)}`;
  if (flag === 'verified') {
    return <span className="pl-flag verified" title={title} data-flag={flag}>✓</span>;
  }
  return (
    <span className="pl-flag unverified" title={title} data-flag={flag}>
      {t('pl_unverified')}
    </span>
  );
}
