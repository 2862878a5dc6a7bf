import { app, dialog, Menu, type MenuItemConstructorOptions } from 'electron';

export interface MenuContext {
  version: string;
  dataDir: string;
}

/**
 * A small menu in Indonesian. The Sunting menu is there for its roles: on macOS copy and paste
 * in form fields only work when the menu carries them.
 */
export function menuTemplate(context: MenuContext, platform: NodeJS.Platform = process.platform): MenuItemConstructorOptions[] {
  // The menu does not wait for the dialog; a dialog that cannot open is only logged.
  const about = () => {
    void dialog
      .showMessageBox({
        type: 'info',
        title: 'Tentang Jakpreneur Desk',
        message: `Jakpreneur Desk ${context.version}`,
        detail: `Aplikasi kantor kecamatan untuk program Jakpreneur.\nFolder data: ${context.dataDir}`,
        buttons: ['Tutup'],
      })
      .catch((e: unknown) => console.error(e));
  };

  const template: MenuItemConstructorOptions[] = [
    { label: 'Berkas', submenu: [{ role: 'quit', label: 'Keluar' }] },
    {
      label: 'Sunting',
      submenu: [
        { role: 'undo', label: 'Urungkan' },
        { role: 'redo', label: 'Ulangi' },
        { type: 'separator' },
        { role: 'cut', label: 'Potong' },
        { role: 'copy', label: 'Salin' },
        { role: 'paste', label: 'Tempel' },
        { role: 'selectAll', label: 'Pilih semua' },
      ],
    },
    {
      label: 'Tampilan',
      submenu: [
        { role: 'reload', label: 'Muat ulang' },
        { type: 'separator' },
        { role: 'zoomIn', label: 'Perbesar' },
        { role: 'zoomOut', label: 'Perkecil' },
        { role: 'resetZoom', label: 'Ukuran asli' },
        { type: 'separator' },
        { role: 'togglefullscreen', label: 'Layar penuh' },
        // Developer tools only outside an installed build.
        ...(app.isPackaged ? [] : [{ role: 'toggleDevTools', label: 'Alat pengembang' } as const]),
      ],
    },
    { label: 'Bantuan', submenu: [{ label: 'Tentang Jakpreneur Desk', click: about }] },
  ];
  if (platform === 'darwin') template.unshift({ role: 'appMenu' });
  return template;
}

/** Typed as Menu.buildFromTemplate gives it: Electron's namespace class, of which the module's Menu is a subclass. */
export const buildMenu = (context: MenuContext): Electron.Menu => Menu.buildFromTemplate(menuTemplate(context));
