"""Autobahn|Python callee: registers the interop test procedures and stays until killed.

Options: see common.py. Prints "READY callee session=<id> ..." when everything is registered;
the procedures are described in ../README.md.
"""

import asyncio
import signal
import sys

from common import connect, describe, fail_fast, out, parse_config

from autobahn.wamp.exception import ApplicationError
from autobahn.wamp.types import CallResult, RegisterOptions


async def main():
    config = parse_config(sys.argv[1:])
    p = config.prefix
    try:
        session, details = await connect(config)
    except Exception as e:
        fail_fast('callee: %s' % e)

    def log(name, args, kwargs):
        out('INVOKE %s %s %s' % (name, describe(list(args)), describe(kwargs)))

    def echo(*args, **kwargs):
        log('echo', args, kwargs)
        return CallResult(*args, **kwargs)

    def add2(a, b):
        log('add2', [a, b], {})
        return a + b

    def countdown(n, details=None):
        # Progressive results n, n-1, ..., 1 (when the caller asked for them), then 0.
        log('countdown', [n], {})
        if details is not None and details.progress:
            for i in range(n, 0, -1):
                details.progress(i)
        return 0

    async def slow(ms):
        # An INTERRUPT cancels this coroutine; Autobahn|Python then answers wamp.error.canceled.
        log('slow', [ms], {})
        try:
            await asyncio.sleep(ms / 1000.0)
        except asyncio.CancelledError:
            out('INTERRUPTED slow')
            raise
        return 'done'

    def error(*args, **kwargs):
        log('error', args, kwargs)
        raise ApplicationError('interop.error.custom', 'boom', detail=42)

    def whoami(details=None):
        log('whoami', [], {})
        return {'caller': details.caller, 'caller_authid': details.caller_authid, 'procedure': details.procedure}

    def prefix(*args, details=None):
        log('prefix', args, {})
        return details.procedure

    def on_ping(*args, **kwargs):
        out('EVENT ping %s %s' % (describe(list(args)), describe(kwargs)))
        session.publish(p + '.pong', *args, **kwargs)

    await session.register(echo, p + '.echo')
    await session.register(add2, p + '.add2')
    await session.register(countdown, p + '.countdown', RegisterOptions(details_arg='details'))
    await session.register(slow, p + '.slow')
    await session.register(error, p + '.error')
    await session.register(whoami, p + '.whoami', RegisterOptions(details_arg='details'))
    await session.register(prefix, p + '.prefix', RegisterOptions(match='prefix', details_arg='details'))
    await session.subscribe(on_ping, p + '.ping')
    out('READY callee session=%s authid=%s authmethod=%s prefix=%s'
        % (details.session, details.authid, details.authmethod, p))

    loop = asyncio.get_event_loop()
    stop = loop.create_future()
    for sig in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(sig, lambda: stop.done() or stop.set_result(None))
    done, _ = await asyncio.wait([stop, session.lost], return_when=asyncio.FIRST_COMPLETED)
    if session.lost in done:
        fail_fast('callee: session lost: %s' % session.lost.result(), 3)
    session.leave()
    await asyncio.sleep(0.1)


if __name__ == '__main__':
    asyncio.run(main())
