// Shared set-up for the Autobahn|JS peers: command-line/env configuration and connecting.
//
// Options (command line first, then environment, then default):
//   --url         WAMP_URL         ws://127.0.0.1:8080/ws (WebSocket) or tcp://host:port (RawSocket, JSON only in Autobahn|JS)
//   --realm       WAMP_REALM       realm1
//   --serializer  WAMP_SERIALIZER  json | msgpack | cbor (WebSocket subprotocol wamp.2.<name>)
//   --authmethod  WAMP_AUTHMETHOD  anonymous | ticket | wampcra | cryptosign
//   --authid      WAMP_AUTHID
//   --secret      WAMP_SECRET      ticket / wampcra secret
//   --private-key WAMP_PRIVATE_KEY cryptosign: 32 byte seed or 64 byte secret key, hex
//   --prefix      WAMP_PREFIX      interop (URI prefix of the test procedures and topics)
//   --timeout     WAMP_TIMEOUT     5000 (ms, per check and for connecting)
//   --only        WAMP_ONLY        comma separated check names to run (caller)
//   --skip        WAMP_SKIP        comma separated check names to skip (caller)
//   --extended    WAMP_EXTENDED    0 | 1: also run the extended checks (caller; routers with the Advanced Profile)
//   --suite       WAMP_SUITE       interop | sample: the checks of the test procedures (callee scripts) or of the
//                                  sample app's com.example.* procedures (caller)
//   --expect-authrole WAMP_EXPECT_AUTHROLE  caller: the authrole WELCOME must carry (checked by join)
'use strict'

// Autobahn|JS 26 uses the global WebSocket (Node.js 22+); on older Node.js the ws package provides
// it. Autobahn|JS sets no onerror, and ws (unlike a browser) throws an 'error' event nobody listens
// to, e.g. when the server picks no subprotocol: keep the error for the connect failure instead.
let lastTransportError = null
if (typeof globalThis.WebSocket === 'undefined') {
  const WsWebSocket = require('ws')
  globalThis.WebSocket = class extends WsWebSocket {
    constructor (...args) {
      super(...args)
      this.on('error', (err) => { lastTransportError = err })
    }
  }
}
const autobahn = require('autobahn')

const OPTIONS = {
  url: ['WAMP_URL', 'ws://127.0.0.1:8080/ws'],
  realm: ['WAMP_REALM', 'realm1'],
  serializer: ['WAMP_SERIALIZER', 'json'],
  authmethod: ['WAMP_AUTHMETHOD', 'anonymous'],
  authid: ['WAMP_AUTHID', ''],
  secret: ['WAMP_SECRET', ''],
  'private-key': ['WAMP_PRIVATE_KEY', ''],
  prefix: ['WAMP_PREFIX', 'interop'],
  timeout: ['WAMP_TIMEOUT', '5000'],
  only: ['WAMP_ONLY', ''],
  skip: ['WAMP_SKIP', ''],
  extended: ['WAMP_EXTENDED', '0'],
  suite: ['WAMP_SUITE', 'interop'],
  'expect-authrole': ['WAMP_EXPECT_AUTHROLE', '']
}

function parseConfig (argv) {
  const config = {}
  for (const [name, [env, def]] of Object.entries(OPTIONS)) {
    config[name] = process.env[env] !== undefined ? process.env[env] : def
  }
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]
    if (!arg.startsWith('--') || !(arg.substring(2) in OPTIONS)) {
      throw new Error('unknown argument ' + arg + ' (known: ' + Object.keys(OPTIONS).map((o) => '--' + o).join(' ') + ')')
    }
    if (i + 1 >= argv.length) throw new Error('missing value after ' + arg)
    config[arg.substring(2)] = argv[++i]
  }
  config.timeout = parseInt(config.timeout, 10)
  config.only = config.only ? config.only.split(',').map((s) => s.trim()).filter(Boolean) : []
  config.skip = config.skip ? config.skip.split(',').map((s) => s.trim()).filter(Boolean) : []
  config.extended = config.extended === '1' || config.extended === 'true'
  return config
}

function serializerFor (name) {
  switch (name) {
    case 'json': return new autobahn.serializer.JSONSerializer()
    case 'msgpack': return new autobahn.serializer.MsgpackSerializer()
    case 'cbor': return new autobahn.serializer.CBORSerializer()
    default: throw new Error('unknown serializer ' + name + ' (json, msgpack, cbor)')
  }
}

function transportFor (config) {
  const url = new URL(config.url)
  if (url.protocol === 'tcp:' || url.protocol === 'rs:') {
    if (config.serializer !== 'json') {
      throw new Error('Autobahn|JS RawSocket supports only json, not ' + config.serializer)
    }
    return { type: 'rawsocket', host: url.hostname, port: parseInt(url.port, 10), protocols: ['wamp.2.json'] }
  }
  return { type: 'websocket', url: config.url, serializers: [serializerFor(config.serializer)] }
}

function authOptions (config) {
  const method = config.authmethod
  if (method === 'anonymous' || method === '') return {}
  const opts = { authmethods: [method], authid: config.authid || undefined }
  if (method === 'ticket') {
    opts.onchallenge = () => config.secret
  } else if (method === 'wampcra') {
    opts.onchallenge = (session, m, extra) => {
      let key = config.secret
      if (extra.salt) key = autobahn.auth_cra.derive_key(key, extra.salt, extra.iterations, extra.keylen)
      return autobahn.auth_cra.sign(key, extra.challenge)
    }
  } else if (method === 'cryptosign') {
    const bytes = Buffer.from(config['private-key'], 'hex')
    if (bytes.length !== 32 && bytes.length !== 64) throw new Error('--private-key must be 32 or 64 bytes hex')
    const keyPair = autobahn.nacl.sign.keyPair.fromSeed(new Uint8Array(bytes.subarray(0, 32)))
    opts.authextra = { pubkey: Buffer.from(keyPair.publicKey).toString('hex') }
    opts.onchallenge = (session, m, extra) => autobahn.auth_cryptosign.sign_challenge(keyPair, extra)
  } else {
    throw new Error('unknown authmethod ' + method + ' (anonymous, ticket, wampcra, cryptosign)')
  }
  return opts
}

// Opens one session. Resolves { connection, session, details }; rejects with a readable reason.
function connect (config) {
  return new Promise((resolve, reject) => {
    const connection = new autobahn.Connection(Object.assign({
      transports: [transportFor(config)],
      realm: config.realm,
      max_retries: 0,
      retry_if_unreachable: false,
      use_es6_promises: false
    }, authOptions(config)))
    let joined = false
    const timer = setTimeout(() => {
      if (!joined) reject(new Error('no session within ' + config.timeout + ' ms to ' + config.url))
    }, config.timeout)
    connection.onopen = (session, details) => {
      joined = true
      clearTimeout(timer)
      resolve({ connection, session, details })
    }
    connection.onclose = (reason, details) => {
      if (!joined) {
        clearTimeout(timer)
        const why = lastTransportError ? lastTransportError.message : (details && (details.message || details.reason)) || ''
        reject(new Error('connection closed before join: ' + reason + ' ' + JSON.stringify(why)))
      } else if (connection.onlost) {
        connection.onlost(reason, details)
      }
      return true // never reconnect: the harness decides
    }
    connection.open()
  })
}

// A peer script reports an unexpected exception (e.g. from inside Autobahn|JS) as one line and
// exits with 2, so the harness sees a reason rather than a stack trace only.
function exitOnUncaught (script) {
  process.on('uncaughtException', (err) => {
    console.log('FAIL ' + script + ': uncaught exception: ' + (err && err.stack ? err.stack.split('\n').slice(0, 3).join(' | ') : err))
    process.exit(2)
  })
}

function describe (value) {
  return JSON.stringify(value, (k, v) => (v instanceof Uint8Array ? { bytes: Buffer.from(v).toString('hex') } : v))
}

module.exports = { autobahn, parseConfig, connect, describe, exitOnUncaught }
