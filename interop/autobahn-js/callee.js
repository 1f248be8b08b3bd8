#!/usr/bin/env node
// Autobahn|JS callee: registers the interop test procedures and stays until killed.
// Options: see common.js. Prints "READY callee session=<id> prefix=<prefix>" when everything is
// registered; the procedures are described in ../README.md.
'use strict'

const { autobahn, parseConfig, connect, describe, exitOnUncaught } = require('./common')

exitOnUncaught('callee')

async function main () {
  const config = parseConfig(process.argv.slice(2))
  const p = config.prefix
  const { connection, session, details } = await connect(config)
  connection.onlost = (reason) => {
    console.log('callee: session lost: ' + reason)
    process.exit(3)
  }
  const log = (name, args, kwargs) => console.log('INVOKE ' + name + ' ' + describe(args) + ' ' + describe(kwargs))

  await session.register(p + '.echo', (args, kwargs) => {
    log('echo', args, kwargs)
    return new autobahn.Result(args, kwargs)
  })
  await session.register(p + '.add2', (args, kwargs) => {
    log('add2', args, kwargs)
    return args[0] + args[1]
  })
  // Progressive results n, n-1, ..., 1 (when the caller asked for them), then the final result 0.
  await session.register(p + '.countdown', (args, kwargs, inv) => {
    log('countdown', args, kwargs)
    const n = args[0]
    if (inv.progress) {
      for (let i = n; i > 0; i--) inv.progress([i])
    }
    return 0
  })
  // Autobahn|JS has no INTERRUPT support (it treats INTERRUPT as a protocol violation), so this
  // one just answers after the given milliseconds.
  await session.register(p + '.slow', (args, kwargs) => {
    log('slow', args, kwargs)
    return new Promise((resolve) => setTimeout(() => resolve('done'), args[0]))
  })
  await session.register(p + '.error', (args, kwargs) => {
    log('error', args, kwargs)
    throw new autobahn.Error('interop.error.custom', ['boom'], { detail: 42 })
  })
  await session.register(p + '.whoami', (args, kwargs, inv) => {
    log('whoami', args, kwargs)
    return { caller: inv.caller === undefined ? null : inv.caller, caller_authid: inv.caller_authid === undefined ? null : inv.caller_authid, procedure: inv.procedure }
  }, { disclose_caller: true })
  await session.register(p + '.prefix', (args, kwargs, inv) => {
    log('prefix', args, kwargs)
    return inv.procedure
  }, { match: 'prefix' })
  // Relays every event on <prefix>.ping to <prefix>.pong with the same payload.
  await session.subscribe(p + '.ping', (args, kwargs) => {
    console.log('EVENT ping ' + describe(args) + ' ' + describe(kwargs))
    session.publish(p + '.pong', args, kwargs)
  })
  console.log('READY callee session=' + session.id + ' authid=' + details.authid + ' authmethod=' + details.authmethod + ' prefix=' + p)

  const stop = () => {
    try { connection.close() } catch (e) { /* already closed */ }
    process.exit(0)
  }
  process.on('SIGTERM', stop)
  process.on('SIGINT', stop)
}

main().catch((err) => {
  console.error('callee: ' + (err && err.message ? err.message : describe(err)))
  process.exit(2)
})
