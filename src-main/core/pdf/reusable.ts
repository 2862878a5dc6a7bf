// Drawing done once per document and placed again on every page: the static parts of a
// certificate (letterhead, title, the legal paragraphs, the signatory's block) are the same on
// each of a day's 500 pages, and laying out justified text is most of a page's cost. pdfkit has
// no public API for form XObjects, so the first drawing is recorded into one by pointing the
// document's current page at the form for its duration; later pages only name it ("Do").

interface Recorded {
  name: string;
  form: PDFKit.PDFKitReference;
  /** Where the drawing started and ended (doc.y), to place it elsewhere and continue below it. */
  top: number;
  bottom: number;
}

const recordings = new WeakMap<PDFKit.PDFDocument, Map<string, Recorded>>();
let forms = 0;

interface PageInternals {
  width: number;
  height: number;
  margins: { top: number; bottom: number; left: number; right: number };
  content: PDFKit.PDFKitReference;
  resources: PDFKit.PDFKitReference;
  xobjects: Record<string, PDFKit.PDFKitReference>;
}

type DocInternals = Omit<PDFKit.PDFDocument, 'page'> & { page: PageInternals; addContent(data: string): PDFKit.PDFDocument };

/**
 * Draws `draw` (which starts at `top` and leaves doc.y at its end) on the current page. The
 * first time a document sees `key`, the drawing is recorded into a form XObject; afterwards the
 * form is placed again, moved to the new `top`. Returns the y just below the drawing, as
 * `draw` would have left doc.y. Only for drawing that depends on nothing but `key` and `top`.
 */
export function drawReusable(doc: PDFKit.PDFDocument, key: string, top: number, draw: (top: number) => void): number {
  const d = doc as unknown as DocInternals;
  let byKey = recordings.get(doc);
  if (!byKey) recordings.set(doc, (byKey = new Map<string, Recorded>()));
  const rec = byKey.get(key) ?? record(d, top, draw);
  byKey.set(key, rec);
  d.page.xobjects[rec.name] = rec.form;
  // The page's coordinates run downwards (pdfkit flips them once per page); the form was drawn
  // in those same coordinates, so moving it is a translation by the difference in top.
  d.addContent(`q 1 0 0 1 0 ${top - rec.top} cm /${rec.name} Do Q`);
  const bottom = top + (rec.bottom - rec.top);
  d.x = d.page.margins.left;
  d.y = bottom;
  return bottom;
}

function record(d: DocInternals, top: number, draw: (top: number) => void): Recorded {
  const page = d.page;
  const resources = d.ref({ ProcSet: ['PDF', 'Text', 'ImageB', 'ImageC', 'ImageI'] });
  const form = d.ref({ Type: 'XObject', Subtype: 'Form', FormType: 1, BBox: [0, 0, page.width, page.height], Resources: resources });
  // A stand-in page with the real page's geometry whose content and resources are the form's.
  const stand = Object.create(Object.getPrototypeOf(page) as object) as PageInternals;
  Object.assign(stand, page, { content: form, resources, dictionary: { data: {} }, markings: [] });
  d.page = stand;
  const y = top;
  try {
    d.y = top;
    draw(top);
  } finally {
    d.page = page;
  }
  const bottom = d.y;
  resources.end(undefined);
  form.end(undefined);
  return { name: `Fx${++forms}`, form, top: y, bottom };
}
