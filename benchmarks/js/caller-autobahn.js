// Autobahn|JS as a caller: session.call('bench.echo', ['hello', 42]) with --in-flight calls in flight.
// Options: see load.js, plus --procedure (default bench.echo).
'use strict'

const { INTEROP, parseOptions, closedLoop, version, main } = require('./load')
const { connect } = require('./autobahn')

main(async () => {
  const options = parseOptions(process.argv.slice(2))
  const procedure = options.extra.procedure || 'bench.echo'
  console.log('VERSION ' + version('autobahn', INTEROP))
  const session = await connect(options)
  const args = ['hello', 42]
  await closedLoop(options, (done) => session.call(procedure, args).then(() => done(null), (err) => done(err || new Error('call failed'))))
  session.leave()
})
