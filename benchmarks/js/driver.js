// The load driver of the router benchmarks: Autobahn|JS (not ours) in one Node.js process, so that every
// router meets the same client code. Options: see load.js, plus
//   --mode rpc       a callee session registers --procedure (default bench.rpc) (answers with the same arguments) and a caller session
//                    keeps --in-flight calls going; ops = calls
//   --mode pubsub    --subscribers N sessions subscribe bench.topic, a publisher session publishes ['hello', 42]
//                    and keeps at most --in-flight publications not yet received by every subscriber; ops = events
//                    received
//   --mode echo      no WAMP session: a WebSocket with the serializer's subprotocol sends the CALL Autobahn|JS
//                    would send, serialized by Autobahn|JS's serializer, and waits for the same frame back (the
//                    physical reference against a plain echo server); ops = round trips
// --watch <router pid> reports the router's CPU over the same window.
'use strict'

const { parseOptions, closedLoop, main } = require('./load')
const { autobahn, connect } = require('./autobahn')

async function rpc (options) {
  const procedure = options.extra.procedure || 'bench.rpc'
  const callee = await connect(options)
  await callee.register(procedure, (args, kwargs) => new autobahn.Result(args, kwargs))
  const caller = await connect(options)
  const args = ['hello', 42]
  await closedLoop(options, (done) => caller.call(procedure, args).then(() => done(null), (err) => done(err || new Error('call failed'))))
}

async function pubsub (options) {
  const subscribers = parseInt(options.extra.subscribers || '1', 10)
  let received = 0
  let published = 0
  const publisher = await connect(options)
  const args = ['hello', 42]
  const window = options.inFlight * subscribers
  const pump = () => {
    while (published * subscribers - received < window) {
      publisher.publish('bench.topic', args)
      published++
    }
  }
  for (let i = 0; i < subscribers; i++) {
    const session = await connect(options)
    await session.subscribe('bench.topic', () => { received++; pump() })
  }
  // a pub/sub loop has no operation to wait for: the counter of received events drives the window
  const options0 = Object.assign({}, options, { inFlight: 0 })
  pump()
  await closedLoop(options0, null, () => received)
}

function echo (options) {
  const WebSocket = globalThis.WebSocket // ws, installed by the interop common.js when Node.js has none
  const serializer = options.serializer === 'msgpack' ? new autobahn.serializer.MsgpackSerializer() : new autobahn.serializer.JSONSerializer()
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(options.url, ['wamp.2.' + options.serializer])
    socket.binaryType = 'arraybuffer'
    const pending = new Map()
    let nextId = 1
    socket.onerror = (err) => reject(new Error('echo socket: ' + (err.message || err)))
    socket.onmessage = (event) => {
      const message = serializer.unserialize(event.data)
      const done = pending.get(message[1])
      pending.delete(message[1])
      if (done) done(null)
    }
    socket.onopen = () => {
      const args = ['hello', 42]
      closedLoop(options, (done) => {
        const id = nextId++
        pending.set(id, done)
        socket.send(serializer.serialize([48, id, {}, 'bench.echo', args]))
      }).then(() => { socket.close(); resolve() }, reject)
    }
  })
}

main(async () => {
  const options = parseOptions(process.argv.slice(2))
  const mode = options.extra.mode || 'rpc'
  if (mode === 'rpc') await rpc(options)
  else if (mode === 'pubsub') await pubsub(options)
  else if (mode === 'echo') await echo(options)
  else throw new Error('--mode is rpc, pubsub or echo, not ' + mode)
})
