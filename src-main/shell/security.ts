import { app, shell, type Session, type WebContents } from 'electron';
import { isAppUrl } from './protocol';

/**
 * The app needs no camera, location, notifications, USB or the like: every request and every
 * check is answered no, so a compromised page cannot even ask the user.
 */
export function hardenSession(session: Session): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
}

function isHttps(url: string): boolean {
  try {
    return new URL(url).protocol === 'https:';
  } catch {
    return false;
  }
}

/**
 * Keeps a web page inside the app: no navigation or redirect away from app://, no new windows
 * (an https link opens in the system browser instead, where it has no bridge to us), no
 * <webview> (which could carry its own preferences).
 */
export function hardenContents(contents: WebContents): void {
  contents.on('will-navigate', (event) => {
    if (!isAppUrl(event.url)) event.preventDefault();
  });
  contents.on('will-redirect', (event) => {
    if (!isAppUrl(event.url)) event.preventDefault();
  });
  contents.setWindowOpenHandler(({ url }) => {
    if (isHttps(url)) shell.openExternal(url).catch((e: unknown) => console.error(e));
    return { action: 'deny' };
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

/**
 * Applies the rules to every webContents and session as it is created, so a window added later
 * (or one Chromium makes itself) cannot be forgotten. Call before the app is ready.
 */
export function hardenEverything(): void {
  app.on('web-contents-created', (_event, contents) => hardenContents(contents));
  app.on('session-created', (session) => hardenSession(session));
}
