// Test support: a Git server on 127.0.0.1 that speaks Git's smart HTTP protocol, as a GitLab
// instance does for its projects: each request is handed to `git http-backend` (CGI) over the
// bare repositories under one folder, `<root>/<group>/<project>.git`. gitlab-ci-local fetches a
// component (`include: component: <host>/<group>/<project>/<name>@<tag>`) from it by cloning.
import { spawn } from 'node:child_process'
import * as http from 'node:http'
import type { AddressInfo } from 'node:net'

export interface GitServer {
  /** `http://127.0.0.1:<port>` */
  baseUrl: string
  /** Each request's method and path (without its query), in order. */
  requests: string[]
  close(): Promise<void>
}

/** Serve the bare repositories under `root` (read only: only upload-pack is enabled). */
export async function startGitServer(root: string): Promise<GitServer> {
  const requests: string[] = []
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1')
    requests.push(`${req.method} ${url.pathname}`)
    const header = (name: string): string => {
      const value = req.headers[name]
      return Array.isArray(value) ? value.join(', ') : (value ?? '')
    }
    const child = spawn('git', ['http-backend'], {
      env: {
        PATH: process.env.PATH,
        GIT_PROJECT_ROOT: root,
        GIT_HTTP_EXPORT_ALL: '1',
        GIT_CONFIG_NOSYSTEM: '1',
        GIT_CONFIG_GLOBAL: '/dev/null',
        GATEWAY_INTERFACE: 'CGI/1.1',
        REQUEST_METHOD: req.method ?? 'GET',
        PATH_INFO: decodeURIComponent(url.pathname),
        QUERY_STRING: url.search.slice(1),
        CONTENT_TYPE: header('content-type'),
        HTTP_CONTENT_ENCODING: header('content-encoding'),
        GIT_PROTOCOL: header('git-protocol'),
        REMOTE_ADDR: req.socket.remoteAddress ?? '127.0.0.1'
      },
      stdio: ['pipe', 'pipe', 'pipe']
    })
    req.pipe(child.stdin)
    const errors: Buffer[] = []
    child.stderr.on('data', (chunk: Buffer) => errors.push(chunk))
    // A CGI answer: header lines (`Status: 404 Not Found` among them), a blank line, the body.
    let head = Buffer.alloc(0)
    let started = false
    child.stdout.on('data', (chunk: Buffer) => {
      if (started) {
        res.write(chunk)
        return
      }
      head = Buffer.concat([head, chunk])
      const end = head.indexOf('\r\n\r\n')
      if (end < 0) return
      started = true
      let status = 200
      for (const line of head.subarray(0, end).toString('latin1').split('\r\n')) {
        const colon = line.indexOf(':')
        const name = line.slice(0, colon).trim()
        const value = line.slice(colon + 1).trim()
        if (name.toLowerCase() === 'status') status = parseInt(value, 10)
        else res.setHeader(name, value)
      }
      res.writeHead(status)
      res.write(head.subarray(end + 4))
    })
    child.on('close', code => {
      if (!started) {
        const message = Buffer.concat(errors).toString('utf8') || `git http-backend exited ${code}`
        res.writeHead(500, { 'content-type': 'text/plain' }).end(message)
      } else res.end()
    })
  })
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve))
  return {
    baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    requests,
    close: async () => {
      const closed = new Promise<void>(resolve => server.close(() => resolve()))
      server.closeAllConnections()
      await closed
    }
  }
}
