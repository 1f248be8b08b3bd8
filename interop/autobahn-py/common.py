"""Shared set-up for the Autobahn|Python peers: command-line/env configuration and connecting.

Run with the system Python (/usr/bin/python3) and Debian's python3-autobahn, python3-msgpack,
python3-cbor2 and python3-nacl. Options (command line first, then environment, then default):

  --url         WAMP_URL         ws://127.0.0.1:8080/ws (WebSocket) or tcp://host:port (RawSocket)
  --realm       WAMP_REALM       realm1
  --serializer  WAMP_SERIALIZER  json | msgpack | cbor
  --authmethod  WAMP_AUTHMETHOD  anonymous | ticket | wampcra | cryptosign | scram
  --authid      WAMP_AUTHID
  --secret      WAMP_SECRET      ticket / wampcra secret, scram password
  --private-key WAMP_PRIVATE_KEY cryptosign: 32 byte seed or 64 byte secret key, hex
  --prefix      WAMP_PREFIX      interop (URI prefix of the test procedures and topics)
  --timeout     WAMP_TIMEOUT     5000 (ms, per check and for connecting)
  --only        WAMP_ONLY        comma separated check names to run (caller)
  --skip        WAMP_SKIP        comma separated check names to skip (caller)
  --extended    WAMP_EXTENDED    0 | 1: also run the extended checks (caller; routers with the Advanced Profile)
  --suite       WAMP_SUITE       interop | sample: the checks of the test procedures (callee scripts) or of
                                 the sample app's com.example.* procedures (caller)
  --expect-authrole WAMP_EXPECT_AUTHROLE  caller: the authrole WELCOME must carry (checked by join)

Workarounds for Autobahn|Python 22.7.1 bugs (each a one-line shim, so the rest is Autobahn's code):
- SCRAM is Autobahn's own AuthScram ("scram", Crossbar.io's dialect) with PBKDF2. Debian's
  python3-autobahn lacks its optional argon2-cffi and passlib: AuthScram refuses to start without
  them although PBKDF2 does not need Argon2, and it calls passlib's saslprep (the authids used
  here are ASCII, which saslprep leaves unchanged). Its PBKDF2 path passes the Base64 salt text
  as str where auth.pbkdf2 wants bytes ("Invalid argument types"): _scram() encodes it, which is
  what Crossbar.io does (the salt's text is the PBKDF2 salt).
- Its asyncio RawSocket client protocol has no transport_details, which every WELCOME reads:
  without a class attribute the session never joins over RawSocket.
"""

import argparse
import asyncio
import binascii
import json
import os
import sys
from urllib.parse import urlparse

import txaio

txaio.use_asyncio()

from autobahn.asyncio.rawsocket import WampRawSocketClientFactory, WampRawSocketClientProtocol  # noqa: E402
from autobahn.asyncio.wamp import ApplicationSession  # noqa: E402
from autobahn.asyncio.websocket import WampWebSocketClientFactory  # noqa: E402
from autobahn.wamp import auth, serializer as serializers  # noqa: E402
from autobahn.wamp.types import ComponentConfig  # noqa: E402

if not hasattr(WampRawSocketClientProtocol, 'transport_details'):
    WampRawSocketClientProtocol.transport_details = None

OPTIONS = {
    'url': ('WAMP_URL', 'ws://127.0.0.1:8080/ws'),
    'realm': ('WAMP_REALM', 'realm1'),
    'serializer': ('WAMP_SERIALIZER', 'json'),
    'authmethod': ('WAMP_AUTHMETHOD', 'anonymous'),
    'authid': ('WAMP_AUTHID', ''),
    'secret': ('WAMP_SECRET', ''),
    'private-key': ('WAMP_PRIVATE_KEY', ''),
    'prefix': ('WAMP_PREFIX', 'interop'),
    'timeout': ('WAMP_TIMEOUT', '5000'),
    'only': ('WAMP_ONLY', ''),
    'skip': ('WAMP_SKIP', ''),
    'extended': ('WAMP_EXTENDED', '0'),
    'suite': ('WAMP_SUITE', 'interop'),
    'expect-authrole': ('WAMP_EXPECT_AUTHROLE', ''),
}


def parse_config(argv):
    parser = argparse.ArgumentParser()
    for name, (env, default) in OPTIONS.items():
        parser.add_argument('--' + name, dest=name.replace('-', '_'), default=os.environ.get(env, default))
    config = parser.parse_args(argv)
    config.timeout = int(config.timeout) / 1000.0
    config.only = [s.strip() for s in config.only.split(',') if s.strip()]
    config.skip = [s.strip() for s in config.skip.split(',') if s.strip()]
    config.extended = config.extended in ('1', 'true')
    return config


def make_serializer(name):
    classes = {
        'json': getattr(serializers, 'JsonSerializer', None),
        'msgpack': getattr(serializers, 'MsgPackSerializer', None),
        'cbor': getattr(serializers, 'CBORSerializer', None),
    }
    if name not in classes:
        raise ValueError('unknown serializer %s (json, msgpack, cbor)' % name)
    if classes[name] is None:
        raise ValueError('serializer %s is not available: install the Debian package python3-%s'
                         % (name, {'msgpack': 'msgpack', 'cbor': 'cbor2'}.get(name, name)))
    return classes[name]()


def _cryptosign_key(private_key_hex):
    import nacl.signing
    raw = binascii.unhexlify(private_key_hex)
    if len(raw) not in (32, 64):
        raise ValueError('--private-key must be 32 or 64 bytes hex')
    return nacl.signing.SigningKey(raw[:32])


def _scram(authid, password):
    if not hasattr(auth, 'saslprep'):
        auth.saslprep = lambda text: text
    auth._hash_pbkdf2_secret = lambda secret, salt, iterations: auth.pbkdf2(
        secret, salt.encode('ascii') if isinstance(salt, str) else salt, iterations, keylen=32)
    scram = auth.AuthScram.__new__(auth.AuthScram)  # skips the Argon2 availability check
    scram._args = {'authid': authid, 'password': password}
    scram._client_nonce = None
    return scram


class PeerSession(ApplicationSession):
    """Joins with the configured authentication and completes `self.joined` with the details."""

    def __init__(self, config, peer):
        ApplicationSession.__init__(self, ComponentConfig(config.realm))
        self.peer = peer
        self.joined = asyncio.get_event_loop().create_future()
        self.lost = asyncio.get_event_loop().create_future()

    def onConnect(self):
        c = self.peer
        method = c.authmethod or 'anonymous'
        if method == 'anonymous':
            self.join(c.realm)
            return
        authextra = None
        self.scram = None
        if method == 'cryptosign':
            key = _cryptosign_key(c.private_key)
            authextra = {'pubkey': key.verify_key.encode().hex()}
        elif method == 'scram':
            self.scram = _scram(c.authid, c.secret)
            authextra = self.scram.authextra
        elif method not in ('ticket', 'wampcra'):
            raise ValueError('unknown authmethod %s (anonymous, ticket, wampcra, cryptosign, scram)' % method)
        self.join(c.realm, authmethods=[method], authid=c.authid or None, authextra=authextra)

    def onChallenge(self, challenge):
        c = self.peer
        if challenge.method == 'ticket':
            return c.secret
        if challenge.method == 'wampcra':
            key = c.secret.encode('utf8')
            if 'salt' in challenge.extra:
                key = auth.derive_key(key, challenge.extra['salt'], challenge.extra.get('iterations', 1000),
                                      challenge.extra.get('keylen', 32))
            return auth.compute_wcs(key, challenge.extra['challenge'].encode('utf8')).decode('ascii')
        if challenge.method == 'cryptosign':
            data = binascii.unhexlify(challenge.extra['challenge'])
            signed = _cryptosign_key(c.private_key).sign(data)
            return signed.signature.hex() + data.hex()
        if challenge.method == 'scram' and self.scram is not None:
            return self.scram.on_challenge(self, challenge).decode('ascii')
        raise Exception('unexpected challenge for authmethod %s' % challenge.method)

    def onWelcome(self, welcome):
        # SCRAM: check the router's server signature before accepting the session.
        if getattr(self, 'scram', None) is not None:
            return self.scram.on_welcome(self, welcome.authextra or {})
        return None

    async def onJoin(self, details):
        if not self.joined.done():
            self.joined.set_result(details)

    def onLeave(self, details):
        if not self.joined.done():
            self.joined.set_exception(Exception('session ended before join: %s %s' % (details.reason, details.message)))
        if not self.lost.done():
            self.lost.set_result('left: %s %s' % (details.reason, details.message))
        self.disconnect()

    def onDisconnect(self):
        if not self.joined.done():
            self.joined.set_exception(Exception('transport closed before join'))
        if not self.lost.done():
            self.lost.set_result('transport closed')


async def connect(config, session_class=PeerSession):
    """Opens one session; returns (session, details). Raises with a readable reason."""
    loop = asyncio.get_event_loop()
    session = session_class(config, config)
    url = urlparse(config.url)
    ser = make_serializer(config.serializer)
    if url.scheme in ('tcp', 'rs'):
        factory = WampRawSocketClientFactory(lambda: session, serializer=ser)
    elif url.scheme in ('ws', 'wss'):
        factory = WampWebSocketClientFactory(lambda: session, url=config.url, serializers=[ser])
    else:
        raise ValueError('unsupported URL %s (ws://, wss://, tcp://)' % config.url)
    try:
        await asyncio.wait_for(loop.create_connection(factory, url.hostname, url.port, ssl=url.scheme == 'wss'),
                               config.timeout)
        details = await asyncio.wait_for(session.joined, config.timeout)
    except asyncio.TimeoutError:
        raise Exception('no session within %d ms to %s' % (config.timeout * 1000, config.url))
    return session, details


def describe(value):
    return json.dumps(value, default=lambda o: {'bytes': o.hex()} if isinstance(o, (bytes, bytearray)) else repr(o),
                      ensure_ascii=False)


def out(line):
    print(line, flush=True)


def fail_fast(message, code=2):
    out(message)
    sys.exit(code)
