"""Autobahn|Python caller: runs the interop checks against the test procedures of a callee, or with
--suite sample against the sample app's com.example.* procedures.

Prints one line per check, "PASS <name>", "FAIL <name>: <reason>" or "SKIP <name>", then
"SUMMARY passed=N failed=N skipped=N". Exit code 0 when nothing failed, 1 when a check failed,
2 when it could not connect. Options: see common.py; --only and --skip take check names.
"""

import asyncio
import json
import random
import sys

from common import connect, describe, fail_fast, out, parse_config

from autobahn.wamp.exception import ApplicationError
from autobahn.wamp.types import CallOptions, CallResult, PublishOptions, RegisterOptions, SubscribeOptions


def normalize(res):
    """Autobahn|Python call result as (args, kwargs)."""
    if isinstance(res, CallResult):
        return list(res.results), dict(res.kwresults)
    if res is None:
        return [], {}
    return [res], {}


def plain(value):
    return json.loads(json.dumps(value, sort_keys=True))


def expect_equal(what, actual, expected):
    if json.dumps(plain(actual), sort_keys=True) != json.dumps(plain(expected), sort_keys=True):
        raise AssertionError('%s was %s, expected %s' % (what, describe(actual), describe(expected)))


async def expect_error(awaitable):
    try:
        res = await awaitable
    except ApplicationError as e:
        return e
    raise AssertionError('expected an error, got result %s' % describe(normalize(res)))


def make_checks(config, session, details):
    p = config.prefix

    async def echo(args, kwargs, expected_args=None, expected_kwargs=None):
        res = await session.call(p + '.echo', *args, **kwargs)
        got_args, got_kwargs = normalize(res)
        expect_equal('args', got_args, args if expected_args is None else expected_args)
        expect_equal('kwargs', got_kwargs, kwargs if expected_kwargs is None else expected_kwargs)

    async def join():
        method = config.authmethod or 'anonymous'
        expect_equal('authmethod', details.authmethod, method)
        if config.authid:
            expect_equal('authid', details.authid, config.authid)
        if config.expect_authrole:
            expect_equal('authrole', details.authrole, config.expect_authrole)

    async def echo_no_args():
        # Autobahn|Python turns a RESULT without args into None, the same as a single None.
        res = await session.call(p + '.echo')
        expect_equal('result', normalize(res), ([], {}))

    async def add2():
        expect_equal('result', normalize(await session.call(p + '.add2', 2, 3))[0], [5])

    async def progressive():
        progress = []
        res = await session.call(p + '.countdown', 3, options=CallOptions(on_progress=lambda i: progress.append(i)))
        expect_equal('progressive results', progress, [3, 2, 1])
        expect_equal('final result', normalize(res)[0], [0])

    async def error_any():
        await expect_error(session.call(p + '.error'))

    async def error_uri():
        e = await expect_error(session.call(p + '.error'))
        expect_equal('error uri', e.error, 'interop.error.custom')
        expect_equal('error args', list(e.args), ['boom'])
        expect_equal('error kwargs', e.kwargs, {'detail': 42})

    async def no_such_procedure():
        e = await expect_error(session.call(p + '.does_not_exist'))
        expect_equal('error uri', e.error, 'wamp.error.no_such_procedure')

    async def pubsub_relay():
        got = asyncio.get_event_loop().create_future()
        sub = await session.subscribe(lambda *a, **kw: got.done() or got.set_result((list(a), kw)), p + '.pong')
        try:
            await session.publish(p + '.ping', 'hi', 7, k='v', options=PublishOptions(acknowledge=True))
            args, kwargs = await asyncio.wait_for(got, config.timeout)
            expect_equal('event args', args, ['hi', 7])
            expect_equal('event kwargs', kwargs, {'k': 'v'})
        finally:
            await sub.unsubscribe()

    async def exclude_me():
        # The first event seen must be the one published with exclude_me=False (see caller.js).
        got = asyncio.get_event_loop().create_future()
        sub = await session.subscribe(lambda *a: got.done() or got.set_result(list(a)), p + '.self')
        try:
            await session.publish(p + '.self', 'excluded', options=PublishOptions(acknowledge=True))
            await session.publish(p + '.self', 'included', options=PublishOptions(acknowledge=True, exclude_me=False))
            expect_equal('first event', await asyncio.wait_for(got, config.timeout), ['included'])
        finally:
            await sub.unsubscribe()

    async def disclose_caller():
        # Autobahn|Python 22 has no disclose_me call option: this passes when the callee's
        # registration asked for disclose_caller (the Autobahn|JS callee does) or the router
        # discloses callers anyway.
        res = normalize(await session.call(p + '.whoami'))[0]
        expect_equal('disclosed caller', res[0]['caller'], details.session)

    async def pattern_prefix():
        expect_equal('procedure', normalize(await session.call(p + '.prefix.sub.x'))[0], [p + '.prefix.sub.x'])

    async def meta_session_count():
        count = normalize(await session.call('wamp.session.count'))[0][0]
        if not isinstance(count, int) or count < 1:
            raise AssertionError('wamp.session.count returned %s' % describe(count))

    async def cancel():
        # Autobahn|Python cancels locally and sends CANCEL (mode omitted, so "skip" by default);
        # the session must stay usable, also when the late RESULT/ERROR arrives.
        call = asyncio.ensure_future(session.call(p + '.slow', 300))
        await asyncio.sleep(0.1)
        call.cancel()
        try:
            await call
            raise AssertionError('the call completed although it was cancelled')
        except asyncio.CancelledError:
            pass
        await asyncio.sleep(0.4)  # let a late answer for the cancelled call arrive
        expect_equal('echo after cancel', normalize(await session.call(p + '.echo', 'after'))[0], ['after'])

    checks = {
        'join': join,
        'echo_args': lambda: echo(['hello', 42, True, 1.5, None, -7, 9007199254740991], {}),
        'echo_kwargs': lambda: echo([1], {'a': 'x', 'b': {'c': [1, 2]}, 'd': None}),
        'echo_unicode': lambda: echo(['héllo wörld ✓ 日本語 🚀'], {}),
        'echo_single_list': lambda: echo([[1, 2, 3]], {}),
        'echo_no_args': echo_no_args,
        'add2': add2,
        'progressive': progressive,
        'error_any': error_any,
        'error_uri': error_uri,
        'no_such_procedure': no_such_procedure,
        'pubsub_relay': pubsub_relay,
        'exclude_me': exclude_me,
        'disclose_caller': disclose_caller,
        'pattern_prefix': pattern_prefix,
        'meta_session_count': meta_session_count,
        'cancel': cancel,
    }
    extended = make_extended_checks(config, session)
    for name, check in extended.items():
        if config.extended or name in config.only:
            checks[name] = check
    for name, check in make_router_feature_checks(config, session).items():
        if name in config.only:
            checks[name] = check
    return checks


def make_router_feature_checks(config, session):
    """Features not every router has (run only by name with --only): event retention, and the
    event history of the wildcard topic <first part of the prefix>..hist (wamp.subscription.get_events)."""
    p = config.prefix

    async def event_retention():
        topic = p + '.retained'
        await session.publish(topic, 'older', options=PublishOptions(acknowledge=True, retain=True))
        await session.publish(topic, 'kept', options=PublishOptions(acknowledge=True, retain=True))
        helper, _details = await connect(config)
        try:
            got = asyncio.get_event_loop().create_future()

            def on_event(*args, details=None, **kwargs):
                if not got.done():
                    got.set_result((list(args), details))
            await helper.subscribe(on_event, topic, SubscribeOptions(details_arg='details', get_retained=True))
            args, details = await asyncio.wait_for(got, config.timeout)
            expect_equal('retained event', args, ['kept'])
            expect_equal('retained flag', details.retained, True)
        finally:
            helper.leave()

    async def event_history():
        pattern = p.rsplit('.', 1)[0] + '..hist'
        sub = await session.subscribe(lambda *a, **kw: None, pattern, SubscribeOptions(match='wildcard'))
        try:
            for i in range(3):
                await session.publish(p + '.hist', i, options=PublishOptions(acknowledge=True))
            res = normalize(await session.call('wamp.subscription.get_events', sub.id, 3))[0][0]
            mine = [event['args'] for event in res if event['topic'] == p + '.hist']
            expect_equal('events, newest first', mine, [[2], [1], [0]])
        finally:
            await sub.unsubscribe()

    return {'event_retention': event_retention, 'event_history': event_history}


def make_sample_checks(config, session, details):
    """The sample app's procedures (sample-app/README.md), for --suite sample. What depends on the
    user comes from WELCOME's authrole: only "backend" may publish, and "anonymous" may call nothing
    outside com.example."""
    p = 'com.example.'
    args = ['hello', 42, True, 1.5, None, -7, 9007199254740991, {'k': 'v'}, [1, 2]]
    kwargs = {'a': 'x', 'b': {'c': [1, 2]}, 'd': None, 'é': '✓'}

    async def call(name, *a, **kw):
        return normalize(await session.call(p + name, *a, **kw))

    def error_check(name, *uris):
        async def check():
            e = await expect_error(session.call(p + name))
            if e.error not in uris:
                raise AssertionError('error uri was %s, expected %s' % (e.error, ' or '.join(uris)))
            if not e.args or not isinstance(e.args[0], str):
                raise AssertionError('error args %s lack a message' % describe(list(e.args)))
            return e
        return check

    def cancel_check(name, n, after_first_progress):
        # Autobahn|Python cancels locally and sends CANCEL (no mode); the session must stay
        # usable, also when the router's answer for the cancelled call arrives later.
        async def check():
            loop = asyncio.get_event_loop()
            progress = []
            holder = {}

            def on_progress(i):
                progress.append(i)
                if after_first_progress and len(progress) == 1:
                    loop.call_soon(holder['call'].cancel)
            holder['call'] = asyncio.ensure_future(session.call(p + name, n, options=CallOptions(on_progress=on_progress)))
            if not after_first_progress:
                loop.call_later(0.1, holder['call'].cancel)
            try:
                res = await holder['call']
                raise AssertionError('the call completed although it was cancelled: %s' % describe(normalize(res)))
            except asyncio.CancelledError:
                pass
            if after_first_progress and not (1 <= len(progress) < n):
                raise AssertionError('progressive results before the cancel: %s' % describe(progress))
            await asyncio.sleep(0.3)  # let the router's answer for the cancelled call arrive
            expect_equal('echo after cancel', (await call('echo', 'after'))[0], ['after'])
        return check

    async def add2():
        a = random.randint(1000, 1001000)  # a sum nobody else publishes, so that the event is ours
        got = asyncio.get_event_loop().create_future()
        sub = await session.subscribe(lambda *e: got.done() or e[:1] != (a + 3,) or got.set_result(list(e)),
                                      p + 'onadd')
        try:
            expect_equal('result', (await call('add2', a, 3))[0], [a + 3])
            expect_equal('event on com.example.onadd', await asyncio.wait_for(got, config.timeout), [a + 3])
        finally:
            await sub.unsubscribe()

    async def echo(name):
        got_args, got_kwargs = await call(name, *args, **kwargs)
        expect_equal('args', got_args, args)
        expect_equal('kwargs', got_kwargs, kwargs)

    async def multiple():
        expect_equal('result', await call('multiple'), ([1, 'two', 3.5], {'count': 3, 'kind': 'multiple'}))

    async def countdown():
        progress = []
        res = await session.call(p + 'countdown', 3, options=CallOptions(on_progress=lambda i: progress.append(i)))
        expect_equal('progressive results', progress, [3, 2, 1])
        expect_equal('final result', normalize(res)[0], [0])

    async def slow():
        expect_equal('result', (await call('slow', 150))[0], [150])

    async def service_error():
        e = await error_check('service_error', 'com.example.error.service')()
        expect_equal('error kwargs', e.kwargs, {'retryable': False})

    async def whoami():
        me = (await call('whoami'))[0][0]
        expect_equal('whoami', me, {'session': session._session_id, 'authid': details.authid,
                                    'authrole': details.authrole})

    async def publish():
        # The sample counts com.example.onhello events; the harness checks its meter.
        publication = session.publish(p + 'onhello', 'hello from Autobahn|Python', **{
            'from': 'autobahn-py', 'options': PublishOptions(acknowledge=True)})
        if details.authrole == 'backend':
            await publication
        else:
            expect_equal('error uri', (await expect_error(publication)).error, 'wamp.error.not_authorized')

    async def role():
        # Outside com.example. only frontend and backend may call.
        count = session.call('wamp.session.count')
        if details.authrole == 'anonymous':
            expect_equal('error uri', (await expect_error(count)).error, 'wamp.error.not_authorized')
        else:
            await count

    return {
        'sample_add2': add2,
        'sample_echo': lambda: echo('echo'),
        'sample_multiple': multiple,
        'sample_circular': lambda: echo('circular'),
        'sample_countdown': countdown,
        'sample_slow': slow,
        'sample_cancel_slow': cancel_check('slow', 3000, False),
        'sample_cancel_countdown': cancel_check('countdown', 50, True),
        'sample_validation_error': error_check('validation_error', 'wamp.error.invalid_argument'),
        'sample_notfound_error': error_check('notfound_error', 'com.example.error.not_found'),
        'sample_authorization_error': error_check('authorization_error', 'wamp.error.not_authorized'),
        'sample_service_error': service_error,
        'sample_unknown_error': error_check('unknown_error', 'wamp.error.runtime_error'),
        'sample_timeout': error_check('timeout', 'wamp.error.timeout', 'wamp.error.canceled'),
        'sample_whoami': whoami,
        'sample_publish': publish,
        'sample_role': role,
    }


def make_extended_checks(config, session):
    """Advanced Profile checks (--extended 1, or by name with --only); extra sessions are helpers."""
    p = config.prefix

    async def with_sessions(n, body):
        opened = []
        try:
            for _ in range(n):
                helper, _details = await connect(config)
                opened.append(helper)
            return await body(*opened)
        finally:
            for helper in opened:
                if not helper.lost.done():
                    helper.leave()

    async def first_event(s, topic, options, action):
        got = asyncio.get_event_loop().create_future()

        def on_event(*args, details=None, **kwargs):
            if not got.done():
                got.set_result((list(args), details))
        sub = await s.subscribe(on_event, topic, SubscribeOptions(details_arg='details', **options))
        try:
            await action()
            return await asyncio.wait_for(got, config.timeout)
        finally:
            await sub.unsubscribe()

    async def shared_registration():
        async def body(a, b):
            for helper in (a, b):
                await helper.register(lambda h=helper: h._session_id, p + '.shared', RegisterOptions(invoke='roundrobin'))
            seen = [normalize(await session.call(p + '.shared'))[0][0] for _ in range(4)]
            expect_equal('callees in turn', seen, [a._session_id, b._session_id, a._session_id, b._session_id])
        await with_sessions(2, body)

    async def pattern_wildcard():
        async def body(a):
            await a.register(lambda details=None: details.procedure, p + '..wild',
                             RegisterOptions(match='wildcard', details_arg='details'))
            expect_equal('procedure', normalize(await session.call(p + '.x.wild'))[0], [p + '.x.wild'])
        await with_sessions(1, body)

    async def pubsub_options():
        async def body(b):
            me = session._session_id

            async def publish():
                await session.publish(p + '.opts', 'excluded', options=PublishOptions(acknowledge=True, exclude=[b._session_id]))
                await session.publish(p + '.opts', 'not eligible',
                                      options=PublishOptions(acknowledge=True, eligible=[me], exclude_me=False))
                # Autobahn|Python 22 has no disclose_me publish option (Autobahn|JS checks disclosure).
                await session.publish(p + '.opts', 'eligible',
                                      options=PublishOptions(acknowledge=True, eligible=[b._session_id]))
            args, _details = await first_event(b, p + '.opts', {}, publish)
            expect_equal('event', args, ['eligible'])
        await with_sessions(1, body)

    async def pubsub_pattern():
        async def publish():
            await session.publish(p + '.pat.a.b', 'x', options=PublishOptions(acknowledge=True, exclude_me=False))
        _args, details = await first_event(session, p + '.pat', {'match': 'prefix'}, publish)
        expect_equal('topic', details.topic, p + '.pat.a.b')

    async def meta_api():
        async def one(uri, *args):
            return normalize(await session.call(uri, *args))[0][0]
        me = session._session_id
        sessions = await one('wamp.session.list')
        if me not in sessions:
            raise AssertionError('wamp.session.list %s lacks %s' % (describe(sessions), me))
        expect_equal('session', (await one('wamp.session.get', me))['session'], me)
        reg = await one('wamp.registration.lookup', p + '.echo')
        if not isinstance(reg, int):
            raise AssertionError('wamp.registration.lookup returned %s' % describe(reg))
        expect_equal('callee count', len(await one('wamp.registration.list_callees', reg)), 1)
        expect_equal('count_callees', await one('wamp.registration.count_callees', reg), 1)
        prefix_reg = await one('wamp.registration.lookup', p + '.prefix', {'match': 'prefix'})
        expect_equal('match', await one('wamp.registration.match', p + '.prefix.any'), prefix_reg)
        sub = await one('wamp.subscription.lookup', p + '.ping')
        if not isinstance(sub, int):
            raise AssertionError('wamp.subscription.lookup returned %s' % describe(sub))

    async def meta_events():
        joined = []

        async def open_one():
            async def body(c):
                joined.append(c._session_id)
            await with_sessions(1, body)
        args, _details = await first_event(session, 'wamp.session.on_join', {}, open_one)
        expect_equal('joined session', args[0]['session'], joined[0])

    async def revocation():
        # The router revokes a helper's registration (wamp.registration.remove, our router's
        # extension): Autobahn|Python announces registration_revocation and must accept the
        # UNREGISTERED with request 0 (its reason must be a URI for Autobahn|Python 22).
        async def body(helper):
            reg = await helper.register(lambda: 'revocable', p + '.revocable')
            await session.call('wamp.registration.remove', reg.id, 'wamp.error.interop_revoked')
            me = normalize(await helper.call('wamp.session.get', helper._session_id))[0][0]
            expect_equal('helper still joined', me['session'], helper._session_id)
            try:
                await session.call(p + '.revocable')
            except ApplicationError as e:
                expect_equal('error', e.error, 'wamp.error.no_such_procedure')
            else:
                raise AssertionError('the revoked procedure still answered')
        await with_sessions(1, body)

    async def testament():
        # A helper leaves a testament and leaves; the router publishes it.
        async def leave_with_testament():
            async def body(helper):
                await helper.call('wamp.session.add_testament', p + '.testament', ['gone'], {'who': 'helper'})
            await with_sessions(1, body)
        args, _details = await first_event(session, p + '.testament', {}, leave_with_testament)
        expect_equal('testament', args, ['gone'])

    return {
        'revocation': revocation,
        'testament': testament,
        'shared_registration': shared_registration,
        'pattern_wildcard': pattern_wildcard,
        'pubsub_options': pubsub_options,
        'pubsub_pattern': pubsub_pattern,
        'meta_api': meta_api,
        'meta_events': meta_events,
    }


async def main():
    config = parse_config(sys.argv[1:])
    try:
        session, details = await connect(config)
    except Exception as e:
        fail_fast('FAIL connect: %s' % e)
    if config.suite == 'sample':
        checks = {'join': make_checks(config, session, details)['join']}
        checks.update(make_sample_checks(config, session, details))
    elif config.suite == 'interop':
        checks = make_checks(config, session, details)
    else:
        fail_fast('FAIL caller: unknown suite %s (interop, sample)' % config.suite)
    unknown = [name for name in config.only if name not in checks]
    if unknown:
        fail_fast('FAIL caller: unknown checks %s (known: %s)' % (', '.join(unknown), ', '.join(checks)))
    passed = failed = skipped = 0
    for name, check in checks.items():
        if (config.only and name not in config.only) or name in config.skip:
            out('SKIP %s' % name)
            skipped += 1
            continue
        try:
            if session.lost.done():
                raise AssertionError('session lost: %s' % session.lost.result())
            await asyncio.wait_for(check(), config.timeout)
            out('PASS %s' % name)
            passed += 1
        except ApplicationError as e:
            out('FAIL %s: %s %s %s' % (name, e.error, describe(list(e.args)), describe(e.kwargs)))
            failed += 1
        except asyncio.TimeoutError:
            out('FAIL %s: timed out after %d ms' % (name, config.timeout * 1000))
            failed += 1
        except Exception as e:
            out('FAIL %s: %s' % (name, e))
            failed += 1
    out('SUMMARY passed=%d failed=%d skipped=%d' % (passed, failed, skipped))
    if not session.lost.done():
        session.leave()
        await asyncio.sleep(0.1)
    sys.exit(1 if failed else 0)


if __name__ == '__main__':
    asyncio.run(main())
