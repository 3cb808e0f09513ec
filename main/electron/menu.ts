/**
 * The application menu. Commands that belong to the UI (open a library, new course, save,
 * publish…) are sent to the page as `{ type: 'menu', command }` events; the UI does the rest
 * through the same API as its buttons, so the menu can never do more than the page can.
 */
import type { MenuItemConstructorOptions } from 'electron';
import type { MenuCommand } from '../api/contract.js';

/** Builds the menu template; `send` delivers a command to the focused window's page. */
export function buildMenuTemplate(
  send: (command: MenuCommand) => void,
  platform: NodeJS.Platform = process.platform,
): MenuItemConstructorOptions[] {
  const isMac = platform === 'darwin';
  const template: MenuItemConstructorOptions[] = [];
  if (isMac) template.push({ role: 'appMenu' });
  template.push(
    {
      label: '&File',
      submenu: [
        { label: 'Open Library…', accelerator: 'CmdOrCtrl+O', click: () => send('open-library') },
        { label: 'New Course', accelerator: 'CmdOrCtrl+N', click: () => send('new-course') },
        { type: 'separator' },
        { label: 'Save', accelerator: 'CmdOrCtrl+S', click: () => send('save') },
        { type: 'separator' },
        isMac ? { role: 'close' } : { role: 'quit' },
      ],
    },
    { role: 'editMenu' },
    {
      label: '&View',
      submenu: [
        { label: 'Problems', accelerator: 'CmdOrCtrl+Shift+P', click: () => send('show-problems') },
        { type: 'separator' },
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { type: 'separator' },
        { role: 'togglefullscreen' },
        { role: 'toggleDevTools' },
      ],
    },
    {
      label: '&Publish',
      submenu: [
        { label: 'Publish Prospectus…', accelerator: 'CmdOrCtrl+B', click: () => send('publish') },
      ],
    },
    {
      role: 'help',
      submenu: [{ label: 'How Tandem Works', click: () => send('help') }],
    },
  );
  return template;
}
