import { beforeEach, describe, expect, it, vi } from 'vitest';
import { app, FakeSession, FakeWebContents, shell } from './fake-electron.js';
import { hardenContents, hardenEverything, hardenSession } from '../../../src-main/shell/security.js';
import type { Session, WebContents } from 'electron';

vi.mock('electron', async () => (await import('./fake-electron.js')).electronModule);

const navigation = (url: string) => ({ url, preventDefault: vi.fn() });

function hardened(): FakeWebContents {
  const contents = new FakeWebContents();
  hardenContents(contents as unknown as WebContents);
  return contents;
}

describe('session permissions', () => {
  it('denies every permission request', () => {
    const session = new FakeSession();
    hardenSession(session as unknown as Session);
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal', 'fullscreen']) {
      const callback = vi.fn();
      session.permissionRequestHandler!({}, permission, callback, {});
      expect(callback).toHaveBeenCalledWith(false);
    }
  });

  it('answers every permission check with no, devices included', () => {
    const session = new FakeSession();
    hardenSession(session as unknown as Session);
    for (const permission of ['media', 'geolocation', 'clipboard-sanitized-write', 'hid', 'serial']) {
      expect(session.permissionCheckHandler!(null, permission, 'app://jakpreneur', {})).toBe(false);
    }
    expect(session.devicePermissionHandler!({ deviceType: 'usb' })).toBe(false);
  });
});

describe('web contents', () => {
  beforeEach(() => {
    shell.openExternal.mockClear();
  });

  it('prevents navigation to another origin', () => {
    const contents = hardened();
    for (const url of ['https://contoh.go.id/', 'http://127.0.0.1:4455/', 'file:///etc/passwd', 'app://lain/index.html', 'app://jakpreneur.evil/']) {
      const event = navigation(url);
      contents.emit('will-navigate', event, url);
      expect(event.preventDefault, url).toHaveBeenCalled();
    }
    expect(shell.openExternal).not.toHaveBeenCalled();
  });

  it('lets the app move between its own pages', () => {
    const contents = hardened();
    const event = navigation('app://jakpreneur/izin/baru');
    contents.emit('will-navigate', event, event.url);
    expect(event.preventDefault).not.toHaveBeenCalled();
  });

  it('prevents redirects away from the app', () => {
    const contents = hardened();
    const event = navigation('https://contoh.go.id/');
    contents.emit('will-redirect', event, event.url);
    expect(event.preventDefault).toHaveBeenCalled();
  });

  it('denies window.open, sending only https links to the system browser', () => {
    const contents = hardened();
    expect(contents.windowOpenHandler!({ url: 'https://jakpreneur.jakarta.go.id/' })).toEqual({ action: 'deny' });
    expect(shell.openExternal).toHaveBeenCalledWith('https://jakpreneur.jakarta.go.id/');
    shell.openExternal.mockClear();
    for (const url of ['http://contoh.go.id/', 'file:///C:/Windows/system32/calc.exe', 'javascript:alert(1)', 'app://jakpreneur/index.html', 'bukan url']) {
      expect(contents.windowOpenHandler!({ url })).toEqual({ action: 'deny' });
    }
    expect(shell.openExternal).not.toHaveBeenCalled();
  });

  it('blocks <webview>', () => {
    const contents = hardened();
    const event = { preventDefault: vi.fn() };
    contents.emit('will-attach-webview', event, {}, {});
    expect(event.preventDefault).toHaveBeenCalled();
  });

  it('applies to every web contents and session the app creates', () => {
    hardenEverything();
    const contents = new FakeWebContents();
    app.emit('web-contents-created', {}, contents);
    const event = navigation('https://contoh.go.id/');
    contents.emit('will-navigate', event, event.url);
    expect(event.preventDefault).toHaveBeenCalled();
    expect(contents.windowOpenHandler).not.toBeNull();

    const session = new FakeSession();
    app.emit('session-created', session);
    const callback = vi.fn();
    session.permissionRequestHandler!({}, 'media', callback, {});
    expect(callback).toHaveBeenCalledWith(false);
  });
});
