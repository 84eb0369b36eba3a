import { Readable } from 'node:stream';
import { startServer, type TestServer } from './server.js';

/** Serves `text` over a real node:http server in small chunks, as a file download would arrive. */
export async function serveFile(text: string, chunk = 64): Promise<TestServer> {
  return startServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/plain' });
    const bytes = Buffer.from(text);
    for (let i = 0; i < bytes.length; i += chunk) res.write(bytes.subarray(i, i + chunk));
    res.end();
  });
}

/** A file-source input reading the served file over HTTP (one request per sync). */
export function httpInput(url: string): () => Readable {
  return () =>
    Readable.from(
      (async function* () {
        const response = await fetch(url);
        if (response.body === null) return;
        for await (const part of response.body) yield Buffer.from(part);
      })(),
    );
}
