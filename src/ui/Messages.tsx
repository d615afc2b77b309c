import { useTranslation } from 'react-i18next';
import { useStore } from '../store/useStore';

/** Errors and notices, dismissable; plain text only. */
export function Messages() {
  const { t } = useTranslation();
  const messages = useStore((s) => s.messages);
  const dismiss = useStore((s) => s.dismissMessage);
  if (!messages.length) return null;
  return (
    <div className="messages" role="status" data-testid="messages">
      {messages.map((m) => (
        <div key={m.id} className={`message ${m.level}`}>
          <span className="message-text">{m.text}</span>
          {m.action && (
            <button type="button" className="message-action" data-testid={`message-action-${m.id}`} onClick={m.action.run}>
              {m.action.label}
            </button>
          )}
          <button type="button" className="close" onClick={() => dismiss(m.id)} aria-label={t('close')}>×</button>
        </div>
      ))}
    </div>
  );
}
