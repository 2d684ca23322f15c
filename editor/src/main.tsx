/**
 * @module Entry point of the editor bundle.
 */
import './shims/globals.js';
import './i18n/i18n.js';
import '@xyflow/react/dist/style.css';
import './styles/base.css';
import './styles/components.css';
import './styles/canvas.css';
import './styles/canvas-parts.css';
import './styles/panels.css';
import './styles/forms.css';
import './styles/code-editor.css';
import './styles/runs.css';
import './styles/pages.css';
import './styles/rule-forms.css';
import './styles/drafts.css';
import './styles/changes.css';
import './styles/console.css';
import './styles/problems.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App.js';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
