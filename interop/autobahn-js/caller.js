#!/usr/bin/env node
// Autobahn|JS caller: runs the interop checks against the test procedures of a callee
// (autobahn-js/callee.js, autobahn-py/callee.py, or ours), or with --suite sample against the
// sample app's com.example.* procedures, and prints one line per check:
//   PASS <name> | FAIL <name>: <reason> | SKIP <name>
// then "SUMMARY passed=N failed=N skipped=N". Exit code 0 when nothing failed, 1 when a check
// failed, 2 when it could not connect. Options: see common.js; --only and --skip take check names.
'use strict'

const { isDeepStrictEqual } = require('util')
const { autobahn, parseConfig, connect, describe, exitOnUncaught } = require('./common')

exitOnUncaught('caller')

// Normalizes an Autobahn|JS call result to { args, kwargs }.
function normalize (res) {
  if (res instanceof autobahn.Result) return { args: res.args || [], kwargs: res.kwargs || {} }
  if (res === undefined) return { args: [], kwargs: {} }
  return { args: [res], kwargs: {} }
}

// Values after a round trip through JSON, so that msgpack/cbor decodings compare like JSON.
function plain (value) {
  return JSON.parse(JSON.stringify(value === undefined ? null : value))
}

function expectEqual (what, actual, expected) {
  if (!isDeepStrictEqual(plain(actual), plain(expected))) {
    throw new Error(what + ' was ' + describe(actual) + ', expected ' + describe(expected))
  }
}

function withTimeout (promise, ms, what) {
  let timer
  return Promise.race([
    promise,
    new Promise((resolve, reject) => { timer = setTimeout(() => reject(new Error('timed out after ' + ms + ' ms ' + what)), ms) })
  ]).finally(() => clearTimeout(timer))
}

// Waits for an error and returns it; fails if the promise resolves.
async function expectError (promise) {
  try {
    const res = await promise
    throw new Error('expected an error, got result ' + describe(normalize(res)))
  } catch (err) {
    if (err instanceof autobahn.Error) return err
    throw err
  }
}

function checks (config, session, details) {
  const p = config.prefix
  const echo = async (args, kwargs, expectedArgs = args, expectedKwargs = kwargs || {}) => {
    const res = normalize(await session.call(p + '.echo', args, kwargs))
    expectEqual('args', res.args, expectedArgs)
    expectEqual('kwargs', res.kwargs, expectedKwargs)
  }
  return {
    join: async () => {
      const method = config.authmethod || 'anonymous'
      if (details.authmethod !== undefined || method !== 'anonymous') expectEqual('authmethod', details.authmethod, method)
      if (config.authid) expectEqual('authid', details.authid, config.authid)
      if (config['expect-authrole']) expectEqual('authrole', details.authrole, config['expect-authrole'])
    },
    echo_args: () => echo(['hello', 42, true, 1.5, null, -7, 9007199254740991]),
    echo_kwargs: () => echo([1], { a: 'x', b: { c: [1, 2] }, d: null }),
    echo_unicode: () => echo(['héllo wörld ✓ 日本語 🚀']),
    echo_single_list: () => echo([[1, 2, 3]]),
    echo_no_args: async () => {
      // Autobahn|JS turns a RESULT without args into null, the same as a single null.
      const res = await session.call(p + '.echo', [])
      if (res !== null && res !== undefined) expectEqual('result', normalize(res), { args: [], kwargs: {} })
    },
    add2: async () => expectEqual('result', normalize(await session.call(p + '.add2', [2, 3])).args, [5]),
    progressive: async () => {
      const progress = []
      const res = await session.call(p + '.countdown', [3], {}, { receive_progress: true })
        .then((r) => r, (e) => { throw e }, (r) => progress.push(normalize(r).args[0]))
      expectEqual('progressive results', progress, [3, 2, 1])
      expectEqual('final result', normalize(res).args, [0])
    },
    error_any: async () => {
      await expectError(session.call(p + '.error'))
    },
    error_uri: async () => {
      const err = await expectError(session.call(p + '.error'))
      expectEqual('error uri', err.error, 'interop.error.custom')
      expectEqual('error args', err.args, ['boom'])
      expectEqual('error kwargs', err.kwargs, { detail: 42 })
    },
    no_such_procedure: async () => {
      const err = await expectError(session.call(p + '.does_not_exist'))
      expectEqual('error uri', err.error, 'wamp.error.no_such_procedure')
    },
    pubsub_relay: async () => {
      let received
      const got = new Promise((resolve) => { received = resolve })
      const sub = await session.subscribe(p + '.pong', (args, kwargs) => received({ args, kwargs }))
      try {
        await session.publish(p + '.ping', ['hi', 7], { k: 'v' }, { acknowledge: true })
        const event = await withTimeout(got, config.timeout, 'waiting for the relayed event')
        expectEqual('event args', event.args, ['hi', 7])
        expectEqual('event kwargs', event.kwargs, { k: 'v' })
      } finally {
        await session.unsubscribe(sub)
      }
    },
    exclude_me: async () => {
      // Publishes an event the router must not send back (default exclude_me) and then one it
      // must (exclude_me=false); one connection keeps them in order, so the first event seen must
      // be the second one.
      let received
      const got = new Promise((resolve) => { received = resolve })
      const sub = await session.subscribe(p + '.self', (args) => received(args))
      try {
        await session.publish(p + '.self', ['excluded'], {}, { acknowledge: true })
        await session.publish(p + '.self', ['included'], {}, { acknowledge: true, exclude_me: false })
        expectEqual('first event', await withTimeout(got, config.timeout, 'waiting for the own event'), ['included'])
      } finally {
        await session.unsubscribe(sub)
      }
    },
    disclose_caller: async () => {
      const res = normalize(await session.call(p + '.whoami', [], {}, { disclose_me: true }))
      expectEqual('disclosed caller', res.args[0].caller, session.id)
    },
    pattern_prefix: async () => {
      const res = normalize(await session.call(p + '.prefix.sub.x'))
      expectEqual('procedure', res.args, [p + '.prefix.sub.x'])
    },
    meta_session_count: async () => {
      const count = normalize(await session.call('wamp.session.count')).args[0]
      if (!Number.isInteger(count) || count < 1) throw new Error('wamp.session.count returned ' + describe(count))
    },
    cancel: async () => {
      // mode kill: the router interrupts the callee (or, for a callee without call_canceling
      // such as Autobahn|JS, answers at once as for skip) and the caller gets wamp.error.canceled.
      const call = session.call(p + '.slow', [2000])
      setTimeout(() => call.cancel({ mode: 'kill' }), 100)
      const started = Date.now()
      const err = await expectError(call)
      expectEqual('error uri', err.error, 'wamp.error.canceled')
      if (Date.now() - started > 1500) throw new Error('cancel took ' + (Date.now() - started) + ' ms')
    }
  }
}

// The sample app's procedures (sample-app/README.md), for --suite sample. The expectations
// that depend on the user come from WELCOME's authrole: only "backend" may publish, and
// "anonymous" may call nothing outside com.example.
function sampleChecks (config, session, details) {
  const p = 'com.example.'
  const call = async (name, args, kwargs, options) => normalize(await session.call(p + name, args, kwargs, options))
  const args = ['hello', 42, true, 1.5, null, -7, 9007199254740991, { k: 'v' }, [1, 2]]
  const kwargs = { a: 'x', b: { c: [1, 2] }, d: null, 'é': '✓' }
  const errorCheck = (name, ...uris) => async () => {
    const err = await expectError(session.call(p + name))
    if (!uris.includes(err.error)) throw new Error('error uri was ' + err.error + ', expected ' + uris.join(' or '))
    if (typeof err.args[0] !== 'string') throw new Error('error args ' + describe(err.args) + ' lack a message')
  }
  // mode kill: the router interrupts the sample's callee and answers wamp.error.canceled.
  const cancelCheck = (name, callArgs, afterFirstProgress) => async () => {
    const progress = []
    let cancel
    const pending = session.call(p + name, callArgs, {}, { receive_progress: true })
    const cancelled = new Promise((resolve) => { cancel = () => { pending.cancel({ mode: 'kill' }); resolve() } })
    if (!afterFirstProgress) setTimeout(cancel, 100)
    const started = Date.now()
    const err = await expectError(pending.then((r) => r, (e) => { throw e }, (r) => {
      progress.push(normalize(r).args[0])
      if (afterFirstProgress && progress.length === 1) cancel()
    }))
    await cancelled
    expectEqual('error uri', err.error, 'wamp.error.canceled')
    if (afterFirstProgress && (progress.length < 1 || progress.length >= callArgs[0])) {
      throw new Error('progressive results before the cancel: ' + describe(progress))
    }
    if (Date.now() - started > 1500) throw new Error('cancel took ' + (Date.now() - started) + ' ms')
    expectEqual('echo after cancel', (await call('echo', ['after'])).args, ['after'])
  }
  return {
    sample_add2: async () => {
      // A sum nobody else publishes, so that the event is ours.
      const a = 1000 + Math.floor(Math.random() * 1000000)
      let received
      const got = new Promise((resolve) => { received = resolve })
      const sub = await session.subscribe(p + 'onadd', (eventArgs) => { if (eventArgs[0] === a + 3) received(eventArgs) })
      try {
        expectEqual('result', (await call('add2', [a, 3])).args, [a + 3])
        expectEqual('event on com.example.onadd', await withTimeout(got, config.timeout, 'waiting for com.example.onadd'), [a + 3])
      } finally {
        await session.unsubscribe(sub)
      }
    },
    sample_echo: async () => {
      const res = await call('echo', args, kwargs)
      expectEqual('args', res.args, args)
      expectEqual('kwargs', res.kwargs, kwargs)
    },
    sample_multiple: async () => {
      const res = await call('multiple')
      expectEqual('args', res.args, [1, 'two', 3.5])
      expectEqual('kwargs', res.kwargs, { count: 3, kind: 'multiple' })
    },
    sample_circular: async () => {
      const res = await call('circular', args, kwargs)
      expectEqual('args', res.args, args)
      expectEqual('kwargs', res.kwargs, kwargs)
    },
    sample_countdown: async () => {
      const progress = []
      const res = await session.call(p + 'countdown', [3], {}, { receive_progress: true })
        .then((r) => r, (e) => { throw e }, (r) => progress.push(normalize(r).args[0]))
      expectEqual('progressive results', progress, [3, 2, 1])
      expectEqual('final result', normalize(res).args, [0])
    },
    sample_slow: async () => expectEqual('result', (await call('slow', [150])).args, [150]),
    sample_cancel_slow: cancelCheck('slow', [3000], false),
    sample_cancel_countdown: cancelCheck('countdown', [50], true),
    sample_validation_error: errorCheck('validation_error', 'wamp.error.invalid_argument'),
    sample_notfound_error: errorCheck('notfound_error', 'com.example.error.not_found'),
    sample_authorization_error: errorCheck('authorization_error', 'wamp.error.not_authorized'),
    sample_service_error: async () => {
      await errorCheck('service_error', 'com.example.error.service')()
      const err = await expectError(session.call(p + 'service_error'))
      expectEqual('error kwargs', err.kwargs, { retryable: false })
    },
    sample_unknown_error: errorCheck('unknown_error', 'wamp.error.runtime_error'),
    sample_timeout: errorCheck('timeout', 'wamp.error.timeout', 'wamp.error.canceled'),
    sample_whoami: async () => {
      const me = (await call('whoami')).args[0]
      expectEqual('whoami', me, { session: session.id, authid: details.authid, authrole: details.authrole })
    },
    sample_publish: async () => {
      // The sample counts com.example.onhello events; the harness checks its meter.
      const publication = session.publish(p + 'onhello', ['hello from Autobahn|JS'], { from: 'autobahn-js' }, { acknowledge: true })
      if (details.authrole === 'backend') {
        await publication
      } else {
        expectEqual('error uri', (await expectError(publication)).error, 'wamp.error.not_authorized')
      }
    },
    sample_role: async () => {
      // Outside com.example. only frontend and backend may call.
      const count = session.call('wamp.session.count')
      if (details.authrole === 'anonymous') {
        expectEqual('error uri', (await expectError(count)).error, 'wamp.error.not_authorized')
      } else {
        await count
      }
    }
  }
}

// Checks of Advanced Profile features (run with --extended 1 or by name with --only). They open
// extra sessions with the same configuration as helpers.
function extendedChecks (config, session) {
  const p = config.prefix
  const withSessions = async (n, body) => {
    const opened = []
    try {
      for (let i = 0; i < n; i++) opened.push(await connect(config))
      return await body(opened.map((o) => o.session))
    } finally {
      for (const o of opened) { try { o.connection.close() } catch (e) { /* already closed */ } }
    }
  }
  const firstEvent = async (s, topic, options, action) => {
    let received
    const got = new Promise((resolve) => { received = resolve })
    const sub = await s.subscribe(topic, (args, kwargs, details) => received({ args, details }), options)
    try {
      await action()
      return await withTimeout(got, config.timeout, 'waiting for an event on ' + topic)
    } finally {
      await s.unsubscribe(sub)
    }
  }
  return {
    shared_registration: () => withSessions(2, async ([a, b]) => {
      for (const s of [a, b]) await s.register(p + '.shared', () => s.id, { invoke: 'roundrobin' })
      const seen = []
      for (let i = 0; i < 4; i++) seen.push(normalize(await session.call(p + '.shared')).args[0])
      expectEqual('callees in turn', seen, [a.id, b.id, a.id, b.id])
    }),
    pattern_wildcard: () => withSessions(1, async ([a]) => {
      await a.register(p + '..wild', (args, kwargs, inv) => inv.procedure, { match: 'wildcard' })
      expectEqual('procedure', normalize(await session.call(p + '.x.wild')).args, [p + '.x.wild'])
    }),
    pubsub_options: () => withSessions(1, async ([b]) => {
      // The first event b sees must be the one it is eligible for, with the publisher disclosed.
      const event = await firstEvent(b, p + '.opts', {}, async () => {
        await session.publish(p + '.opts', ['excluded'], {}, { acknowledge: true, exclude: [b.id] })
        await session.publish(p + '.opts', ['not eligible'], {}, { acknowledge: true, eligible: [session.id], exclude_me: false })
        await session.publish(p + '.opts', ['eligible'], {}, { acknowledge: true, eligible: [b.id], disclose_me: true })
      })
      expectEqual('event', event.args, ['eligible'])
      expectEqual('publisher', event.details.publisher, session.id)
    }),
    pubsub_pattern: async () => {
      const event = await firstEvent(session, p + '.pat', { match: 'prefix' }, () =>
        session.publish(p + '.pat.a.b', ['x'], {}, { acknowledge: true, exclude_me: false }))
      expectEqual('topic', event.details.topic, p + '.pat.a.b')
    },
    meta_api: async () => {
      const one = async (uri, args) => normalize(await session.call(uri, args)).args[0]
      const sessions = await one('wamp.session.list')
      if (!sessions.includes(session.id)) throw new Error('wamp.session.list ' + describe(sessions) + ' lacks ' + session.id)
      const me = await one('wamp.session.get', [session.id])
      expectEqual('session', me.session, session.id)
      const reg = await one('wamp.registration.lookup', [p + '.echo'])
      if (!Number.isInteger(reg)) throw new Error('wamp.registration.lookup returned ' + describe(reg))
      const callees = await one('wamp.registration.list_callees', [reg])
      expectEqual('callee count', callees.length, 1)
      expectEqual('count_callees', await one('wamp.registration.count_callees', [reg]), 1)
      const prefixReg = await one('wamp.registration.lookup', [p + '.prefix', { match: 'prefix' }])
      expectEqual('match', await one('wamp.registration.match', [p + '.prefix.any']), prefixReg)
      const sub = await one('wamp.subscription.lookup', [p + '.ping'])
      if (!Number.isInteger(sub)) throw new Error('wamp.subscription.lookup returned ' + describe(sub))
    },
    meta_events: async () => {
      let joinedId
      const event = await firstEvent(session, 'wamp.session.on_join', {}, () =>
        withSessions(1, async ([c]) => { joinedId = c.id }))
      expectEqual('joined session', event.args[0].session, joinedId)
    },
    invalid_uri: async () => {
      const err = await expectError(session.call(p + '.not a uri'))
      expectEqual('error uri', err.error, 'wamp.error.invalid_uri')
      expectEqual('echo after', normalize(await session.call(p + '.echo', ['after'])).args, ['after'])
    }
  }
}

// Features not every router has (run only by name with --only): event retention, and the event
// history of the wildcard topic <first part of the prefix>..hist (wamp.subscription.get_events).
function routerFeatureChecks (config, session) {
  const p = config.prefix
  return {
    event_retention: async () => {
      const topic = p + '.retained'
      await session.publish(topic, ['older'], {}, { acknowledge: true, retain: true })
      await session.publish(topic, ['kept'], {}, { acknowledge: true, retain: true })
      const helper = await connect(config)
      try {
        let received
        const got = new Promise((resolve) => { received = resolve })
        await helper.session.subscribe(topic, (args, kwargs, details) => received({ args, details }), { get_retained: true })
        const event = await withTimeout(got, config.timeout, 'waiting for the retained event')
        expectEqual('retained event', event.args, ['kept'])
        expectEqual('retained flag', event.details.retained, true)
      } finally {
        try { helper.connection.close() } catch (e) { /* already closed */ }
      }
    },
    event_history: async () => {
      const pattern = p.substring(0, p.lastIndexOf('.')) + '..hist'
      const sub = await session.subscribe(pattern, () => {}, { match: 'wildcard' })
      try {
        for (let i = 0; i < 3; i++) await session.publish(p + '.hist', [i], {}, { acknowledge: true })
        const events = normalize(await session.call('wamp.subscription.get_events', [sub.id, 3])).args[0]
        const mine = events.filter((e) => e.topic === p + '.hist').map((e) => e.args)
        expectEqual('events, newest first', mine, [[2], [1], [0]])
      } finally {
        await session.unsubscribe(sub)
      }
    }
  }
}

async function main () {
  const config = parseConfig(process.argv.slice(2))
  let connected
  try {
    connected = await connect(config)
  } catch (err) {
    console.log('FAIL connect: ' + err.message)
    process.exit(2)
  }
  const { connection, session, details } = connected
  let lost = null
  connection.onlost = (reason) => { lost = reason }
  let all
  if (config.suite === 'sample') {
    all = Object.assign({ join: checks(config, session, details).join }, sampleChecks(config, session, details))
  } else if (config.suite === 'interop') {
    all = checks(config, session, details)
    const extended = extendedChecks(config, session)
    for (const [name, check] of Object.entries(extended)) {
      if (config.extended || config.only.includes(name)) all[name] = check
    }
    for (const [name, check] of Object.entries(routerFeatureChecks(config, session))) {
      if (config.only.includes(name)) all[name] = check
    }
  } else {
    throw new Error('unknown suite ' + config.suite + ' (interop, sample)')
  }
  for (const name of config.only) {
    if (!(name in all)) throw new Error('unknown check ' + name + ' (known: ' + Object.keys(all).join(', ') + ')')
  }
  let passed = 0; let failed = 0; let skipped = 0
  for (const [name, check] of Object.entries(all)) {
    if ((config.only.length && !config.only.includes(name)) || config.skip.includes(name)) {
      console.log('SKIP ' + name)
      skipped++
      continue
    }
    try {
      if (lost !== null) throw new Error('session lost: ' + lost)
      await withTimeout(Promise.resolve().then(check), config.timeout, '')
      console.log('PASS ' + name)
      passed++
    } catch (err) {
      const reason = err instanceof autobahn.Error ? err.error + ' ' + describe(err.args) + ' ' + describe(err.kwargs) : (err && err.message) || describe(err)
      console.log('FAIL ' + name + ': ' + reason)
      failed++
    }
  }
  console.log('SUMMARY passed=' + passed + ' failed=' + failed + ' skipped=' + skipped)
  try { connection.close() } catch (e) { /* already closed */ }
  process.exit(failed ? 1 : 0)
}

main().catch((err) => {
  console.log('FAIL caller: ' + (err && err.message ? err.message : describe(err)))
  process.exit(2)
})
