#!/usr/bin/env node
// Starts a fox-wamp router for the interop suite.
//
//   node fox-wamp/start.js [--host 127.0.0.1] [--port 0] [--path /ws] [--realm realm1 ...]
//                          [--ticket authid:secret ...] [--wampcra authid:secret ...]
//                          [--cryptosign authid:publickeyhex ...] [--trace] [--raw]
//
// Prints exactly one line "READY ws://HOST:PORT/PATH realms=a,b" once it accepts connections
// (port 0 picks a free port; the line tells which). Stops cleanly on SIGTERM/SIGINT.
//
// fox-wamp speaks WAMP only over WebSocket with the JSON serializer (see ../README.md).
// Three fixes over a bare fox-wamp:
// - Payload elements fox-wamp writes as null are omitted (see tidyPayload); --raw turns this off.
// - HELLO for a realm that is not configured gets ABORT wamp.error.no_such_realm. fox-wamp
//   itself creates any realm on demand and crashes (unhandled rejection) on a realm name that
//   does not match ^[a-z0-9_]+$, e.g. "com.example".
// - Authentication (ticket, wampcra, cryptosign) is done here through fox-wamp's auth
//   handler hook; fox-wamp ships no authenticator. With no user configured, sessions are
//   anonymous.
'use strict'

const crypto = require('crypto')
const { WampGate, WampSocketWriterContext } = require('fox-wamp/lib/wamp/gate')
const WampServer = require('fox-wamp/lib/wamp/transport')
const FoxRouter = require('fox-wamp')

function parseArgs (argv) {
  const opts = { host: '127.0.0.1', port: 0, path: undefined, realms: [], ticket: new Map(), wampcra: new Map(), cryptosign: new Map(), trace: false, raw: false }
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]
    const next = () => {
      if (i + 1 >= argv.length) throw new Error('missing value after ' + arg)
      return argv[++i]
    }
    const user = (map) => {
      const value = next()
      const at = value.indexOf(':')
      if (at <= 0) throw new Error(arg + ' expects authid:secret, got ' + value)
      map.set(value.substring(0, at), value.substring(at + 1))
    }
    switch (arg) {
      case '--host': opts.host = next(); break
      case '--port': opts.port = parseInt(next(), 10); break
      case '--path': opts.path = next(); break
      case '--realm': opts.realms.push(next()); break
      case '--ticket': user(opts.ticket); break
      case '--wampcra': user(opts.wampcra); break
      case '--cryptosign': user(opts.cryptosign); break
      case '--trace': opts.trace = true; break
      case '--raw': opts.raw = true; break
      default: throw new Error('unknown argument ' + arg)
    }
  }
  if (opts.realms.length === 0) opts.realms.push('realm1')
  return opts
}

// Ed25519 public key from its 32 raw bytes (hex), as a KeyObject.
function ed25519PublicKey (hex) {
  const raw = Buffer.from(hex, 'hex')
  if (raw.length !== 32) throw new Error('cryptosign public key must be 32 bytes hex')
  const spkiPrefix = Buffer.from('302a300506032b6570032100', 'hex')
  return crypto.createPublicKey({ key: Buffer.concat([spkiPrefix, raw]), format: 'der', type: 'spki' })
}

// fox-wamp calls <method>_extra(realm, helloDetails, cb) for the CHALLENGE extra and
// <method>_auth(realm, helloDetails, signature, extra, cb) for AUTHENTICATE. helloDetails is
// the session's own HELLO.Details object, so the challenge is kept on it.
class Authenticator {
  constructor (opts) {
    this.opts = opts
    this.methods = []
    if (opts.cryptosign.size) this.methods.push('cryptosign')
    if (opts.wampcra.size) this.methods.push('wampcra')
    if (opts.ticket.size) this.methods.push('ticket')
  }

  getAuthMethods () { return this.methods }

  ticket_auth (realm, hello, secret, extra, cb) {
    const expected = this.opts.ticket.get(hello.authid)
    cb(expected !== undefined && expected === secret ? undefined : new Error('authentication_failed'), { authrole: 'user' })
  }

  wampcra_extra (realm, hello, cb) {
    if (!this.opts.wampcra.has(hello.authid)) return cb(new Error('no such user'))
    hello.__challenge = JSON.stringify({
      authid: hello.authid,
      authrole: 'user',
      authmethod: 'wampcra',
      authprovider: 'static',
      nonce: crypto.randomBytes(16).toString('base64'),
      timestamp: new Date().toISOString(),
      session: 0
    })
    cb(undefined, { challenge: hello.__challenge })
  }

  wampcra_auth (realm, hello, signature, extra, cb) {
    const secret = this.opts.wampcra.get(hello.authid)
    const expected = crypto.createHmac('sha256', secret).update(hello.__challenge).digest('base64')
    cb(signature === expected ? undefined : new Error('authentication_failed'), { authrole: 'user' })
  }

  cryptosign_extra (realm, hello, cb) {
    const pub = this.opts.cryptosign.get(hello.authid)
    const offered = hello.authextra && hello.authextra.pubkey
    if (!pub || (offered && offered.toLowerCase() !== pub.toLowerCase())) return cb(new Error('no such key'))
    hello.__challenge = crypto.randomBytes(32)
    cb(undefined, { challenge: hello.__challenge.toString('hex'), channel_binding: null })
  }

  cryptosign_auth (realm, hello, signature, extra, cb) {
    // The signature is hex: 64 bytes Ed25519 signature, optionally followed by the 32 byte challenge.
    let ok = false
    try {
      const sig = Buffer.from(String(signature), 'hex').subarray(0, 64)
      ok = crypto.verify(null, hello.__challenge, ed25519PublicKey(this.opts.cryptosign.get(hello.authid)), sig)
    } catch (e) {
      ok = false
    }
    cb(ok ? undefined : new Error('authentication_failed'), { authrole: 'user' })
  }
}

// Where Arguments|list and ArgumentsKw|dict sit in the messages fox-wamp sends.
const PAYLOAD_INDEX = { 8: 5, 36: 4, 50: 3, 68: 4 } // ERROR, EVENT, RESULT, INVOCATION

// fox-wamp writes a missing payload as null, e.g. [50, id, {}, ["x"], null] when the callee
// yielded no kwargs, and [68, id, reg, {}, null, {}] for a call without args. The spec wants the
// element omitted (or [] / {}); Autobahn|Python drops the connection on such a RESULT
// ("invalid type NoneType for 'kwargs'"). This rewrites only those null/empty tails.
function tidyPayload (msg) {
  const at = PAYLOAD_INDEX[msg[0]]
  if (at === undefined || msg.length <= at) return msg
  const args = msg[at]
  const kwargs = msg[at + 1]
  const hasKwargs = kwargs !== null && typeof kwargs === 'object' && Object.keys(kwargs).length > 0
  const out = msg.slice(0, at)
  if (hasKwargs) {
    out.push(Array.isArray(args) ? args : [], kwargs)
  } else if (Array.isArray(args)) {
    out.push(args)
  }
  return out
}

function main () {
  const opts = parseArgs(process.argv.slice(2))
  if (!opts.raw) {
    const foxSend = WampSocketWriterContext.prototype.wampSend
    WampSocketWriterContext.prototype.wampSend = function (msg, callback) {
      return foxSend.call(this, tidyPayload(msg), callback)
    }
  }
  const router = new FoxRouter()
  router.setLogTrace(opts.trace)

  const gate = new WampGate(router)
  const auth = new Authenticator(opts)
  if (auth.methods.length) gate.setAuthHandler(auth)
  const foxHello = gate.hello.bind(gate)
  gate.hello = function (ctx, session, realmName, details) {
    if (!opts.realms.includes(realmName)) {
      console.log('HELLO for unknown realm ' + JSON.stringify(realmName) + ': ABORT wamp.error.no_such_realm')
      gate.sendAbort(ctx, 'wamp.error.no_such_realm')
      return
    }
    foxHello(ctx, session, realmName, details)
  }

  // Create the realms up front (this also registers the wamp.session.* meta procedures).
  Promise.all(opts.realms.map((realm) => router.getRealm(realm))).then(() => {
    const server = new WampServer(gate, { host: opts.host, port: opts.port, path: opts.path })
    server.on('error', (err) => {
      console.error('fox-wamp failed to listen on ' + opts.host + ':' + opts.port + ': ' + err.message)
      process.exit(2)
    })
    server.on('listening', () => {
      const port = server.address().port
      console.log('READY ws://' + opts.host + ':' + port + (opts.path || '/') + ' realms=' + opts.realms.join(','))
    })
    const stop = (signal) => {
      console.log('fox-wamp stopping on ' + signal)
      for (const client of server.clients) client.terminate()
      server.close(() => process.exit(0))
      setTimeout(() => process.exit(0), 1000).unref()
    }
    process.on('SIGTERM', () => stop('SIGTERM'))
    process.on('SIGINT', () => stop('SIGINT'))
  }).catch((err) => {
    console.error('fox-wamp failed to start: ' + err.message)
    process.exit(2)
  })
}

try {
  main()
} catch (err) {
  console.error('fox-wamp: ' + err.message)
  process.exit(2)
}
