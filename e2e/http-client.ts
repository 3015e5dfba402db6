import { request as httpRequest } from 'node:http';

/** A tiny browser-like HTTP client for e2e tests: keeps the session cookie and sends the CSRF token. */
export class HttpClient {
  private cookie = '';
  csrfToken = '';

  constructor(readonly base: string) {}

  get cookieHeader(): string {
    return this.cookie;
  }

  async request(
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- test client: bodies are asserted field by field
  ): Promise<{ status: number; body: any; headers: Headers }> {
    const response = await fetch(this.base + path, {
      method,
      headers: {
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...(this.cookie ? { cookie: this.cookie } : {}),
        ...(this.csrfToken && method !== 'GET' ? { 'x-csrf-token': this.csrfToken } : {}),
        ...headers,
      },
      ...(body !== undefined ? { body: typeof body === 'string' ? body : JSON.stringify(body) } : {}),
    });
    const setCookie = response.headers.get('set-cookie');
    if (setCookie) this.cookie = setCookie.split(';')[0] ?? '';
    const text = await response.text();
    let parsed: unknown = text;
    try {
      parsed = JSON.parse(text);
    } catch {
      // not JSON
    }
    return { status: response.status, body: parsed, headers: response.headers };
  }

  /**
   * Announces a body larger than the server accepts and sends only its start: the server must refuse it
   * (413) from the announced length alone, before reading it. Deterministic, unlike racing a huge upload.
   */
  postOversized(path: string, bytes: number): Promise<number> {
    return new Promise((resolve, reject) => {
      const target = new URL(this.base + path);
      const req = httpRequest({
        method: 'POST',
        hostname: target.hostname,
        port: target.port,
        path: target.pathname,
        headers: {
          'content-type': 'application/json',
          'content-length': bytes,
          cookie: this.cookie,
          'x-csrf-token': this.csrfToken,
        },
      });
      const timer = setTimeout(() => {
        req.destroy();
        reject(new Error('the server did not refuse the oversized body'));
      }, 10_000);
      req.on('response', (response) => {
        clearTimeout(timer);
        resolve(response.statusCode ?? 0);
        response.resume();
        req.destroy();
      });
      req.on('error', () => undefined);
      req.write('{"type":"withdraw","reason":"' + 'x'.repeat(1024));
    });
  }

  /** Uploads one file as multipart/form-data (field `file`), as the console does. */
  async upload(path: string, fileName: string, content: Uint8Array) {
    const form = new FormData();
    form.append('file', new Blob([Buffer.from(content)]), fileName);
    const response = await fetch(this.base + path, {
      method: 'POST',
      headers: { cookie: this.cookie, 'x-csrf-token': this.csrfToken },
      body: form,
    });
    const text = await response.text();
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- test client: bodies are asserted field by field
    let parsed: any = text;
    try {
      parsed = JSON.parse(text);
    } catch {
      // not JSON
    }
    return { status: response.status, body: parsed };
  }

  /** Takes another client's session (its cookie and CSRF token), as a second tab of one browser would. */
  adopt(other: HttpClient): void {
    this.cookie = other.cookie;
    this.csrfToken = other.csrfToken;
  }

  async login(username: string, password: string) {
    const result = await this.request('POST', '/api/session', { username, password });
    if (result.status === 200) this.csrfToken = result.body.csrfToken;
    return result;
  }
}
