import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import './i18n';
import './ui/styles.css';
import { App } from './ui/App';
import { useStore } from './store/useStore';
import { debugState, watchFirstResult } from './map/testHooks';

debugState().store = useStore;
watchFirstResult(useStore);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
