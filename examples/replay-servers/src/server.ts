// The shared node:http core of the replay servers: 127.0.0.1, port 0, recorded requests, auth, faults, gzip.
import { createServer, type IncomingHttpHeaders, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';

/** A request a replay server received (body as text). */
export interface ReplayRequest {
  readonly method: string;
  readonly url: URL;
  readonly headers: IncomingHttpHeaders;
  readonly body: string;
}

/** A reply: status, JSON body and extra headers. */
export interface ReplayReply {
  readonly status: number;
  readonly body: unknown;
  readonly headers?: Readonly<Record<string, string>>;
}

/**
 * A fault to inject instead of the normal reply: an HTTP error reply, or `'reset'` (headers and half the body,
 * then the connection is destroyed).
 */
export type ReplayFault = ReplayReply | 'reset';

/** Options shared by every replay server. */
export interface ReplayServerOptions {
  /** When set, requests must carry `Authorization: Bearer <token>` (otherwise the vendor's 401). */
  readonly token?: string;
  /** Called for every request (1-based count); return a fault to inject it instead of the normal reply. */
  readonly fault?: (request: ReplayRequest, n: number) => ReplayFault | undefined;
}

/** A running replay server. */
export interface ReplayServer {
  /** Base URL to pass as the connector's `baseUrl`, e.g. `http://127.0.0.1:53124`. */
  readonly baseUrl: string;
  /** Every request received, in order (including rejected and faulted ones). */
  readonly requests: ReplayRequest[];
  /** Stops the server and drops open connections. */
  close(): Promise<void>;
}

/** Routes one authorised, non-faulted request to a reply. */
export type ReplayRoute = (request: ReplayRequest) => ReplayReply;

/** Starts a replay server for `route`; `unauthorized` is the vendor's 401 body. */
export async function startReplayServer(
  route: ReplayRoute,
  unauthorized: unknown,
  options: ReplayServerOptions,
): Promise<ReplayServer> {
  const requests: ReplayRequest[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const request: ReplayRequest = {
        method: req.method ?? 'GET',
        url: new URL(req.url ?? '/', 'http://127.0.0.1'),
        headers: req.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      };
      requests.push(request);
      const gzip = /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
      try {
        const fault = options.fault?.(request, requests.length);
        if (fault === 'reset') return resetMidBody(res);
        if (fault !== undefined) return send(res, fault, gzip);
        if (options.token !== undefined && req.headers.authorization !== `Bearer ${options.token}`) {
          return send(res, { status: 401, body: unauthorized }, gzip);
        }
        send(res, route(request), gzip);
      } catch (error) {
        send(res, { status: 500, body: { message: String(error) } }, false);
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function send(res: ServerResponse, reply: ReplayReply, gzip: boolean): void {
  const text = JSON.stringify(reply.body);
  const payload = gzip ? gzipSync(text) : Buffer.from(text);
  res.writeHead(reply.status, {
    'content-type': 'application/json;charset=utf-8',
    'content-length': String(payload.length),
    ...(gzip ? { 'content-encoding': 'gzip' } : {}),
    ...reply.headers,
  });
  res.end(payload);
}

function resetMidBody(res: ServerResponse): void {
  const text = JSON.stringify({ results: [], note: 'this body is cut off by a connection reset' });
  res.writeHead(200, { 'content-type': 'application/json', 'content-length': String(text.length) });
  res.write(text.slice(0, Math.floor(text.length / 2)));
  setTimeout(() => res.socket?.destroy(), 5);
}

/** A JSON reply. */
export function reply(status: number, body: unknown, headers?: Record<string, string>): ReplayReply {
  return headers === undefined ? { status, body } : { status, body, headers };
}
