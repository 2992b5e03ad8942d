// The worker thread of src/build/docx-thread.ts: renders DOCX files of plans the build thread sends.
// A plan arrives once (a structured clone of the model) and is laid out once for all its parts.
import { parentPort } from 'node:worker_threads';
import { DocxRenderer } from '../write/docx/index.ts';
import type { PlanDocument } from '../model/types.ts';
import type { DocxReply, DocxRequest } from './docx-thread.ts';

const renderer = new DocxRenderer();
const docs = new Map<number, PlanDocument>();
const port = parentPort!;

port.on('message', async (request: DocxRequest) => {
  if ('forget' in request) {
    docs.delete(request.forget);
    return;
  }
  if (request.doc) docs.set(request.docId, request.doc);
  let reply: DocxReply;
  try {
    const doc = docs.get(request.docId);
    if (!doc) throw new Error(`kế hoạch #${request.docId} chưa được gửi sang luồng dựng DOCX`);
    const rendered = await renderer.render(doc, request.part);
    // A copy that owns its whole buffer, so the buffer can be handed over without copying again.
    const bytes = rendered.byteOffset === 0 && rendered.byteLength === rendered.buffer.byteLength ? rendered : new Uint8Array(rendered);
    reply = { call: request.call, bytes };
    port.postMessage(reply, [bytes.buffer as ArrayBuffer]);
  } catch (err) {
    reply = { call: request.call, error: (err as Error)?.message ?? String(err) };
    port.postMessage(reply);
  }
});
