/** Renderer entry: mounts the app into #root. The back end is reached only through window.tandem. */
import { createRoot } from 'react-dom/client';
import { App } from './App.js';
import './styles/base.css';
import './styles/layout.css';
import './styles/components.css';
import './styles/planning.css';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element to mount the app into.');
createRoot(root).render(<App />);
