"""Autobahn|Python (asyncio) as a caller: session.call('bench.echo', 'hello', 42) with --in-flight calls in
flight. The same options and RESULT line as benchmarks/js/load.js and the JVM's ClosedLoop:
--url --realm --serializer --in-flight --warmup-ms --measure-ms --watch, plus --procedure.

Connecting reuses the interop suite's common.py (its Autobahn|Python 22.7.1 shims included).
"""

import asyncio
import json
import os
import sys
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..', 'interop', 'autobahn-py'))

import autobahn  # noqa: E402
from common import connect, fail_fast, out, parse_config  # noqa: E402


def cpu_ticks(pid):
    with open('/proc/%s/stat' % pid) as f:
        stat = f.read()
    fields = stat[stat.rindex(')') + 2:].split()
    return int(fields[11]) + int(fields[12])


def peak_rss_kb():
    with open('/proc/self/status') as f:
        for line in f:
            if line.startswith('VmHWM:'):
                return int(line.split()[1])
    return -1


def parse(argv):
    values = {}
    for i in range(0, len(argv), 2):
        if not argv[i].startswith('--') or i + 1 >= len(argv):
            raise ValueError('expected --name value pairs, got %s' % argv[i])
        values[argv[i][2:]] = argv[i + 1]
    return values


async def main():
    values = parse(sys.argv[1:])
    in_flight = int(values.get('in-flight', '1'))
    warmup = int(values.get('warmup-ms', '2000')) / 1000.0
    measure = int(values.get('measure-ms', '3000')) / 1000.0
    watch = [p for p in values.get('watch', '').split(',') if p.strip()]
    procedure = values.get('procedure', 'bench.echo')
    config = parse_config(['--url', values['url'], '--realm', values.get('realm', 'bench'),
                           '--serializer', values.get('serializer', 'json'), '--timeout', '10000'])
    out('VERSION ' + autobahn.__version__)
    try:
        session, _ = await connect(config)
    except Exception as e:
        fail_fast('FAIL connect: %s' % e)

    state = {'measuring': False, 'stopping': False, 'completed': 0, 'failed': 0, 'error': None}
    samples = []

    async def worker():
        while not state['stopping']:
            t0 = time.perf_counter_ns()
            try:
                await session.call(procedure, 'hello', 42)
            except Exception as e:  # counted, the loop goes on
                state['failed'] += 1
                state['error'] = state['error'] or e
                continue
            if state['measuring']:
                samples.append(time.perf_counter_ns() - t0)
            state['completed'] += 1

    workers = [asyncio.ensure_future(worker()) for _ in range(in_flight)]
    await asyncio.sleep(warmup)
    if state['completed'] == 0 and state['error'] is not None:
        fail_fast('FAIL every call failed; the first: %s' % state['error'])
    watch_start = [cpu_ticks(p) for p in watch]
    self_start = cpu_ticks('self')
    t0 = time.perf_counter()
    before = state['completed']
    samples.clear()
    state['measuring'] = True
    await asyncio.sleep(measure)
    state['measuring'] = False
    ops = state['completed'] - before
    seconds = time.perf_counter() - t0
    self_ticks = cpu_ticks('self') - self_start
    watch_ticks = {p: cpu_ticks(p) - s for p, s in zip(watch, watch_start)}
    state['stopping'] = True
    await asyncio.wait(workers, timeout=10)
    samples.sort()

    def pct(q):
        return samples[min(len(samples) - 1, int(q * len(samples)))] / 1000.0 if samples else -1

    out('RESULT ' + json.dumps({'ops': ops, 'failed': state['failed'], 'seconds': seconds, 'p50us': pct(0.5),
                                'p99us': pct(0.99), 'cpuTicks': self_ticks, 'watchTicks': watch_ticks,
                                'peakRssKb': peak_rss_kb(), 'allocBytes': -1}))
    session.leave()
    await asyncio.sleep(0.1)


if __name__ == '__main__':
    asyncio.get_event_loop().run_until_complete(main())
