// Reads a UI message stream (the raw SSE bytes) on stdin with the AI SDK's own parser and
// assembler, and prints one JSON verdict on stdout:
//   {"ok": true, "chunks": [...], "message": <the assembled UIMessage>, "done": true}
//   {"ok": false, "error": "..."}
// It exits 0 either way; the verdict is for the caller to judge.
import { parseJsonEventStream, readUIMessageStream, uiMessageChunkSchema } from "ai";

async function readStdin() {
  const parts = [];
  for await (const part of process.stdin) parts.push(part);
  return Buffer.concat(parts);
}

function bytesStream(bytes) {
  return new ReadableStream({
    start(controller) {
      controller.enqueue(new Uint8Array(bytes));
      controller.close();
    },
  });
}

async function main() {
  const raw = await readStdin();
  const dataLines = raw
    .toString("utf8")
    .split(/\r\n|\r|\n/)
    .filter((line) => line.startsWith("data:"));
  const done = dataLines.length > 0 && dataLines[dataLines.length - 1].replace(/^data: ?/, "") === "[DONE]";

  const chunks = [];
  const parsed = parseJsonEventStream({ stream: bytesStream(raw), schema: uiMessageChunkSchema });
  const validated = parsed.pipeThrough(
    new TransformStream({
      transform(result, controller) {
        if (!result.success) throw new Error(`invalid chunk: ${result.error?.message ?? result.error}`);
        chunks.push(result.value);
        controller.enqueue(result.value);
      },
    }),
  );
  let message = null;
  for await (const snapshot of readUIMessageStream({ stream: validated, terminateOnError: true })) {
    message = snapshot;
  }
  return { ok: true, done, chunks, message };
}

main()
  .then((verdict) => process.stdout.write(JSON.stringify(verdict)))
  .catch((error) => process.stdout.write(JSON.stringify({ ok: false, error: String(error?.stack ?? error) })));
