// A stand-in for the `electron` module: just enough surface for the shell's modules, with
// every call recorded. Tests install it with
//   vi.mock('electron', async () => (await import('./fake-electron')).electronModule);
// and never load the real package (its binary cannot be fetched on a build machine).
import { EventEmitter } from 'node:events';
import { vi } from 'vitest';

export class FakeFrame {
  constructor(
    public url: string,
    public parent: FakeFrame | null = null,
    public processId = 1,
    public routingId = 1,
    public detached = false,
  ) {}
}

let nextContentsId = 1;

export class FakeWebContents extends EventEmitter {
  readonly id = nextContentsId++;
  mainFrame: FakeFrame;
  windowOpenHandler: ((details: { url: string }) => { action: string }) | null = null;
  private destroyed = false;

  constructor(url = 'app://jakpreneur/index.html') {
    super();
    this.mainFrame = new FakeFrame(url, null, 1, this.id);
  }
  /** How the next system print dialogs end, in order; printed when the list is empty. */
  static printAnswers: [success: boolean, failureReason: string][] = [];
  /** webContents.print: answers like the system dialog would. */
  print = vi.fn((_options: unknown, callback: (success: boolean, failureReason: string) => void) =>
    callback(...(FakeWebContents.printAnswers.shift() ?? [true, ''])),
  );
  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }) {
    this.windowOpenHandler = handler;
  }
  isDestroyed() {
    return this.destroyed;
  }
  destroy() {
    this.destroyed = true;
    this.emit('destroyed');
  }
  /** The event an IPC handler receives for a call from `frame` (the main frame by default). */
  ipcEvent(frame: FakeFrame | null = this.mainFrame) {
    return { sender: this, senderFrame: frame };
  }
  /** A subframe of this page, e.g. an iframe previewing a PDF. */
  subframe(url = 'app://jakpreneur/index.html') {
    return new FakeFrame(url, this.mainFrame, 1, this.id + 1000);
  }
}

export class FakeBrowserWindow extends EventEmitter {
  static instances: FakeBrowserWindow[] = [];
  static fromWebContents = vi.fn((contents: FakeWebContents) => FakeBrowserWindow.instances.find((w) => w.webContents === contents) ?? null);
  static getAllWindows = vi.fn(() => FakeBrowserWindow.instances.filter((w) => !w.closed));

  readonly webContents = new FakeWebContents();
  loadURL = vi.fn((_url: string): Promise<void> => Promise.resolve());
  show = vi.fn();
  focus = vi.fn();
  restore = vi.fn();
  isMinimized = vi.fn(() => false);
  closed = false;
  destroyed = false;
  destroy = vi.fn(() => {
    this.destroyed = true;
    this.closed = true;
  });
  isDestroyed = vi.fn(() => this.destroyed);

  constructor(readonly options: Record<string, unknown>) {
    super();
    FakeBrowserWindow.instances.push(this);
  }
  close() {
    this.closed = true;
    this.emit('closed');
  }
}

export class FakeSession {
  permissionRequestHandler: ((contents: unknown, permission: string, callback: (granted: boolean) => void, details: unknown) => void) | null = null;
  permissionCheckHandler: ((contents: unknown, permission: string, origin: string, details: unknown) => boolean) | null = null;
  devicePermissionHandler: ((details: unknown) => boolean) | null = null;
  setPermissionRequestHandler(handler: FakeSession['permissionRequestHandler']) {
    this.permissionRequestHandler = handler;
  }
  setPermissionCheckHandler(handler: FakeSession['permissionCheckHandler']) {
    this.permissionCheckHandler = handler;
  }
  setDevicePermissionHandler(handler: FakeSession['devicePermissionHandler']) {
    this.devicePermissionHandler = handler;
  }
}

type Handler = (event: unknown, ...args: unknown[]) => unknown;

export const ipcMain = {
  handlers: new Map<string, Handler>(),
  handle: vi.fn((channel: string, handler: Handler) => {
    if (ipcMain.handlers.has(channel)) throw new Error(`second handler for ${channel}`);
    ipcMain.handlers.set(channel, handler);
  }),
  removeHandler: vi.fn((channel: string) => {
    ipcMain.handlers.delete(channel);
  }),
  /** Calls a registered handler the way Electron would. */
  call(channel: string, event: unknown, ...args: unknown[]): Promise<unknown> {
    const handler = ipcMain.handlers.get(channel);
    if (!handler) throw new Error(`no handler for ${channel}`);
    return Promise.resolve(handler(event, ...args));
  },
};

export const ipcRenderer = {
  invoke: vi.fn((_channel: string, ..._args: unknown[]): Promise<unknown> => Promise.resolve(undefined)),
  send: vi.fn(),
  on: vi.fn(),
};

export const contextBridge = {
  exposed: new Map<string, unknown>(),
  exposeInMainWorld: vi.fn((key: string, api: unknown) => {
    contextBridge.exposed.set(key, api);
  }),
};

class FakeApp extends EventEmitter {
  paths = new Map<string, string>([
    ['userData', '/nonexistent/userData'],
    ['documents', '/home/staf/Dokumen'],
  ]);
  isPackaged = false;
  singleInstance = true;
  readyPromise: Promise<void> = Promise.resolve();
  getPath = vi.fn((name: string) => {
    const path = this.paths.get(name);
    if (!path) throw new Error(`no path ${name}`);
    return path;
  });
  setPath = vi.fn((name: string, path: string) => {
    this.paths.set(name, path);
  });
  getVersion = vi.fn(() => '0.0.0-test');
  requestSingleInstanceLock = vi.fn(() => this.singleInstance);
  whenReady = vi.fn(() => this.readyPromise);
  quit = vi.fn();
  exit = vi.fn();
}

export const app = new FakeApp();
export const session = { defaultSession: new FakeSession() };
export const protocol = {
  registerSchemesAsPrivileged: vi.fn(),
  handlers: new Map<string, (request: Request) => Response | Promise<Response>>(),
  handle: vi.fn((scheme: string, handler: (request: Request) => Response | Promise<Response>) => {
    protocol.handlers.set(scheme, handler);
  }),
};
export const shell = {
  openExternal: vi.fn((_url: string): Promise<void> => Promise.resolve()),
  openPath: vi.fn((_path: string) => Promise.resolve('')),
};
export const dialog = {
  showSaveDialog: vi.fn((..._args: unknown[]) => Promise.resolve({ canceled: true, filePath: '' })),
  showMessageBox: vi.fn(() => Promise.resolve({ response: 0, checkboxChecked: false })),
  showErrorBox: vi.fn(),
};
export const Menu = {
  buildFromTemplate: vi.fn((template: unknown[]) => ({ template })),
  setApplicationMenu: vi.fn(),
};

export const electronModule = {
  app,
  BrowserWindow: FakeBrowserWindow,
  contextBridge,
  dialog,
  ipcMain,
  ipcRenderer,
  Menu,
  protocol,
  session,
  shell,
};
