// Runs sandboxed (bundled to CommonJS): only `electron`'s renderer modules are available, and
// only the object below reaches the page. ipcRenderer itself is never exposed, so the page
// cannot pick its own channels.
import { contextBridge, ipcRenderer } from 'electron';
import type { DesktopAnswer, DesktopBridge, InvokeAnswer, InvokeOptions } from './bridge';
import { channels } from './channels';

/** Failures of the OS helpers become rejections whose message is ready to show to the user. */
function unwrap<T>(answer: DesktopAnswer<T>): T {
  if (answer.ok) return answer.value;
  throw new Error(answer.error.message);
}

const api = {
  invoke: (method: string, input: unknown, options?: InvokeOptions) =>
    ipcRenderer.invoke(channels.invoke, method, input, options?.jobId ?? null, options?.locale ?? null) as Promise<InvokeAnswer>,
  printPdf: async (bytes: Uint8Array, title: string) => {
    unwrap((await ipcRenderer.invoke(channels.printPdf, bytes, title)) as DesktopAnswer<null>);
  },
  printDocument: async (bytes: Uint8Array, title: string) =>
    unwrap((await ipcRenderer.invoke(channels.printDocument, bytes, title)) as DesktopAnswer<{ printed: boolean }>),
  savePdf: async (bytes: Uint8Array, suggestedName: string) =>
    unwrap((await ipcRenderer.invoke(channels.savePdf, bytes, suggestedName)) as DesktopAnswer<string | null>),
} satisfies DesktopBridge;

contextBridge.exposeInMainWorld('desktop', api);
