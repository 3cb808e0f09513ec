/*
 * A stand-in for the `electron` module, for starting the bundled main process under plain
 * Node (loaded with --import, before the CommonJS bundle) (the Electron binary is not available in tests). It records what the main process asks
 * Electron to do, then exercises the registered protocol and IPC handlers and prints a JSON
 * report on stdout.
 */
import fs from 'node:fs';
import Module from 'node:module';
import os from 'node:os';
import path from 'node:path';

const report = {
  privilegedSchemes: [],
  protocols: [],
  ipcChannels: [],
  windows: [],
  loadedUrls: [],
  permissionHandlers: [],
  sandboxEnabled: false,
  singleInstance: false,
  menu: [],
  webContentsGuards: [],
};
const protocolHandlers = new Map();
const ipcHandlers = new Map();
const userData = fs.mkdtempSync(path.join(os.tmpdir(), 'tandem-userdata-'));

function fakeWebContents() {
  const events = [];
  return {
    events,
    on: (name) => events.push(name),
    setWindowOpenHandler: () => events.push('window-open-handler'),
    send: () => undefined,
  };
}

class BrowserWindow {
  constructor(options) {
    this.webContents = fakeWebContents();
    report.windows.push(options);
  }
  loadURL(url) {
    report.loadedUrls.push(url);
    return Promise.resolve();
  }
  once() {}
  on() {}
  show() {}
  maximize() {}
  isDestroyed() {
    return false;
  }
}

const fake = {
  app: {
    requestSingleInstanceLock: () => ((report.singleInstance = true), true),
    enableSandbox: () => (report.sandboxEnabled = true),
    on: () => undefined,
    whenReady: () => Promise.resolve(),
    getPath: () => userData,
    isPackaged: false,
    quit: () => undefined,
  },
  BrowserWindow,
  Menu: {
    buildFromTemplate: (template) => template,
    setApplicationMenu: (template) => (report.menu = template.map((m) => m.label || m.role)),
  },
  dialog: { showOpenDialog: async () => ({ canceled: true, filePaths: [] }) },
  ipcMain: {
    handle: (channel, listener) => {
      report.ipcChannels.push(channel);
      ipcHandlers.set(channel, listener);
    },
    removeHandler: (channel) => ipcHandlers.delete(channel),
  },
  protocol: {
    registerSchemesAsPrivileged: (schemes) => report.privilegedSchemes.push(...schemes),
    handle: (scheme, handler) => {
      report.protocols.push(scheme);
      protocolHandlers.set(scheme, handler);
    },
  },
  screen: { getAllDisplays: () => [] },
  session: {
    defaultSession: {
      setPermissionRequestHandler: (handler) => {
        let granted;
        handler(null, 'media', (answer) => (granted = answer));
        report.permissionHandlers.push({ kind: 'request', grantsMedia: granted });
      },
      setPermissionCheckHandler: (handler) =>
        report.permissionHandlers.push({ kind: 'check', grantsMedia: handler(null, 'media') }),
      setDevicePermissionHandler: (handler) =>
        report.permissionHandlers.push({ kind: 'device', grants: handler({}) }),
      webRequest: {
        onBeforeRequest: (handler) => {
          const decide = (url) => {
            let cancel;
            handler({ url }, (answer) => (cancel = answer.cancel));
            return cancel;
          };
          report.blocksHttps = decide('https://example.org/tracker.js');
          report.allowsApp = !decide('tandem://app/app.js');
        },
      },
    },
  },
  shell: { openExternal: async () => undefined, showItemInFolder: () => undefined },
};

const originalLoad = Module._load;
Module._load = function load(request, parent, isMain) {
  if (request === 'electron') return fake;
  return originalLoad.call(this, request, parent, isMain);
};

async function exercise() {
  const handler = protocolHandlers.get('tandem');
  const answer = async (url) => {
    const response = await handler(new Request(url));
    return {
      status: response.status,
      csp: response.headers.get('content-security-policy'),
      type: response.headers.get('content-type'),
    };
  };
  report.served = {
    index: await answer('tandem://app/index.html'),
    traversal: await answer('tandem://app/..%2f..%2fpackage.json'),
    otherHost: await answer('tandem://evil/index.html'),
  };
  const getLibrary = ipcHandlers.get('tandem:getLibrary');
  const trusted = { senderFrame: { url: 'tandem://app/index.html', parent: null } };
  const untrusted = { senderFrame: { url: 'https://evil.example/', parent: null } };
  const overview = await getLibrary(trusted);
  report.getLibrary = overview.ok
    ? { ok: true, courses: overview.value.courses.map((c) => c.id) }
    : overview;
  report.untrusted = await getLibrary(untrusted);
  report.windowGuards = report.windows.length > 0;
  process.stdout.write(`${JSON.stringify(report)}\n`);
  fs.rmSync(userData, { recursive: true, force: true });
  process.exit(0);
}

// The window is created last in start-up; exercise the handlers once it has been.
const started = Date.now();
const poll = setInterval(() => {
  if (report.loadedUrls.length === 0 && Date.now() - started < 20_000) return;
  clearInterval(poll);
  exercise().catch((error) => {
    process.stderr.write(`${error.stack}\n`);
    process.exit(1);
  });
}, 50);
