// The closed loop shared by the Node.js load processes; the same options and RESULT line as the
// JVM's ClosedLoop (benchmarks/probe) and py/caller.py:
//   --url --realm --serializer --in-flight --warmup-ms --measure-ms --watch pid,pid  and free --name value pairs.
// It keeps `inFlight` operations going (a new one for every one that completes), warms up, measures for
// `measureMs`, and prints one line RESULT {...}: operations in the window, p50/p99 latency, CPU ticks of this
// process and of the watched ones over the window (/proc/<pid>/stat), and peak RSS (/proc/self/status VmHWM).
'use strict'

const fs = require('fs')
const path = require('path')

// Autobahn|JS and ws come from the interop suite's install (interop/package.json): one copy, one version.
const INTEROP = path.join(__dirname, '..', '..', 'interop')

function parseOptions (argv) {
  const values = {}
  for (let i = 0; i < argv.length; i += 2) {
    if (!argv[i].startsWith('--') || i + 1 >= argv.length) throw new Error('expected --name value pairs, got ' + argv[i])
    values[argv[i].substring(2)] = argv[i + 1]
  }
  if (!values.url) throw new Error('--url is required')
  return {
    url: values.url,
    realm: values.realm || 'bench',
    serializer: values.serializer || 'json',
    inFlight: parseInt(values['in-flight'] || '1', 10),
    warmupMs: parseInt(values['warmup-ms'] || '2000', 10),
    measureMs: parseInt(values['measure-ms'] || '3000', 10),
    watch: (values.watch || '').split(',').map((s) => s.trim()).filter(Boolean),
    extra: values
  }
}

function cpuTicks (pid) {
  const stat = fs.readFileSync('/proc/' + pid + '/stat', 'latin1')
  const fields = stat.substring(stat.lastIndexOf(')') + 2).trim().split(' ')
  return parseInt(fields[11], 10) + parseInt(fields[12], 10)
}

function peakRssKb () {
  const line = fs.readFileSync('/proc/self/status', 'latin1').split('\n').find((l) => l.startsWith('VmHWM:'))
  return line ? parseInt(line.substring(6), 10) : -1
}

function percentile (sorted, q) {
  if (sorted.length === 0) return -1
  return 1000 * sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]
}

// Runs the loop. `start(done)` starts one operation and calls done(error) once. `count` (optional) reads a
// completion counter kept by the caller instead (pub/sub counts events, not operations). Resolves when done.
function closedLoop (options, start, count) {
  const samples = new Float64Array(4000000)
  let recorded = 0
  let completed = 0
  let failed = 0
  let firstError = null
  let measuring = false
  let stopping = false
  let active = 0
  return new Promise((resolve, reject) => {
    const next = () => {
      if (stopping) return
      active++
      const t0 = performance.now()
      start((error) => {
        active--
        if (error) {
          failed++
          if (!firstError) firstError = error
        } else {
          if (measuring && recorded < samples.length) samples[recorded++] = performance.now() - t0
          completed++
        }
        next()
      })
    }
    for (let i = 0; i < options.inFlight; i++) next()
    const counter = count || (() => completed)
    setTimeout(() => {
      if (counter() === 0 && firstError) return reject(new Error('every operation failed; the first: ' + describe(firstError)))
      const watchStart = options.watch.map(cpuTicks)
      const selfStart = cpuTicks('self')
      const t0 = performance.now()
      const before = counter()
      recorded = 0
      measuring = true
      setTimeout(() => {
        measuring = false
        const ops = counter() - before
        const seconds = (performance.now() - t0) / 1000
        const selfTicks = cpuTicks('self') - selfStart
        const watchTicks = {}
        options.watch.forEach((pid, i) => { watchTicks[pid] = cpuTicks(pid) - watchStart[i] })
        stopping = true
        const sorted = samples.subarray(0, recorded).sort()
        const result = {
          ops,
          failed,
          seconds,
          p50us: percentile(sorted, 0.5),
          p99us: percentile(sorted, 0.99),
          cpuTicks: selfTicks,
          watchTicks,
          peakRssKb: peakRssKb(),
          allocBytes: -1
        }
        // let the operations in flight finish (bounded), so that the peer sees a clean end
        const deadline = Date.now() + 5000
        const drained = () => {
          if (active === 0 || Date.now() > deadline) {
            console.log('RESULT ' + JSON.stringify(result))
            resolve(result)
          } else setTimeout(drained, 10)
        }
        drained()
      }, options.measureMs)
    }, options.warmupMs)
  })
}

function version (pkg, dir) {
  return JSON.parse(fs.readFileSync(path.join(dir, 'node_modules', pkg, 'package.json'), 'utf8')).version
}

// An Error's message, or an Autobahn|JS error object ({error, args, kwargs}) as JSON.
function describe (err) {
  if (err && err.message) return err.message
  try { return JSON.stringify(err) } catch (e) { return String(err) }
}

// Failures end the process with one line and exit code 2, never a bare stack trace.
function main (fn) {
  process.on('uncaughtException', (err) => { console.log('FAIL uncaught exception: ' + (err && err.stack ? err.stack.split('\n').slice(0, 3).join(' | ') : err)); process.exit(2) })
  fn().then(() => process.exit(0), (err) => { console.log('FAIL ' + describe(err)); process.exit(2) })
}

module.exports = { INTEROP, parseOptions, closedLoop, version, main }
