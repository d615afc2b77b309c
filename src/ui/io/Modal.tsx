import { useEffect, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/** A centred dialog over the page; Escape calls onClose. Content is plain React (no HTML strings). */
export function Modal({ title, onClose, children, footer, testId, wide }: {
  title: ReactNode;
  onClose?: () => void;
  children: ReactNode;
  footer?: ReactNode;
  testId?: string;
  wide?: boolean;
}) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    ref.current?.focus();
    if (!onClose) return;
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && onClose();
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onClose]);
  return (
    <div className="io-backdrop">
      <div className={`io-modal${wide ? ' wide' : ''}`} role="dialog" aria-modal="true" data-testid={testId} tabIndex={-1} ref={ref}>
        <header className="io-modal-head">
          <h2>{title}</h2>
          {onClose && (
            <button type="button" className="close" onClick={onClose} aria-label={t('close')}>
              ×
            </button>
          )}
        </header>
        <div className="io-modal-body">{children}</div>
        {footer && <footer className="io-modal-foot">{footer}</footer>}
      </div>
    </div>
  );
}
