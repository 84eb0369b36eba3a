import { createServer, type IncomingHttpHeaders, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';

/** A request the fixture server received. */
export interface RecordedRequest {
  readonly method: string;
  readonly url: URL;
  readonly headers: IncomingHttpHeaders;
  readonly body: string;
}

/** A running fixture server on 127.0.0.1 with an OS-assigned port. */
export interface TestServer {
  readonly url: string;
  readonly requests: RecordedRequest[];
  close(): Promise<void>;
}

/** Handles one request; may write the response itself or destroy the socket. */
export type Handler = (req: RecordedRequest, res: ServerResponse) => void | Promise<void>;

/** Starts a real node:http server (port 0) calling `handler` for every request. */
export async function startServer(handler: Handler): Promise<TestServer> {
  const requests: RecordedRequest[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const recorded: RecordedRequest = {
        method: req.method ?? 'GET',
        url: new URL(req.url ?? '/', 'http://127.0.0.1'),
        headers: req.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      };
      requests.push(recorded);
      Promise.resolve(handler(recorded, res)).catch((error: unknown) => {
        res.statusCode = 500;
        res.end(String(error));
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Writes a JSON body, gzip-encoded when `gzip` is set (as vendors do for `Accept-Encoding: gzip`). */
export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  options: { gzip?: boolean; headers?: Record<string, string> } = {},
): void {
  sendText(res, status, JSON.stringify(body), { ...options, type: 'application/json' });
}

/** Writes a text body (optionally gzip). */
export function sendText(
  res: ServerResponse,
  status: number,
  text: string,
  options: { gzip?: boolean; headers?: Record<string, string>; type?: string } = {},
): void {
  const payload = options.gzip ? gzipSync(text) : Buffer.from(text);
  res.writeHead(status, {
    'content-type': options.type ?? 'text/plain',
    'content-length': String(payload.length),
    ...(options.gzip ? { 'content-encoding': 'gzip' } : {}),
    ...options.headers,
  });
  res.end(payload);
}

/** Sends the headers and half of a JSON body, then resets the connection (a reset mid-page). */
export function resetMidBody(res: ServerResponse, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(200, {
    'content-type': 'application/json',
    'content-length': String(Buffer.byteLength(text)),
  });
  res.write(text.slice(0, Math.floor(text.length / 2)));
  setTimeout(() => res.socket?.destroy(), 5);
}

/** A sleep that records delays and returns at once (a fake clock for retry tests). */
export function fakeSleep(): { delays: number[]; sleep: (ms: number) => Promise<void> } {
  const delays: number[] = [];
  return {
    delays,
    sleep: async (ms: number) => {
      delays.push(ms);
    },
  };
}
