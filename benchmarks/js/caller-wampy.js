// wampy as a caller: wampy.call('bench.echo', ['hello', 42]) with --in-flight calls in flight, over the ws
// package (wampy's own dependency). Options: see load.js, plus --procedure (default bench.echo).
'use strict'

const path = require('path')
const { parseOptions, closedLoop, version, main } = require('./load')
const { Wampy } = require('wampy')
const WebSocket = require('ws')

function serializer (name) {
  switch (name) {
    case 'json': return new (require('wampy/JsonSerializer.js').JsonSerializer)()
    case 'msgpack': return new (require('wampy/MsgpackSerializer.js').MsgpackSerializer)()
    case 'cbor': return new (require('wampy/CborSerializer.js').CborSerializer)()
    default: throw new Error('unknown serializer ' + name)
  }
}

main(async () => {
  const options = parseOptions(process.argv.slice(2))
  const procedure = options.extra.procedure || 'bench.echo'
  console.log('VERSION ' + version('wampy', path.join(__dirname, '..')))
  const wampy = new Wampy(options.url, { realm: options.realm, ws: WebSocket, serializer: serializer(options.serializer), autoReconnect: false })
  await wampy.connect()
  const args = ['hello', 42]
  await closedLoop(options, (done) => wampy.call(procedure, args).then(() => done(null), (err) => done(err || new Error('call failed'))))
  await wampy.disconnect()
})
